import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ApiRoutes, type HealthView } from '@foyer/shared/contracts';
import { type IsoDate, parisDateOf } from '@foyer/shared/domain';
import { apiUrl } from '@foyer/web/core';

/**
 * « Today » as the API's clock says it. Deadlines and « aujourd'hui » follow the server (which a
 * demonstration or a test may set to another date with FOYER_NOW), not the device's own clock.
 */
@Injectable({ providedIn: 'root' })
export class ServerToday {
  private readonly http = inject(HttpClient);
  /** Server time minus device time, in milliseconds, once read. */
  private skew: Promise<number> | null = null;

  async now(): Promise<Date> {
    this.skew ??= firstValueFrom(this.http.get<HealthView>(apiUrl(ApiRoutes.health)))
      .then((health) => new Date(health.now).getTime() - Date.now())
      .catch(() => {
        this.skew = null;
        return 0;
      });
    return new Date(Date.now() + (await this.skew));
  }

  async today(): Promise<IsoDate> {
    return parisDateOf(await this.now());
  }
}
