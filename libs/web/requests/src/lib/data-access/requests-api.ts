import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  type AddRequestNoteRequest,
  type AgentRequestView,
  type AssignRequestRequest,
  type AttachFamilyDocumentRequest,
  type CreateRequestRequest,
  type DocumentView,
  type FileRequestOnBehalfRequest,
  HouseholdRoutes,
  type HouseholdView,
  type PostRequestMessageRequest,
  type RequestAssigneeView,
  type RequestAttachmentView,
  type RequestDashboardView,
  type RequestQueuePageView,
  type RequestQueueQuery,
  RequestRoutes,
  type RequestSummaryView,
  type RequestTransitionRequest,
  type RequestTypeView,
  type RequestView,
  type SaveRequestTypeRequest,
  type SiteView,
  CityRoutes,
  SiteKind,
} from '@foyer/shared/contracts';
import { apiUrl } from '@foyer/web/core';

/** `requests/:id/documents` with the ids filled in, each encoded. */
function path(route: string, params: Record<string, string>): string {
  return route.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
}

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

/** The resident's side: the catalogue and the household's own requests. */
@Injectable({ providedIn: 'root' })
export class RequestsApi {
  private readonly http = inject(HttpClient);

  types(): Promise<RequestTypeView[]> {
    return firstValueFrom(this.http.get<RequestTypeView[]>(apiUrl(RequestRoutes.types)));
  }

  list(): Promise<RequestSummaryView[]> {
    return firstValueFrom(this.http.get<RequestSummaryView[]>(apiUrl(RequestRoutes.requests)));
  }

  get(id: string): Promise<RequestView> {
    return firstValueFrom(this.http.get<RequestView>(apiUrl(path(RequestRoutes.request, { id }))));
  }

  create(request: CreateRequestRequest): Promise<RequestView> {
    return firstValueFrom(this.http.post<RequestView>(apiUrl(RequestRoutes.requests), request));
  }

  updateDraft(id: string, data: Record<string, unknown>): Promise<RequestView> {
    return firstValueFrom(this.http.put<RequestView>(apiUrl(path(RequestRoutes.request, { id })), { data }));
  }

  submit(id: string): Promise<RequestView> {
    return firstValueFrom(this.http.post<RequestView>(apiUrl(path(RequestRoutes.submit, { id })), {}));
  }

  withdraw(id: string, comment?: string): Promise<RequestView> {
    return firstValueFrom(
      this.http.post<RequestView>(apiUrl(path(RequestRoutes.withdraw, { id })), comment ? { comment } : {}),
    );
  }

  postMessage(id: string, request: PostRequestMessageRequest): Promise<unknown> {
    return firstValueFrom(this.http.post(apiUrl(path(RequestRoutes.messages, { id })), request));
  }

  /** Multipart: the `file` part. */
  upload(id: string, file: File): Promise<RequestAttachmentView> {
    const body = new FormData();
    body.append('file', file, file.name);
    return firstValueFrom(
      this.http.post<RequestAttachmentView>(apiUrl(path(RequestRoutes.documents, { id })), body),
    );
  }

  attachFamilyDocument(id: string, request: AttachFamilyDocumentRequest): Promise<RequestAttachmentView> {
    return firstValueFrom(
      this.http.post<RequestAttachmentView>(apiUrl(path(RequestRoutes.familyDocuments, { id })), request),
    );
  }

  documentContent(id: string, documentId: string): Promise<Blob> {
    return firstValueFrom(
      this.http.get(apiUrl(path(RequestRoutes.document, { id, documentId })), { responseType: 'blob' }),
    ).catch(withReadableError);
  }

  household(): Promise<HouseholdView> {
    return firstValueFrom(this.http.get<HouseholdView>(apiUrl(HouseholdRoutes.household)));
  }

  familyDocuments(): Promise<DocumentView[]> {
    return firstValueFrom(this.http.get<DocumentView[]>(apiUrl(`${HouseholdRoutes.household}/documents`)));
  }
}

/** The back office: the queue, a request's file, the dashboard. */
@Injectable({ providedIn: 'root' })
export class AgentRequestsApi {
  private readonly http = inject(HttpClient);
  private schoolList: Promise<SiteView[]> | null = null;

  queue(query: RequestQueueQuery): Promise<RequestQueuePageView> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return firstValueFrom(
      this.http.get<RequestQueuePageView>(apiUrl(RequestRoutes.adminRequests), { params }),
    );
  }

  get(id: string): Promise<AgentRequestView> {
    return firstValueFrom(this.http.get<AgentRequestView>(apiUrl(path(RequestRoutes.adminRequest, { id }))));
  }

  fileOnBehalf(request: FileRequestOnBehalfRequest): Promise<AgentRequestView> {
    return firstValueFrom(this.http.post<AgentRequestView>(apiUrl(RequestRoutes.adminRequests), request));
  }

  transition(id: string, request: RequestTransitionRequest): Promise<unknown> {
    return firstValueFrom(this.http.post(apiUrl(path(RequestRoutes.adminTransitions, { id })), request));
  }

  postMessage(id: string, request: PostRequestMessageRequest): Promise<unknown> {
    return firstValueFrom(this.http.post(apiUrl(path(RequestRoutes.adminMessages, { id })), request));
  }

  assign(id: string, request: AssignRequestRequest): Promise<unknown> {
    return firstValueFrom(this.http.post(apiUrl(path(RequestRoutes.adminAssign, { id })), request));
  }

  addNote(id: string, request: AddRequestNoteRequest): Promise<unknown> {
    return firstValueFrom(this.http.post(apiUrl(path(RequestRoutes.adminNotes, { id })), request));
  }

  assignees(id: string): Promise<RequestAssigneeView[]> {
    return firstValueFrom(
      this.http.get<RequestAssigneeView[]>(apiUrl(path(RequestRoutes.adminAssignees, { id }))),
    );
  }

  dashboard(): Promise<RequestDashboardView> {
    return firstValueFrom(this.http.get<RequestDashboardView>(apiUrl(RequestRoutes.adminDashboard)));
  }

  types(): Promise<RequestTypeView[]> {
    return firstValueFrom(this.http.get<RequestTypeView[]>(apiUrl(RequestRoutes.types)));
  }

  documentContent(id: string, documentId: string): Promise<Blob> {
    return firstValueFrom(
      this.http.get(apiUrl(path(RequestRoutes.adminDocument, { id, documentId })), { responseType: 'blob' }),
    ).catch(withReadableError);
  }

  /** The city's schools, for the queue's filter: asked once per visit. */
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

/** The administrators' request types and their forms. */
@Injectable({ providedIn: 'root' })
export class RequestTypesAdminApi {
  private readonly http = inject(HttpClient);

  list(): Promise<RequestTypeView[]> {
    return firstValueFrom(this.http.get<RequestTypeView[]>(apiUrl(RequestRoutes.adminTypes)));
  }

  get(id: string): Promise<RequestTypeView> {
    return firstValueFrom(this.http.get<RequestTypeView>(apiUrl(path(RequestRoutes.adminType, { id }))));
  }

  create(request: SaveRequestTypeRequest): Promise<RequestTypeView> {
    return firstValueFrom(this.http.post<RequestTypeView>(apiUrl(RequestRoutes.adminTypes), request));
  }

  update(id: string, request: SaveRequestTypeRequest): Promise<RequestTypeView> {
    return firstValueFrom(
      this.http.put<RequestTypeView>(apiUrl(path(RequestRoutes.adminType, { id })), request),
    );
  }
}
