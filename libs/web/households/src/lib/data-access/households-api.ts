import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  type AcceptInvitationRequest,
  type AddressRequest,
  type ChildView,
  CityRoutes,
  type ContactRequest,
  type ContactView,
  type CreateChildRequest,
  type DeclareQuotientRequest,
  type DocumentView,
  HouseholdRoutes,
  type HouseholdView,
  type InviteGuardianRequest,
  type QuotientView,
  SiteKind,
  type SiteView,
  type UpdateChildRequest,
  type UploadDocumentRequest,
} from '@foyer/shared/contracts';
import { apiUrl } from '@foyer/web/core';

const HOUSEHOLD = HouseholdRoutes.household;
const CHILDREN = HouseholdRoutes.children;
const DOCUMENTS = `${HOUSEHOLD}/documents`;
const QUOTIENTS = `${HOUSEHOLD}/quotients`;
const CONTACTS = `${HOUSEHOLD}/contacts`;
const ADDRESS = `${HOUSEHOLD}/address`;
const INVITATIONS = `${HOUSEHOLD}/invitations`;

/** A failed Blob request carries its JSON error as a Blob: read it so toFormError finds the message. */
async function withReadableError(error: unknown): Promise<never> {
  if (error instanceof HttpErrorResponse && error.error instanceof Blob) {
    const text = await error.error.text().catch(() => null);
    throw new HttpErrorResponse({
      error: text,
      headers: error.headers,
      status: error.status,
      statusText: error.statusText,
      url: error.url ?? undefined,
    });
  }
  throw error;
}

/** The resident's own household: every call acts on the signed-in person's family. */
@Injectable({ providedIn: 'root' })
export class HouseholdsApi {
  private readonly http = inject(HttpClient);
  private schoolList: Promise<SiteView[]> | null = null;

  household(): Promise<HouseholdView> {
    return firstValueFrom(this.http.get<HouseholdView>(apiUrl(HOUSEHOLD)));
  }

  createChild(request: CreateChildRequest): Promise<ChildView> {
    return firstValueFrom(this.http.post<ChildView>(apiUrl(CHILDREN), request));
  }

  child(childId: string): Promise<ChildView> {
    return firstValueFrom(this.http.get<ChildView>(apiUrl(`${CHILDREN}/${encodeURIComponent(childId)}`)));
  }

  updateChild(childId: string, request: UpdateChildRequest): Promise<ChildView> {
    return firstValueFrom(
      this.http.patch<ChildView>(apiUrl(`${CHILDREN}/${encodeURIComponent(childId)}`), request),
    );
  }

  documents(): Promise<DocumentView[]> {
    return firstValueFrom(this.http.get<DocumentView[]>(apiUrl(DOCUMENTS)));
  }

  /** The file itself, as a Blob: the request needs the bearer token, so a plain link cannot fetch it. */
  documentContent(documentId: string): Promise<Blob> {
    return firstValueFrom(
      this.http.get(apiUrl(`${DOCUMENTS}/${encodeURIComponent(documentId)}/content`), {
        responseType: 'blob',
      }),
    ).catch(withReadableError);
  }

  /** Multipart: the `file` part and the UploadDocumentRequest fields beside it. */
  uploadDocument(file: File, fields: UploadDocumentRequest): Promise<DocumentView> {
    const body = new FormData();
    body.append('type', fields.type);
    if (fields.childId) body.append('childId', fields.childId);
    if (fields.expiresOn) body.append('expiresOn', fields.expiresOn);
    body.append('file', file, file.name);
    return firstValueFrom(this.http.post<DocumentView>(apiUrl(DOCUMENTS), body));
  }

  quotients(): Promise<QuotientView[]> {
    return firstValueFrom(this.http.get<QuotientView[]>(apiUrl(QUOTIENTS)));
  }

  declareQuotient(request: DeclareQuotientRequest): Promise<QuotientView> {
    return firstValueFrom(this.http.post<QuotientView>(apiUrl(QUOTIENTS), request));
  }

  updateAddress(request: AddressRequest): Promise<HouseholdView> {
    return firstValueFrom(this.http.patch<HouseholdView>(apiUrl(ADDRESS), request));
  }

  /** Mails the second legal guardian a link to /famille/rejoindre; answers the household with it pending. */
  inviteGuardian(request: InviteGuardianRequest): Promise<HouseholdView> {
    return firstValueFrom(this.http.post<HouseholdView>(apiUrl(INVITATIONS), request));
  }

  /** The signed-in resident joins the household that invited them, as its second guardian. */
  acceptInvitation(request: AcceptInvitationRequest): Promise<HouseholdView> {
    return firstValueFrom(this.http.post<HouseholdView>(apiUrl(`${INVITATIONS}/accept`), request));
  }

  addContact(request: ContactRequest): Promise<ContactView> {
    return firstValueFrom(this.http.post<ContactView>(apiUrl(CONTACTS), request));
  }

  deleteContact(contactId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(apiUrl(`${CONTACTS}/${encodeURIComponent(contactId)}`)));
  }

  /** The city's schools, asked once per visit: they change a few times a year. */
  schools(): Promise<SiteView[]> {
    this.schoolList ??= firstValueFrom(this.http.get<SiteView[]>(apiUrl(CityRoutes.sites)))
      .then((sites) =>
        sites
          .filter((site) => site.kind === SiteKind.School)
          .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      )
      .catch((error: unknown) => {
        this.schoolList = null;
        throw error;
      });
    return this.schoolList;
  }
}
