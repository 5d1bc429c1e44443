import { DataSource } from 'typeorm';

/**
 * The demo city's terminal in the town hall. It is not enrolled: an administrator creates an
 * activation link (POST /api/admin/kiosk/terminals) and opens it on the terminal's browser.
 */
export async function seedKiosk(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO kiosk_terminals (name) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM kiosk_terminals WHERE name = $1)`,
    ['Mairie — hall RER'],
  );
}
