import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  type AddressRequest,
  AgentHouseholdRoutes,
  type AuditEntryView,
  type ChildView,
  type ContactRequest,
  type ContactView,
  type DocumentView,
  type DecideQuotientRequest,
  type HouseholdSummaryView,
  type HouseholdView,
  type PendingQuotientView,
  QuotientStatus,
  type QuotientView,
  type UpdateChildRequest,
} from '@foyer/shared/contracts';
import { apiUrl } from '@foyer/web/core';

/** The back office's calls: any household, read by an agent; quotient decisions. */
@Injectable({ providedIn: 'root' })
export class AgentApi {
  private readonly http = inject(HttpClient);

  searchHouseholds(query: string): Promise<HouseholdSummaryView[]> {
    const params = new HttpParams().set('q', query);
    return firstValueFrom(
      this.http.get<HouseholdSummaryView[]>(apiUrl(AgentHouseholdRoutes.households), { params }),
    );
  }

  household(householdId: string): Promise<HouseholdView> {
    return firstValueFrom(
      this.http.get<HouseholdView>(
        apiUrl(`${AgentHouseholdRoutes.households}/${encodeURIComponent(householdId)}`),
      ),
    );
  }

  /** The household's history, from the audit log (what the agent's scopes may see). */
  audit(householdId: string): Promise<AuditEntryView[]> {
    return firstValueFrom(this.http.get<AuditEntryView[]>(apiUrl(`${this.base(householdId)}/audit`)));
  }

  /** Every document the agent's scopes may read (403 when none). */
  documents(householdId: string): Promise<DocumentView[]> {
    return firstValueFrom(this.http.get<DocumentView[]>(apiUrl(`${this.base(householdId)}/documents`)));
  }

  /** On the family's behalf: audited under the agent's name. */
  updateAddress(householdId: string, request: AddressRequest): Promise<HouseholdView> {
    return firstValueFrom(
      this.http.patch<HouseholdView>(apiUrl(`${this.base(householdId)}/address`), request),
    );
  }

  updateChild(householdId: string, childId: string, request: UpdateChildRequest): Promise<ChildView> {
    return firstValueFrom(
      this.http.patch<ChildView>(
        apiUrl(`${this.base(householdId)}/children/${encodeURIComponent(childId)}`),
        request,
      ),
    );
  }

  addContact(householdId: string, request: ContactRequest): Promise<ContactView> {
    return firstValueFrom(this.http.post<ContactView>(apiUrl(`${this.base(householdId)}/contacts`), request));
  }

  deleteContact(householdId: string, contactId: string): Promise<void> {
    return firstValueFrom(
      this.http.delete<void>(apiUrl(`${this.base(householdId)}/contacts/${encodeURIComponent(contactId)}`)),
    );
  }

  private base(householdId: string): string {
    return `${AgentHouseholdRoutes.households}/${encodeURIComponent(householdId)}`;
  }

  /** A family's uploaded document (an attestation to check), as a file. */
  documentContent(householdId: string, documentId: string): Promise<Blob> {
    return firstValueFrom(
      this.http.get(
        apiUrl(
          `${AgentHouseholdRoutes.households}/${encodeURIComponent(householdId)}/documents/${encodeURIComponent(documentId)}/content`,
        ),
        { responseType: 'blob' },
      ),
    );
  }

  pendingQuotients(): Promise<PendingQuotientView[]> {
    const params = new HttpParams().set('status', QuotientStatus.Pending);
    return firstValueFrom(
      this.http.get<PendingQuotientView[]>(apiUrl(AgentHouseholdRoutes.quotients), { params }),
    );
  }

  decide(quotientId: string, request: DecideQuotientRequest): Promise<QuotientView> {
    return firstValueFrom(
      this.http.post<QuotientView>(
        apiUrl(`${AgentHouseholdRoutes.quotients}/${encodeURIComponent(quotientId)}/decision`),
        request,
      ),
    );
  }
}
