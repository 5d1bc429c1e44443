import { AgentScope, HouseholdSummaryView } from '@foyer/shared/contracts';
import {
  agent,
  childBody,
  createHouseholdsTestApp,
  HouseholdsTestApp,
  resident,
  signUpResident,
} from './support';

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

  it('lists the newest households first for an empty search', async () => {
    const newcomer = resident(t);
    await t.http
      .post('/api/household/children')
      .set('Authorization', newcomer.auth)
      .send(childBody(t, { firstName: 'Zoé', lastName: 'Nouvelle' }))
      .expect(201);
    const results = await search('');
    expect(results[0].childNames).toEqual(['Zoé Nouvelle']);
    expect(results.map((r) => r.emails)).toContainEqual(['parent@demo.test']);
  });

  it('finds nothing for a stranger', async () => {
    expect(await search('Zyzzyva')).toEqual([]);
  });

  // The ligatures æ and œ are letters of their own (no accent to strip): one folding rule, in
  // JavaScript and in SQL, spells them out on both sides of the comparison.
  describe('with a child named « Lætitia Cœurdevey »', () => {
    beforeAll(async () => {
      await t.http
        .post('/api/household/children')
        .set('Authorization', resident(t).auth)
        .send(childBody(t, { firstName: 'Lætitia', lastName: 'Cœurdevey' }))
        .expect(201);
    });

    it.each(['Lætitia', 'laetitia', 'LAETITIA', 'cœurdevey', 'Coeurdevey'])(
      'finds her by « %s »',
      async (q) => {
        const results = await search(q);
        expect(results.flatMap((r) => r.childNames)).toEqual(['Lætitia Cœurdevey']);
      },
    );
  });

  it('finds a guardian named « Œdipe Lætitia » by « oedipe laetitia »', async () => {
    const guardian = await signUpResident(t);
    await t.http.get('/api/household').set('Authorization', guardian.auth).expect(200);
    await t.dataSource.query(`UPDATE users SET first_name = 'Œdipe', last_name = 'Lætitia' WHERE id = $1`, [
      guardian.id,
    ]);
    const results = await search('oedipe laetitia');
    expect(results.map((r) => r.guardianNames)).toEqual([['Œdipe Lætitia']]);
  });
});
