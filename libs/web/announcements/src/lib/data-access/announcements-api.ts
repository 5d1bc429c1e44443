import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  type ActivityView,
  type AdminAnnouncementView,
  AnnouncementRoutes,
  type AnnouncementView,
  BookingRoutes,
  type CreateAnnouncementRequest,
  type SiteView,
  type UpdateAnnouncementRequest,
} from '@foyer/shared/contracts';
import { apiUrl } from '@foyer/web/core';

/** The announcements API: the current ones (public, more when signed in) and the admin routes. */
@Injectable({ providedIn: 'root' })
export class AnnouncementsApi {
  private readonly http = inject(HttpClient);

  current(): Promise<AnnouncementView[]> {
    return firstValueFrom(this.http.get<AnnouncementView[]>(apiUrl(AnnouncementRoutes.list)));
  }

  adminList(): Promise<AdminAnnouncementView[]> {
    return firstValueFrom(this.http.get<AdminAnnouncementView[]>(apiUrl(AnnouncementRoutes.admin)));
  }

  create(body: CreateAnnouncementRequest): Promise<AdminAnnouncementView> {
    return firstValueFrom(this.http.post<AdminAnnouncementView>(apiUrl(AnnouncementRoutes.admin), body));
  }

  update(id: string, body: UpdateAnnouncementRequest): Promise<AdminAnnouncementView> {
    return firstValueFrom(
      this.http.patch<AdminAnnouncementView>(
        apiUrl(`${AnnouncementRoutes.admin}/${encodeURIComponent(id)}`),
        body,
      ),
    );
  }

  remove(id: string): Promise<void> {
    return firstValueFrom(
      this.http.delete<void>(apiUrl(`${AnnouncementRoutes.admin}/${encodeURIComponent(id)}`)),
    );
  }

  /** The bookings catalogue, for an announcement to the families enrolled in an activity. */
  activities(): Promise<ActivityView[]> {
    return firstValueFrom(this.http.get<ActivityView[]>(apiUrl(BookingRoutes.activities)));
  }

  sites(): Promise<SiteView[]> {
    return firstValueFrom(this.http.get<SiteView[]>(apiUrl('sites')));
  }
}
