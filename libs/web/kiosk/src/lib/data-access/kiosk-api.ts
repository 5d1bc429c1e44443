import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  AnnouncementRoutes,
  type AnnouncementView,
  type KioskCodeView,
  type KioskPollView,
  KioskRoutes,
  type KioskSessionView,
  type KioskSignInRequestView,
  type KioskStatusView,
} from '@foyer/shared/contracts';
import { apiUrl } from '@foyer/web/core';

const withId = (route: string, param: string, id: string) => route.replace(param, encodeURIComponent(id));

/** The kiosk API: terminal status, QR sign-in (kiosk and phone sides), kiosk sessions. */
@Injectable({ providedIn: 'root' })
export class KioskApi {
  private readonly http = inject(HttpClient);

  status(): Promise<KioskStatusView> {
    return firstValueFrom(
      this.http.get<KioskStatusView>(apiUrl(KioskRoutes.status), { withCredentials: true }),
    );
  }

  activate(token: string): Promise<KioskStatusView> {
    return firstValueFrom(
      this.http.post<KioskStatusView>(apiUrl(KioskRoutes.activate), { token }, { withCredentials: true }),
    );
  }

  announcements(): Promise<AnnouncementView[]> {
    return firstValueFrom(this.http.get<AnnouncementView[]>(apiUrl(AnnouncementRoutes.list)));
  }

  askSignIn(): Promise<KioskSignInRequestView> {
    return firstValueFrom(
      this.http.post<KioskSignInRequestView>(
        apiUrl(KioskRoutes.signInRequests),
        {},
        { withCredentials: true },
      ),
    );
  }

  poll(request: KioskSignInRequestView): Promise<KioskPollView> {
    return firstValueFrom(
      this.http.post<KioskPollView>(apiUrl(withId(KioskRoutes.poll, ':signInRequestId', request.id)), {
        pollSecret: request.pollSecret,
      }),
    );
  }

  lookup(code: string): Promise<KioskCodeView> {
    return firstValueFrom(this.http.post<KioskCodeView>(apiUrl(KioskRoutes.lookup), { code }));
  }

  approve(code: string, confirmation: number): Promise<KioskSessionView> {
    return firstValueFrom(
      this.http.post<KioskSessionView>(apiUrl(KioskRoutes.approve), { code, confirmation }),
    );
  }

  mySessions(): Promise<KioskSessionView[]> {
    return firstValueFrom(this.http.get<KioskSessionView[]>(apiUrl(KioskRoutes.mySessions)));
  }

  end(sessionId: string): Promise<void> {
    return firstValueFrom(
      this.http.post<void>(apiUrl(withId(KioskRoutes.endSession, ':kioskSessionId', sessionId)), {}),
    );
  }

  endCurrent(): Promise<void> {
    return firstValueFrom(this.http.post<void>(apiUrl(KioskRoutes.endCurrent), {}));
  }
}
