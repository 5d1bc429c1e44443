import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ApiRoutes, type HealthView } from '@foyer/shared/contracts';
import { apiUrl } from '@foyer/web/core';

/**
 * "Now" as the API's clock says it: the month to bill, the overdue invoices and the certificate's year
 * follow the city's calendar, which a demo or a test shifts with FOYER_NOW, not the browser's clock.
 */
@Injectable({ providedIn: 'root' })
export class AppClock {
  private readonly http = inject(HttpClient);
  private offset: Promise<number> | null = null;

  async now(): Promise<Date> {
    this.offset ??= firstValueFrom(this.http.get<HealthView>(apiUrl(ApiRoutes.health))).then(
      (health) => new Date(health.now).getTime() - Date.now(),
      // Unreachable: the browser's clock is the best guess left.
      () => 0,
    );
    return new Date(Date.now() + (await this.offset));
  }
}
