import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  type AcknowledgementView,
  AuthRoutes,
  type DevMailView,
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

  /** Mails kept by the API when no SMTP server is configured (development only). */
  devMailbox(): Promise<DevMailView[]> {
    return firstValueFrom(this.http.get<DevMailView[]>(apiUrl(AuthRoutes.devMailbox)));
  }
}
