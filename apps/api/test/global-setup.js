// Says once which PostgreSQL the integration tests use, and fails early when it is unreachable.
const { Client } = require('pg');

module.exports = async () => {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    process.stdout.write(
      '\n[api tests] TEST_DATABASE_URL not set: each test file gets an embedded PostgreSQL (PGlite)\n',
    );
    return;
  }
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query('SHOW server_version');
    process.stdout.write(
      `\n[api tests] PostgreSQL ${rows[0].server_version} at TEST_DATABASE_URL: one fresh database per test file\n`,
    );
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL is set but PostgreSQL does not answer: ${error.message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
};
