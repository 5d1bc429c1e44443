import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  type AcknowledgementView,
  AuthRoutes,
  type ChangeEmailRequest,
  type ChangePasswordRequest,
  type ClosureRequestView,
  type DevMailView,
  HouseholdRoutes,
  type ForgotPasswordRequest,
  type RegisterRequest,
  type ResendVerificationRequest,
  type ResetPasswordRequest,
  type VerifyEmailRequest,
} from '@foyer/shared/contracts';
import { apiUrl } from '@foyer/web/core';

/** The account routes that do not change who is signed in (AuthStore handles those). */
@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly http = inject(HttpClient);

  register(request: RegisterRequest): Promise<AcknowledgementView | null> {
    return firstValueFrom(this.http.post<AcknowledgementView | null>(apiUrl(AuthRoutes.register), request));
  }

  verifyEmail(token: string): Promise<AcknowledgementView | null> {
    const body: VerifyEmailRequest = { token };
    return firstValueFrom(this.http.post<AcknowledgementView | null>(apiUrl(AuthRoutes.verifyEmail), body));
  }

  resendVerification(email: string): Promise<AcknowledgementView | null> {
    const body: ResendVerificationRequest = { email };
    return firstValueFrom(
      this.http.post<AcknowledgementView | null>(apiUrl(AuthRoutes.resendVerification), body),
    );
  }

  forgotPassword(email: string): Promise<AcknowledgementView | null> {
    const body: ForgotPasswordRequest = { email };
    return firstValueFrom(
      this.http.post<AcknowledgementView | null>(apiUrl(AuthRoutes.forgotPassword), body),
    );
  }

  resetPassword(token: string, password: string): Promise<AcknowledgementView | null> {
    const body: ResetPasswordRequest = { token, password };
    return firstValueFrom(this.http.post<AcknowledgementView | null>(apiUrl(AuthRoutes.resetPassword), body));
  }

  changePassword(request: ChangePasswordRequest): Promise<AcknowledgementView> {
    return firstValueFrom(this.http.post<AcknowledgementView>(apiUrl(AuthRoutes.changePassword), request));
  }

  /** The new address receives a link; the address changes when it is opened. */
  changeEmail(request: ChangeEmailRequest): Promise<AcknowledgementView> {
    return firstValueFrom(this.http.post<AcknowledgementView>(apiUrl(AuthRoutes.changeEmail), request));
  }

  /** Everything the portal holds about the household (RGPD right of access), as a JSON file. */
  exportMyData(): Promise<Blob> {
    return firstValueFrom(
      this.http.get(apiUrl(`${HouseholdRoutes.household}/export`), { responseType: 'blob' }),
    );
  }

  /** Asks the city to close the account and erase the household's data. */
  requestClosure(): Promise<ClosureRequestView> {
    return firstValueFrom(
      this.http.post<ClosureRequestView>(apiUrl(`${HouseholdRoutes.household}/closure-request`), {}),
    );
  }

  /** Mails kept by the API when no SMTP server is configured (development only). */
  devMailbox(): Promise<DevMailView[]> {
    return firstValueFrom(this.http.get<DevMailView[]>(apiUrl(AuthRoutes.devMailbox)));
  }
}
