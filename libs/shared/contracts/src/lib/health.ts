export type HealthStatus = 'ok' | 'error';

export interface HealthView {
  status: HealthStatus;
  database: HealthStatus;
  /** Which PostgreSQL the API talks to: the embedded one (PGlite) or an external server. */
  databaseKind: 'embedded' | 'external';
  version: string;
  /** Current instant of the application clock (ISO 8601), shifted when FOYER_NOW is set. */
  now: string;
}
