import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  AgentHouseholdRoutes,
  type DecideQuotientRequest,
  type HouseholdSummaryView,
  type HouseholdView,
  type PendingQuotientView,
  QuotientStatus,
  type QuotientView,
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
