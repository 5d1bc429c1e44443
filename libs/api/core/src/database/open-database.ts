import { AppConfig } from '../config/app-config';
import { DatabaseKind } from './database-kind';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface OpenDatabase {
  url: string;
  kind: DatabaseKind;
  /** The embedded database was created empty by this start (first run). */
  created: boolean;
  close(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in EMBEDDED_DB_DIR. */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'embeddedDbDir'>,
): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, kind: 'external', created: false, close: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.embeddedDbDir });
  return { url: embedded.url, kind: 'embedded', created: embedded.created, close: embedded.stop };
}
