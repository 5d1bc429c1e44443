import { AgentScope, HouseholdSummaryView } from '@foyer/shared/contracts';
import { agent, createHouseholdsTestApp, HouseholdsTestApp } from './support';

describe('agents search households', () => {
  let t: HouseholdsTestApp;

  beforeAll(async () => {
    t = await createHouseholdsTestApp({ seed: true });
  });
  afterAll(() => t.close());

  async function search(q: string): Promise<HouseholdSummaryView[]> {
    const res = await t.http
      .get('/api/agent/households')
      .query({ q })
      .set('Authorization', agent(t, AgentScope.Demarches).auth)
      .expect(200);
    return res.body as HouseholdSummaryView[];
  }

  it.each([
    ['a guardian last name', 'martin'],
    ['a guardian full name with accents and case ignored', 'CAMÎLLE Martin'],
    ['an e-mail', 'parent@demo'],
    ['a phone number written with spaces', '06 12 34 56'],
  ])('finds the demo family by %s', async (_what, q) => {
    const results = await search(q);
    expect(results.map((r) => r.emails)).toContainEqual(['parent@demo.test']);
  });

  it('finds nothing for a stranger', async () => {
    expect(await search('Zyzzyva')).toEqual([]);
  });
});
