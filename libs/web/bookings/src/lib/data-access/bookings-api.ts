import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  type ActivityView,
  AdminBookingRoutes,
  type AgentEnrollmentView,
  AgentBookingRoutes,
  type AttendanceQuery,
  type AttendanceSheetView,
  type BookingCalendarView,
  type BookingChange,
  type BookingChangesView,
  type BookingOfferView,
  BookingRoutes,
  type CalendarFeedView,
  type CapacityOverrideRequest,
  CERTIFICATE_FILE_FIELD,
  CityRoutes,
  type ClosureView,
  type CreateActivityRequest,
  type CreateCampaignRequest,
  type CreateClosureRequest,
  type DecideEnrollmentRequest,
  type EnrollmentView,
  HouseholdRoutes,
  type HouseholdView,
  type MarkAttendanceRequest,
  type MealCountsView,
  type PatternRequest,
  type RequestEnrollmentRequest,
  type SickCancellationRequest,
  type SiteOfferRequest,
  type SiteOfferView,
  type SiteView,
  type UpdateActivityRequest,
  type UpdateSiteOfferRequest,
} from '@foyer/shared/contracts';
import { apiUrl } from '@foyer/web/core';

/** A route constant with its `:name` parameters filled in (each one URL-encoded). */
function route(template: string, params: Record<string, string>): string {
  return apiUrl(
    template.replace(/:([A-Za-z]+)/g, (_match, name: string) => encodeURIComponent(params[name] ?? '')),
  );
}

const get = <T>(http: HttpClient, url: string, params?: Record<string, string>) =>
  firstValueFrom(http.get<T>(url, params ? { params: new HttpParams({ fromObject: params }) } : {}));

/** Every bookings call of the portal: the family's, the agents' (scope enfance) and the administrators'. */
@Injectable({ providedIn: 'root' })
export class BookingsApi {
  private readonly http = inject(HttpClient);
  private siteList: Promise<SiteView[]> | null = null;

  // --- catalogue ---

  activities(): Promise<ActivityView[]> {
    return get<ActivityView[]>(this.http, apiUrl(BookingRoutes.activities));
  }

  /** The city's sites, asked once per visit. */
  sites(): Promise<SiteView[]> {
    this.siteList ??= get<SiteView[]>(this.http, apiUrl(CityRoutes.sites))
      .then((sites) => [...sites].sort((a, b) => a.name.localeCompare(b.name, 'fr')))
      .catch((error: unknown) => {
        this.siteList = null;
        throw error;
      });
    return this.siteList;
  }

  // --- the family ---

  /** The signed-in resident's household: its children are the calendars' owners. */
  household(): Promise<HouseholdView> {
    return get<HouseholdView>(this.http, apiUrl(HouseholdRoutes.household));
  }

  enrollments(childId: string): Promise<EnrollmentView[]> {
    return get<EnrollmentView[]>(this.http, route(BookingRoutes.enrollments, { childId }));
  }

  requestEnrollment(childId: string, request: RequestEnrollmentRequest): Promise<EnrollmentView> {
    return firstValueFrom(
      this.http.post<EnrollmentView>(route(BookingRoutes.enrollments, { childId }), request),
    );
  }

  calendar(childId: string, from: string, to: string): Promise<BookingCalendarView> {
    return get<BookingCalendarView>(this.http, route(BookingRoutes.calendar, { childId }), { from, to });
  }

  changeBookings(childId: string, changes: BookingChange[]): Promise<BookingChangesView> {
    return firstValueFrom(
      this.http.put<BookingChangesView>(route(BookingRoutes.bookings, { childId }), { changes }),
    );
  }

  bookPattern(childId: string, request: PatternRequest): Promise<BookingChangesView> {
    return firstValueFrom(
      this.http.post<BookingChangesView>(route(BookingRoutes.pattern, { childId }), request),
    );
  }

  cancelPeriod(childId: string, request: PatternRequest): Promise<BookingChangesView> {
    return firstValueFrom(
      this.http.post<BookingChangesView>(route(BookingRoutes.cancelPeriod, { childId }), request),
    );
  }

  cancelForIllness(childId: string, request: SickCancellationRequest): Promise<BookingChangesView> {
    return firstValueFrom(
      this.http.post<BookingChangesView>(route(BookingRoutes.sick, { childId }), request),
    );
  }

  /** Multipart: the medical certificate (PDF, JPEG or PNG) that justifies a sick absence. */
  uploadCertificate(childId: string, bookingId: string, file: File): Promise<unknown> {
    const body = new FormData();
    body.append(CERTIFICATE_FILE_FIELD, file, file.name);
    return firstValueFrom(this.http.post(route(BookingRoutes.certificate, { childId, bookingId }), body));
  }

