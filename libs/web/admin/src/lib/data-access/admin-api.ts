import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  AdminRoutes,
  type AgentView,
  type AuditEntryView,
  type AuditQuery,
  CityAdminRoutes,
  CityRoutes,
  type CreateAgentRequest,
  type CreateSchoolHolidayRequest,
  type CreateSiteRequest,
  type SchoolYearView,
  type SiteView,
  type UpdateAgentRequest,
  type UpdateSchoolYearRequest,
  type UpdateSiteRequest,
} from '@foyer/shared/contracts';
import { apiUrl } from '@foyer/web/core';

const id = (value: string) => encodeURIComponent(value);

/** The administrators' calls: agents, the audit log, sites and school calendars. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  agents(): Promise<AgentView[]> {
    return firstValueFrom(this.http.get<AgentView[]>(apiUrl(AdminRoutes.agents)));
  }

  createAgent(request: CreateAgentRequest): Promise<AgentView> {
    return firstValueFrom(this.http.post<AgentView>(apiUrl(AdminRoutes.agents), request));
  }

  updateAgent(agentId: string, request: UpdateAgentRequest): Promise<AgentView> {
    return firstValueFrom(
      this.http.patch<AgentView>(apiUrl(`${AdminRoutes.agents}/${id(agentId)}`), request),
    );
  }

  audit(query: AuditQuery): Promise<AuditEntryView[]> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return firstValueFrom(this.http.get<AuditEntryView[]>(apiUrl(AdminRoutes.audit), { params }));
  }

  sites(): Promise<SiteView[]> {
    return firstValueFrom(this.http.get<SiteView[]>(apiUrl(CityRoutes.sites)));
  }

  createSite(request: CreateSiteRequest): Promise<SiteView> {
    return firstValueFrom(this.http.post<SiteView>(apiUrl(CityAdminRoutes.sites), request));
  }

  updateSite(siteId: string, request: UpdateSiteRequest): Promise<SiteView> {
    return firstValueFrom(
      this.http.patch<SiteView>(apiUrl(`${CityAdminRoutes.sites}/${id(siteId)}`), request),
    );
  }

  schoolYears(): Promise<SchoolYearView[]> {
    return firstValueFrom(this.http.get<SchoolYearView[]>(apiUrl(CityRoutes.schoolYears)));
  }

  updateSchoolYear(schoolYear: string, request: UpdateSchoolYearRequest): Promise<SchoolYearView> {
    return firstValueFrom(
      this.http.patch<SchoolYearView>(apiUrl(`${CityAdminRoutes.schoolYears}/${id(schoolYear)}`), request),
    );
  }

  addHoliday(schoolYear: string, request: CreateSchoolHolidayRequest): Promise<SchoolYearView> {
    return firstValueFrom(
      this.http.post<SchoolYearView>(
        apiUrl(`${CityAdminRoutes.schoolYears}/${id(schoolYear)}/holidays`),
        request,
      ),
    );
  }

  removeHoliday(schoolYear: string, holidayId: string): Promise<SchoolYearView> {
    return firstValueFrom(
      this.http.delete<SchoolYearView>(
        apiUrl(`${CityAdminRoutes.schoolYears}/${id(schoolYear)}/holidays/${id(holidayId)}`),
      ),
    );
  }
}
