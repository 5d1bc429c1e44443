import { randomUUID } from 'node:crypto';
import { hasPermission } from '@foyer/shared/contracts';
import { ID_SOURCES } from './id-sources';
import { digestOf } from './support/digest';
import { exampleOf } from './support/examples';
import { send, SweepRequest, SweepResponse } from './support/http';
import { Operation, pathParams, readOperations } from './support/openapi';
import { Actor, actorsOf, createSweepWorld, SweepWorld } from './support/world';

jest.setTimeout(180_000);

/** What a person sees of an error, without the per-request id. */
const seen = (res: SweepResponse) => {
  const { requestId: _id, ...body } = res.body ?? {};
  return { status: res.status, body };
};

/** The guard's own refusals (a service may still refuse with its own reason, e.g. a document type). */
const GUARD_401 = 'Veuillez vous connecter.';
const GUARD_403 = "Vous n'avez pas les droits nécessaires pour cette action.";

/** Operations that end sessions or delete A's household: swept last, one at a time. */
const ENDS_THINGS = /logout|closure-requests\/\{requestId\}\/execute|kiosk\/sessions?\//;

describe('access sweep: every operation of the OpenAPI document × every actor', () => {
  let world: SweepWorld;
  let operations: Operation[];
  const failures: string[] = [];
  const table = new Map<string, Map<string, number>>();

  beforeAll(async () => {
    world = await createSweepWorld(ID_SOURCES);
    operations = await readOperations(world.t);
  });
  afterAll(() => world?.close());

  function requestFor(op: Operation, actor: Actor, ids: Record<string, string>): SweepRequest | string {
    const pathValues: Record<string, string> = {};
    for (const name of pathParams(op)) {
      if (ids[name] === undefined)
        return `${op.name}: no id source fills {${name}} (add one to id-sources.ts)`;
      pathValues[name] = ids[name];
    }
    const query: Record<string, string> = {};
    for (const p of op.parameters.filter((x) => x.in === 'query' && x.required)) {
      const value = p.example ?? exampleOf(p.schema);
      if (value === undefined) return `${op.name}: no example for the query parameter ${p.name}`;
      query[p.name] = String(value);
    }
    const request: SweepRequest = { op, auth: actor.auth, pathValues, query };
    if (op.body) {
      const body = exampleOf(op.body.schema);
      if (body === undefined) return `${op.name}: no example body (add examples or rules to its DTO)`;
      if (op.body.mediaType === 'multipart/form-data') {
        request.multipart = Object.fromEntries(
          Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
        );
      } else request.json = body;
    }
    return request;
  }

  function check(op: Operation, actor: Actor, res: SweepResponse): void {
    table.get(op.name)?.set(actor.name, res.status);
    const refusal = res.body?.['message'];
    const fail = (why: string): void => {
      failures.push(`${op.name} as ${actor.name}: ${why} (got ${res.status} ${res.text.slice(0, 200)})`);
    };
    if (res.status >= 500) return fail('a server error');
    if (op.access === 'public') {
      if (res.status === 401 && res.body?.['message'] === GUARD_401)
        fail('a public route refused by the guard');
      return;
    }
    if (!actor.auth) {
      if (res.status !== 401) fail('anonymous must get 401');
      return;
    }
    const allowed = hasPermission({ role: actor.role as never, scopes: actor.scopes }, op.access);
    if (!allowed && (res.status !== 403 || refusal !== GUARD_403))
      fail(`no ${op.access} permission: must get 403`);
    if (allowed && (res.status === 401 || (res.status === 403 && refusal === GUARD_403))) {
      fail(`holds ${op.access}: must not be refused by the guard`);
    }
  }

  async function sweep(op: Operation, actor: Actor): Promise<void> {
    const request = requestFor(op, actor, world.ids);
    if (typeof request === 'string') {
      failures.push(request);
      return;
    }
    check(op, actor, await send(world.t.baseUrl, request));
  }

  it('reads the operations of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(40);
    for (const op of operations) table.set(op.name, new Map());
  });

  it("household B reaching A's objects gets exactly the 404 of an unknown id, and A's rows are unchanged", async () => {
    const { a, b, ids, t } = world;
    const before = await digestOf(t.dataSource, ids['householdId'], a.id ?? '');
    const foreign = operations.filter(
      (op) =>
        op.access !== 'public' &&
        pathParams(op).length > 0 &&
        hasPermission({ role: b.role as never, scopes: [] }, op.access),
    );
    expect(foreign.length).toBeGreaterThan(0);
    for (const op of foreign) {
      const withA = requestFor(op, b, ids);
      const unknownIds = Object.fromEntries(pathParams(op).map((n) => [n, randomUUID()]));
      const withUnknown = requestFor(op, b, { ...ids, ...unknownIds });
      if (typeof withA === 'string' || typeof withUnknown === 'string') {
        failures.push(typeof withA === 'string' ? withA : String(withUnknown));
        continue;
      }
      const [ra, ru] = [await send(t.baseUrl, withA), await send(t.baseUrl, withUnknown)];
      if (ra.status !== 404 || JSON.stringify(seen(ra)) !== JSON.stringify(seen(ru))) {
        failures.push(
          `${op.name} as resident-b with A's ids: ${JSON.stringify(seen(ra))} differs from an unknown id's 404 ${JSON.stringify(seen(ru))}`,
        );
      }
    }
    expect(await digestOf(t.dataSource, ids['householdId'], a.id ?? '')).toEqual(before);
    expect(failures).toEqual([]);
  });

  it('anonymous gets 401, a caller without the permission 403, a caller with it neither (reads, then writes)', async () => {
    const actors = actorsOf(world);
    const reads = operations.filter((op) => op.method === 'GET');
    const writes = operations.filter((op) => op.method !== 'GET' && !ENDS_THINGS.test(op.path));
    const last = operations.filter((op) => op.method !== 'GET' && ENDS_THINGS.test(op.path));
    // Reads in parallel; writes one operation at a time (actors of one operation in parallel);
    // session-ending operations one request at a time, A last.
    await Promise.all(reads.flatMap((op) => actors.map((actor) => sweep(op, actor))));
    for (const op of writes.sort((x, y) => Number(x.method === 'DELETE') - Number(y.method === 'DELETE'))) {
      await Promise.all(actors.map((actor) => sweep(op, actor)));
    }
    // A first (its sign-out everywhere ends its own session last), then the others (an agent
    // executing A's closure request anonymises A's account).
    for (const actor of [world.a, ...actors.filter((x) => x !== world.a)]) {
      for (const op of last.sort((x, y) => Number(/logout/.test(x.path)) - Number(/logout/.test(y.path)))) {
        await sweep(op, actor);
      }
    }
    const names = actors.map((a) => a.name);
    const lines = [...table].map(
      ([op, row]) => `${op.padEnd(72)} ${names.map((n) => String(row.get(n) ?? '-').padStart(4)).join(' ')}`,
    );
    const covered = [...table.values()].reduce((sum, row) => sum + row.size, 0);
    process.stdout.write(
      `\nAccess sweep: ${operations.length} operations × ${actors.length} actors = ${covered} calls covered\n` +
        `${''.padEnd(72)} ${names.map((n) => n.slice(0, 4).padStart(4)).join(' ')}\n${lines.join('\n')}\n`,
    );
    expect(failures).toEqual([]);
    expect(covered).toBe(operations.length * actors.length);
  });
});
