import { DataSource, EntityManager } from 'typeorm';
import { RequestStatus, SeededRequestTypeCode } from '@foyer/shared/contracts';
import { foldText } from '@foyer/shared/domain';
import { RequestTypeEntity } from '../entities';
import { requestTypeDefinitions } from './request-type-definitions';

export { requestTypeDefinitions, DEMO_CRECHES } from './request-type-definitions';

const DEMO_PARENT_EMAIL = 'parent@demo.test';
const DEMO_AGENT_EMAIL = 'agent@demo.test';

/**
 * Every request type (upserted on its code, so a second seed changes nothing) and, for the demo
 * parent, two requests: a change of address waiting for their answer to the agent's question, and an
 * approved school enrolment. Runs after the households seed.
 */
export async function seedRequests(dataSource: DataSource): Promise<void> {
  const [{ exists }] = await dataSource.query(
    `SELECT to_regclass('public.request_types') IS NOT NULL AS exists`,
  );
  if (!exists) return;
  await dataSource.transaction(async (m) => {
    const schools: { id: string; name: string }[] = await m.query(
      `SELECT id, name FROM sites WHERE kind = 'school' ORDER BY name`,
    );
    const [{ bookings }] = await m.query(`SELECT to_regclass('public.activities') IS NOT NULL AS bookings`);
    const activities: { id: string; name: string }[] = bookings
      ? await m.query(`SELECT id, name FROM activities ORDER BY name`)
      : [];
    const repo = m.getRepository(RequestTypeEntity);
    for (const definition of requestTypeDefinitions(schools, activities)) {
      const existing = await repo.findOneBy({ code: definition.code });
      // A type an admin edited keeps its edits: the seed only creates the missing ones.
      if (!existing) {
        await repo.save({
          ...definition,
          requiredDocuments: definition.requiredDocuments ?? [],
          severalOpenAllowed: definition.severalOpenAllowed ?? false,
          active: true,
        });
      }
    }
    await seedDemoRequests(m);
  });
}

