import { AgentScope, RequestStatus, Role, SeededRequestTypeCode } from '@foyer/shared/contracts';
import { bulkRequestsSql } from '@foyer/api/requests';
import { signIn } from '../households/support';
import { createRequestsWorld, RequestsWorld } from './support';

const COUNT = 100_000;
let w: RequestsWorld;

interface Page {
  items: {
    id: string;
    number: string;
    status: string;
    dueOn: string;
    residentName: string;
    typeCode: string;
    overdue: boolean;
    assigneeId: string | null;
    schoolSiteId: string | null;
    submittedAt: string;
  }[];
  nextCursor: string | null;
  total: number | null;
}

beforeAll(async () => {
  w = await createRequestsWorld();
  await w.t.dataSource.transaction(async (m) => {
    for (const sql of bulkRequestsSql()) {
      await m.query(sql, sql.includes('$1') ? [COUNT, '2027-01-14'] : []);
    }
  });
}, 300_000);

afterAll(async () => {
  await w?.t.close();
});

async function queue(query: string, caller = w.agent): Promise<{ page: Page; ms: number }> {
  const started = Date.now();
  const res = await w.t.http.get(`/api/admin/requests?${query}`).set('Authorization', caller.auth);
  const ms = Date.now() - started;
  expect(res.status).toBe(200);
  return { page: res.body as Page, ms };
}

async function sqlCount(where: string, values: unknown[] = []): Promise<number> {
  const [{ count }] = (await w.t.dataSource.query(
    `SELECT count(*)::int AS count FROM requests r WHERE r.submitted_at IS NOT NULL AND ${where}`,
    values,
  )) as { count: number }[];
  return count;
}

describe(`the agents' queue on ${COUNT.toLocaleString('en')} requests`, () => {
  it('filters by status and type, sorted by due date, with the total of the page mode', async () => {
    const { page } = await queue(
      `status=in_review&type=${SeededRequestTypeCode.SchoolEnrolment}&sort=due&page=1&pageSize=50`,
    );
    expect(page.total).toBe(
      await sqlCount(`r.status = 'in_review' AND r.type_id = $1`, [
        w.typeId(SeededRequestTypeCode.SchoolEnrolment),
      ]),
    );
    expect(page.total).toBeGreaterThan(1000);
    expect(page.items).toHaveLength(50);
    expect(
      page.items.every(
        (i) => i.status === 'in_review' && i.typeCode === SeededRequestTypeCode.SchoolEnrolment,
      ),
    ).toBe(true);
    const dues = page.items.map((i) => i.dueOn);
    expect(dues).toEqual([...dues].sort());
  });

  it('walks every page of a filter with the cursor, each request once, in order', async () => {
    const filter = `status=waiting_resident&type=${SeededRequestTypeCode.QuotientUpdate}&sort=-submitted&pageSize=100`;
    const seen: string[] = [];
    const instants: string[] = [];
    let cursor: string | null = null;
    do {
      const { page } = await queue(`${filter}${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      instants.push(...page.items.map((i) => i.submittedAt));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(
      await sqlCount(`r.status = 'waiting_resident' AND r.type_id = $1`, [
        w.typeId(SeededRequestTypeCode.QuotientUpdate),
      ]),
    );
    expect(instants).toEqual([...instants].sort().reverse());
  });

  it('filters overdue requests (the clock running, due date past) and unassigned ones', async () => {
    const { page } = await queue('overdue=true&assignee=none&page=1');
    expect(page.total).toBe(
      await sqlCount(
        `r.status IN ('submitted', 'in_review') AND r.due_on < '2027-01-14' AND r.assignee_id IS NULL`,
      ),
    );
    expect(page.items.every((i) => i.overdue && i.assigneeId === null)).toBe(true);
    const mine = await queue('assignee=me&status=submitted&page=1');
    expect(mine.page.total).toBe(
      await sqlCount(`r.status = 'submitted' AND r.assignee_id = $1`, [w.agent.id]),
    );
  });

  it('filters by school', async () => {
    const school = (await w.t.dataSource.query(`SELECT id FROM sites WHERE code = 'ecole-victor-hugo'`))[0]
      .id as string;
    const { page } = await queue(`school=${school}&page=1`);
    expect(page.total).toBe(await sqlCount(`r.school_site_id = $1`, [school]));
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((i) => i.schoolSiteId === school)).toBe(true);
  });

  it('searches the resident’s name without accents or case, and the number as typed', async () => {
    const { page } = await queue('q=BEREGOVOY&page=1');
    expect(page.total).toBe(await sqlCount(`r.resident_name LIKE '%Bérégovoy%'`));
    expect(page.items.every((i) => i.residentName.includes('Bérégovoy'))).toBe(true);
    const byNumber = await queue('q=d2025-42');
    expect(byNumber.page.items.map((i) => i.number)).toEqual(['D-2025-000042']);
  });

  it('answers each filtered and sorted page fast', async () => {
    const queries = [
      'status=submitted,in_review&sort=due',
      `type=${SeededRequestTypeCode.CrechePlace}&status=in_review&sort=-submitted`,
      'assignee=me&sort=due',
      'overdue=true&sort=due',
      'q=lefevre&sort=-updated',
    ];
    for (const query of queries) {
      await queue(query);
      const { ms } = await queue(query);
      // Generous for a shared CI machine; npm run bench:requests measures the p95 (< 100 ms).
      expect(ms).toBeLessThan(1000);
    }
  });

  it('shows an agent of another scope only the types of their scope', async () => {
    const billing = signIn(w.t, Role.Agent, [AgentScope.Facturation]);
    const { page } = await queue('page=1', billing);
    expect(page.total).toBe(
      await sqlCount(`r.type_id = $1`, [w.typeId(SeededRequestTypeCode.QuotientUpdate)]),
    );
    expect(new Set(page.items.map((i) => i.typeCode))).toEqual(
      new Set([SeededRequestTypeCode.QuotientUpdate]),
    );
  });

  it('refuses bad filters with 400 naming them', async () => {
    for (const [query, field] of [
      ['status=lost', 'status'],
      ['type=nope', 'type'],
      ['assignee=someone', 'assignee'],
      ['cursor=abc', 'cursor'],
      ['sort=price', 'sort'],
      ['page=1&cursor=abc', 'page'],
    ]) {
      const res = await w.t.http
        .get(`/api/admin/requests?${query}`)
        .set('Authorization', w.agent.auth)
        .expect(400);
      expect((res.body.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    }
  });

  it('keeps the resident’s list to their own requests', async () => {
    const res = await w.t.http.get('/api/requests').set('Authorization', w.parent.auth).expect(200);
    const mine = (
      await w.t.dataSource.query(`SELECT count(*)::int AS count FROM requests WHERE household_id = $1`, [
        w.householdId,
      ])
    )[0].count as number;
    expect(res.body).toHaveLength(mine);
    expect(mine).toBeGreaterThan(2);
    expect((res.body as { status: string }[]).some((r) => r.status === RequestStatus.Approved)).toBe(true);
  });

  it('counts the dashboard', async () => {
    const res = await w.t.http
      .get('/api/admin/requests/dashboard')
      .set('Authorization', w.agent.auth)
      .expect(200);
    expect(res.body.byStatus.submitted).toBe(await sqlCount(`r.status = 'submitted'`));
    expect(res.body.overdue).toBe(
      await sqlCount(`r.status IN ('submitted', 'in_review') AND r.due_on < '2027-01-14'`),
    );
  });
});
