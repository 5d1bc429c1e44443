import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  AgentHouseholdRoutes,
  type FailedJobView,
  type HouseholdMessageView,
  type NotificationPageView,
  type NotificationPreferenceChange,
  type NotificationPreferencesPageView,
  NotificationRoutes,
  type NotificationView,
  type PushPublicKeyView,
  type PushSubscriptionRequest,
  type PushSubscriptionView,
  type UnreadCountView,
  type UpdateNotificationPreferencesBody,
} from '@foyer/shared/contracts';
import { apiUrl } from '@foyer/web/core';

/** The notifications API: inbox, preferences, the agents' view of a family's messages, failed jobs. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(page = 1, pageSize = 20, unread = false): Promise<NotificationPageView> {
    const params: Record<string, string> = { page: String(page), pageSize: String(pageSize) };
    if (unread) params['unread'] = 'true';
    return firstValueFrom(this.http.get<NotificationPageView>(apiUrl(NotificationRoutes.list), { params }));
  }

  unreadCount(): Promise<UnreadCountView> {
    return firstValueFrom(this.http.get<UnreadCountView>(apiUrl(NotificationRoutes.unreadCount)));
  }

  markRead(id: string): Promise<NotificationView> {
    return firstValueFrom(
      this.http.post<NotificationView>(
        apiUrl(`${NotificationRoutes.list}/${encodeURIComponent(id)}/read`),
        {},
      ),
    );
  }

  markAllRead(): Promise<void> {
    return firstValueFrom(this.http.post<void>(apiUrl(NotificationRoutes.readAll), {}));
  }

  preferences(): Promise<NotificationPreferencesPageView> {
    return firstValueFrom(
      this.http.get<NotificationPreferencesPageView>(apiUrl(NotificationRoutes.preferences)),
    );
  }

  updatePreferences(preferences: NotificationPreferenceChange[]): Promise<NotificationPreferencesPageView> {
    const body: UpdateNotificationPreferencesBody = { preferences };
    return firstValueFrom(
      this.http.put<NotificationPreferencesPageView>(apiUrl(NotificationRoutes.preferences), body),
    );
  }

  householdMessages(householdId: string): Promise<HouseholdMessageView[]> {
    return firstValueFrom(
      this.http.get<HouseholdMessageView[]>(
        apiUrl(`${AgentHouseholdRoutes.households}/${encodeURIComponent(householdId)}/messages`),
      ),
    );
  }

  failedJobs(): Promise<FailedJobView[]> {
    return firstValueFrom(
      this.http.get<FailedJobView[]>(apiUrl(NotificationRoutes.adminJobs), { params: { state: 'failed' } }),
    );
  }

  retryJob(id: string): Promise<void> {
    return firstValueFrom(
      this.http.post<void>(apiUrl(`${NotificationRoutes.adminJobs}/${encodeURIComponent(id)}/retry`), {}),
    );
  }

  pushPublicKey(): Promise<PushPublicKeyView> {
    return firstValueFrom(this.http.get<PushPublicKeyView>(apiUrl(NotificationRoutes.pushPublicKey)));
  }

  subscribePush(body: PushSubscriptionRequest): Promise<PushSubscriptionView> {
    return firstValueFrom(
      this.http.post<PushSubscriptionView>(apiUrl(NotificationRoutes.pushSubscriptions), body),
    );
  }

  unsubscribePush(endpoint: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(apiUrl(NotificationRoutes.pushUnsubscribe), { endpoint }));
  }
}