async function seedDemoRequests(m: EntityManager): Promise<void> {
  const [parent]: { id: string; household_id: string; first_name: string; last_name: string }[] =
    await m.query(
      `SELECT u.id, g.household_id, u.first_name, u.last_name FROM users u
       JOIN household_guardians g ON g.user_id = u.id WHERE lower(u.email) = $1`,
      [DEMO_PARENT_EMAIL],
    );
  const [agent]: { id: string; first_name: string; last_name: string }[] = await m.query(
    `SELECT id, first_name, last_name FROM users WHERE lower(email) = $1`,
    [DEMO_AGENT_EMAIL],
  );
  if (!parent || !agent) return;
  const [{ count }]: { count: number }[] = await m.query(
    `SELECT count(*)::int AS count FROM requests WHERE household_id = $1`,
    [parent.household_id],
  );
  if (count > 0) return;
  const types: { id: string; code: string }[] = await m.query(`SELECT id, code FROM request_types`);
  const typeId = (code: string) => types.find((t) => t.code === code)?.id;
  const [hugo]: {
    id: string;
    first_name: string;
    school_site_id: string | null;
    class_level: string | null;
  }[] = await m.query(
    `SELECT id, first_name, school_site_id, class_level FROM children WHERE household_id = $1 ORDER BY birth_date DESC LIMIT 1`,
    [parent.household_id],
  );
  const residentName = `${parent.first_name} ${parent.last_name}`;
  const agentName = `${agent.first_name} ${agent.last_name}`;
  const year = new Date().getFullYear();
  const next = async (): Promise<string> => {
    const [row]: { last_value: number }[] = await m.query(
      `INSERT INTO request_counters (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = request_counters.last_value + 1 RETURNING last_value`,
      [year],
    );
    return `D-${year}-${String(row.last_value).padStart(6, '0')}`;
  };
  const insert = async (input: {
    code: string;
    data: Record<string, unknown>;
    status: RequestStatus;
    daysAgo: number;
    dueInDays: number;
    extra?: string;
    extraValues?: unknown[];
    schoolSiteId?: string | null;
  }): Promise<{ id: string; number: string }> => {
    const number = await next();
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO requests (number, household_id, type_id, status, data, channel, created_by, assignee_id,
         resident_name, search_text, school_site_id, created_at, updated_at, submitted_at, due_on)
       VALUES ($1, $2, $3, $4, $5, 'online', $6, $7, $8, $9, $10,
         now() - make_interval(days => $11), now(), now() - make_interval(days => $11),
         (now() AT TIME ZONE 'Europe/Paris')::date + $12::int)
       RETURNING id`,
      [
        number,
        parent.household_id,
        typeId(input.code),
        input.status,
        input.data,
        parent.id,
        agent.id,
        residentName,
        foldText(`${number} ${residentName}`),
        input.schoolSiteId ?? null,
        input.daysAgo,
        input.dueInDays,
      ],
    );
    return { id: row.id, number };
  };
  const history = async (
    requestId: string,
    steps: {
      from: RequestStatus | null;
      to: RequestStatus;
      daysAgo: number;
      resident: boolean;
      comment?: string;
    }[],
  ) => {
    for (const step of steps) {
      await m.query(
        `INSERT INTO request_history (request_id, from_status, to_status, at, actor_id, actor_role, actor_label, comment)
         VALUES ($1, $2, $3, now() - make_interval(days => $4), $5, $6, $7, $8)`,
        [
          requestId,
          step.from,
          step.to,
          step.daysAgo,
          step.resident ? parent.id : agent.id,
          step.resident ? 'resident' : 'agent',
          step.resident ? residentName : agentName,
          step.comment ?? null,
        ],
      );
    }
  };

  // 1. A change of address: the agent asked for the proof of address; waiting for the parent's answer.
  const question =
    'Pouvez-vous joindre un justificatif de domicile de moins de 3 mois (facture d’énergie, quittance) ?';
  const waiting = await insert({
    code: SeededRequestTypeCode.AddressChange,
    data: {
      line1: '3 allée des Peupliers',
      postalCode: '94999',
      city: 'Foyer-sur-Marne',
      movingOn: `${year}-01-02`,
    },
    status: RequestStatus.WaitingResident,
    daysAgo: 4,
    dueInDays: 6,
  });
  await m.query(
    `UPDATE requests SET paused_since = (now() AT TIME ZONE 'Europe/Paris')::date - 2 WHERE id = $1`,
    [waiting.id],
  );
  await history(waiting.id, [
    { from: null, to: RequestStatus.Draft, daysAgo: 4, resident: true },
    { from: RequestStatus.Draft, to: RequestStatus.Submitted, daysAgo: 4, resident: true },
    { from: RequestStatus.Submitted, to: RequestStatus.InReview, daysAgo: 3, resident: false },
    {
      from: RequestStatus.InReview,
      to: RequestStatus.WaitingResident,
      daysAgo: 2,
      resident: false,
      comment: question,
    },
  ]);
  await m.query(
    `INSERT INTO request_messages (request_id, author, author_id, author_label, body, question, at)
     VALUES ($1, 'agent', $2, $3, $4, true, now() - interval '2 days')`,
    [waiting.id, agent.id, agentName, question],
  );

  // 2. A school enrolment for the youngest child, approved (the school is the one they attend).
  if (hugo?.school_site_id) {
    const [school]: { name: string }[] = await m.query(`SELECT name FROM sites WHERE id = $1`, [
      hugo.school_site_id,
    ]);
    const approved = await insert({
      code: SeededRequestTypeCode.SchoolEnrolment,
      data: { childId: hugo.id, schoolSiteId: hugo.school_site_id, classLevel: hugo.class_level ?? 'GS' },
      status: RequestStatus.Approved,
      daysAgo: 20,
      dueInDays: -5,
      schoolSiteId: hugo.school_site_id,
    });
    const reason = 'Inscription confirmée dans l’école de secteur.';
    await m.query(
      `UPDATE requests SET decided_at = now() - interval '12 days', decision_reason = $2, outcome = $3,
         effect_result = $4 WHERE id = $1`,
      [
        approved.id,
        reason,
        `${hugo.first_name} est inscrit·e à ${school?.name ?? 'l’école'}${hugo.class_level ? ` (${hugo.class_level})` : ''}.`,
        { childId: hugo.id, schoolSiteId: hugo.school_site_id, classLevel: hugo.class_level },
      ],
    );
    await history(approved.id, [
      { from: null, to: RequestStatus.Draft, daysAgo: 20, resident: true },
      { from: RequestStatus.Draft, to: RequestStatus.Submitted, daysAgo: 20, resident: true },
      { from: RequestStatus.Submitted, to: RequestStatus.InReview, daysAgo: 15, resident: false },
      {
        from: RequestStatus.InReview,
        to: RequestStatus.Approved,
        daysAgo: 12,
        resident: false,
        comment: reason,
      },
    ]);
  }
}
export { bulkRequestsSql } from './bulk-requests';