  calendarFeed(childId: string): Promise<CalendarFeedView> {
    return get<CalendarFeedView>(this.http, route(BookingRoutes.calendarFeed, { childId }));
  }

  /** Creates the feed's secret link, or replaces it: the old link stops answering. */
  regenerateCalendarFeed(childId: string): Promise<CalendarFeedView> {
    return firstValueFrom(
      this.http.post<CalendarFeedView>(route(BookingRoutes.calendarFeed, { childId }), {}),
    );
  }

  offers(): Promise<BookingOfferView[]> {
    return get<BookingOfferView[]>(this.http, apiUrl(BookingRoutes.offers));
  }

  acceptOffer(bookingId: string): Promise<unknown> {
    return firstValueFrom(this.http.post(route(BookingRoutes.acceptOffer, { bookingId }), {}));
  }

  declineOffer(bookingId: string): Promise<unknown> {
    return firstValueFrom(this.http.post(route(BookingRoutes.declineOffer, { bookingId }), {}));
  }

  // --- agents, scope enfance ---

  agentEnrollments(): Promise<AgentEnrollmentView[]> {
    return get<AgentEnrollmentView[]>(this.http, apiUrl(AgentBookingRoutes.enrollments));
  }

  decideEnrollment(enrollmentId: string, request: DecideEnrollmentRequest): Promise<EnrollmentView> {
    return firstValueFrom(
      this.http.post<EnrollmentView>(route(AgentBookingRoutes.decideEnrollment, { enrollmentId }), request),
    );
  }

  closures(): Promise<ClosureView[]> {
    return get<ClosureView[]>(this.http, apiUrl(AgentBookingRoutes.closures));
  }

  createClosure(request: CreateClosureRequest): Promise<ClosureView> {
    return firstValueFrom(this.http.post<ClosureView>(apiUrl(AgentBookingRoutes.closures), request));
  }

  attendance(query: AttendanceQuery): Promise<AttendanceSheetView> {
    return get<AttendanceSheetView>(this.http, apiUrl(AgentBookingRoutes.attendance), { ...query });
  }

  markAttendance(request: MarkAttendanceRequest): Promise<AttendanceSheetView> {
    return firstValueFrom(this.http.put<AttendanceSheetView>(apiUrl(AgentBookingRoutes.attendance), request));
  }

  mealCounts(date: string): Promise<MealCountsView> {
    return get<MealCountsView>(this.http, apiUrl(AgentBookingRoutes.mealCounts), { date });
  }

  mealCountsCsv(date: string): Promise<Blob> {
    return firstValueFrom(
      this.http.get(apiUrl(AgentBookingRoutes.mealCountsCsv), {
        params: new HttpParams({ fromObject: { date } }),
        responseType: 'blob',
      }),
    );
  }

  // --- administrators ---

  adminActivities(): Promise<ActivityView[]> {
    return get<ActivityView[]>(this.http, apiUrl(AdminBookingRoutes.activities));
  }

  createActivity(request: CreateActivityRequest): Promise<ActivityView> {
    return firstValueFrom(this.http.post<ActivityView>(apiUrl(AdminBookingRoutes.activities), request));
  }

  updateActivity(activityId: string, request: UpdateActivityRequest): Promise<ActivityView> {
    return firstValueFrom(
      this.http.patch<ActivityView>(route(AdminBookingRoutes.activity, { activityId }), request),
    );
  }

  /** Answers the activity with its new offer. */
  addOffer(activityId: string, request: SiteOfferRequest): Promise<ActivityView> {
    return firstValueFrom(
      this.http.post<ActivityView>(route(AdminBookingRoutes.offers, { activityId }), request),
    );
  }

  /** Answers the offer's activity. */
  updateOffer(offerId: string, request: UpdateSiteOfferRequest): Promise<ActivityView> {
    return firstValueFrom(
      this.http.patch<ActivityView>(route(AdminBookingRoutes.offer, { offerId }), request),
    );
  }

  setCapacityOverride(offerId: string, request: CapacityOverrideRequest): Promise<SiteOfferView> {
    return firstValueFrom(
      this.http.put<SiteOfferView>(route(AdminBookingRoutes.capacityOverrides, { offerId }), request),
    );
  }

  /** Answers the campaign's activity. */
  createCampaign(request: CreateCampaignRequest): Promise<ActivityView> {
    return firstValueFrom(this.http.post<ActivityView>(apiUrl(AdminBookingRoutes.campaigns), request));
  }
}
