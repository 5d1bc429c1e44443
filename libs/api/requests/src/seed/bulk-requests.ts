import { foldSql } from '@foyer/api/core';

/**
 * SQL that adds `count` requests (numbers D-2025-000001…, spread over 2,000 new households, every
 * seeded type and status, a third assigned to the demo agent, school enrolments spread over the
 * schools, one in 5,000 to the demo family) for the queue's tests and `npm run bench:requests`.
 * Needs the demo seed (types, schools, demo accounts). `$1` is the count, `$2` the Paris date the
 * submissions go back from.
 */
export function bulkRequestsSql(): string[] {
  const name = `(first_names[1 + g % 12] || ' ' || last_names[1 + (g / 12) % 12])`;
  return [
    `CREATE TEMP TABLE bulk_households ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, n FROM generate_series(1, 2000) n`,
    `INSERT INTO households (id) SELECT id FROM bulk_households`,
    `WITH ctx AS (
       SELECT
         ARRAY['Léa','Hugo','Chloé','Jérôme','Amélie','Noé','Inès','Loïc','Zoé','Maël','Hélène','Sébastien'] AS first_names,
         ARRAY['Martin','Dupré','Lefèvre','Garçon','Moreau','Petit','Durand','Leroy','Roux','Bérégovoy','Müller','Nguyen'] AS last_names,
         (SELECT array_agg(id ORDER BY code) FROM request_types) AS types,
         (SELECT array_agg(code ORDER BY code) FROM request_types) AS codes,
         (SELECT array_agg(id ORDER BY code) FROM sites WHERE kind = 'school') AS schools,
         (SELECT array_agg(id ORDER BY n) FROM bulk_households) AS households,
         (SELECT g.household_id FROM household_guardians g JOIN users u ON u.id = g.user_id
           WHERE u.email = 'parent@demo.test') AS demo_household,
         (SELECT id FROM users WHERE email = 'parent@demo.test') AS creator,
         (SELECT id FROM users WHERE email = 'agent@demo.test') AS agent,
         ARRAY['submitted','submitted','submitted','in_review','in_review','waiting_resident','approved','approved','refused','closed'] AS statuses
     ), rows AS (
       SELECT g, ctx.*, statuses[1 + g % 10] AS status, types[1 + g % array_length(types, 1)] AS type_id,
              codes[1 + g % array_length(codes, 1)] AS code,
              ($2::date - (g % 400)) AS submitted_on,
              'D-2025-' || lpad(g::text, 6, '0') AS number
         FROM generate_series(1, $1::int) g, ctx
     )
     INSERT INTO requests (number, household_id, type_id, status, data, channel, created_by, assignee_id,
       resident_name, search_text, school_site_id, created_at, updated_at, submitted_at, decided_at, due_on)
     SELECT number,
       CASE WHEN g % 5000 = 0 AND demo_household IS NOT NULL THEN demo_household
            ELSE households[1 + g % array_length(households, 1)] END,
       type_id, status, '{}'::jsonb,
       (ARRAY['online','online','online','counter','phone','mail'])[1 + g % 6],
       creator,
       CASE WHEN g % 3 = 0 THEN agent END,
       ${name},
       ${foldSql(`(number || ' ' || ${name})`)},
       CASE WHEN code = 'inscription-scolaire' THEN schools[1 + g % array_length(schools, 1)] END,
       submitted_on::timestamptz, submitted_on::timestamptz + interval '1 day', submitted_on::timestamptz,
       CASE WHEN status IN ('approved', 'refused', 'closed') THEN submitted_on::timestamptz + make_interval(days => 1 + g % 20) END,
       submitted_on + 15
     FROM rows`,
    `ANALYZE requests`,
  ];
}
