import fc from 'fast-check';
import { hasPermission } from '@foyer/shared/contracts';
import { ID_SOURCES } from './id-sources';
import { badInputsFor, BadInput } from './support/bad-inputs';
import { digestAll } from './support/digest';
import { exampleOf } from './support/examples';
import { inParallel, send, SweepRequest, SweepResponse } from './support/http';
import { Operation, pathParams, readOperations } from './support/openapi';
import { Actor, actorsOf, createSweepWorld, SweepWorld } from './support/world';

// A guard, not a target: the sweep grows with every route (about 170 operations now).
jest.setTimeout(600_000);

/** At least this many generated inputs per run (the fixed cases come on top). */
const INPUTS = Number(process.env['SWEEP_INPUTS'] ?? 10_000);
const SEED = process.env['SWEEP_SEED'] ? Number(process.env['SWEEP_SEED']) : Date.now() % 2_147_483_647;
const WIDTH = 12;

const LEAKS =
  /\bat .*\.(ts|js):\d+|QueryFailedError|TypeError|RangeError|SyntaxError|\bstack\b|SELECT |INSERT INTO|UPDATE "|DELETE FROM|invalid byte sequence|syntax error at|violates|relation "|column "/;
const ENGLISH = /\b(must|should|Cannot|Unexpected|invalid|Error:|elements|required)\b/;

describe('bad-input sweep: every operation with parameters or a body, fed invalid input from its schema', () => {
  let world: SweepWorld;
  let operations: Operation[];

  beforeAll(async () => {
    world = await createSweepWorld(ID_SOURCES);
    operations = await readOperations(world.t);
    process.stdout.write(`\nBad-input sweep seed: ${SEED} (replay with SWEEP_SEED=${SEED})\n`);
  });
  afterAll(() => world?.close());

  /** Someone allowed through the guard, so that the input itself is what gets judged. */
  function callerOf(op: Operation): Actor {
    if (op.access === 'public') return world.anonymous;
    const candidates = actorsOf(world).filter((a) => a.auth && a !== world.b);
    const caller = candidates.find((a) =>
      hasPermission({ role: a.role as never, scopes: a.scopes }, op.access as never),
    );
    if (!caller) throw new Error(`${op.name}: no actor holds ${op.access}`);
    return caller;
  }

  function problemsOf(res: SweepResponse, mustRefuse: boolean, field?: string): string[] {
    const problems: string[] = [];
    if (res.status >= 500) problems.push('a server error');
    if (mustRefuse && (res.status < 400 || res.status >= 500)) problems.push('accepted');
    if (LEAKS.test(res.text)) problems.push('leaks a stack or SQL');
    if (res.status >= 400) {
      const body = res.body;
      if (!body || body['statusCode'] !== res.status || typeof body['message'] !== 'string') {
        problems.push('not the error format');
      } else {
        if (ENGLISH.test(body['message'] as string)) problems.push('English message');
        if (typeof body['requestId'] !== 'string' || body['requestId'] !== res.headers.get('x-request-id')) {
          problems.push('no requestId / X-Request-Id');
        }
        const fields = (body['fields'] ?? []) as { field: string }[];
        if (
          res.status === 400 &&
          field &&
          fields.length > 0 &&
          !fields.some((f) => f.field.startsWith(field))
        ) {
          problems.push(`fields do not name ${field}`);
        }
      }
    }
    return problems;
  }

  function toRequest(op: Operation, caller: Actor, input: BadInput): SweepRequest {
    const request: SweepRequest = { op, auth: caller.auth, pathValues: input.pathValues, query: input.query };
    if (input.body !== undefined) {
      if (op.body?.mediaType === 'multipart/form-data') {
        request.multipart = Object.fromEntries(
          Object.entries(input.body).map(([k, v]) => [
            k,
            typeof v === 'string' ? v : (JSON.stringify(v) ?? ''),
          ]),
        );
      } else request.json = input.body;
    }
    return request;
  }

  /** Requests that break the transport rather than a field: malformed JSON, wrong types, size, depth. */
  function fixedCases(op: Operation, caller: Actor): { what: string; request: SweepRequest }[] {
    const pathValues = Object.fromEntries(pathParams(op).map((p) => [p, world.ids[p] ?? '']));
    const base = { op, auth: caller.auth, pathValues };
    const raw = (contentType: string, body: string): SweepRequest => ({
      ...base,
      raw: { contentType, body },
    });
    const cases: { what: string; request: SweepRequest }[] = !op.body
      ? []
      : [
          { what: 'malformed JSON', request: raw('application/json', '{"firstName": ') },
          { what: 'JSON with a trailing comma', request: raw('application/json', '{"a": 1,}') },
          { what: 'text/plain body', request: raw('text/plain', '{"a": 1}') },
          { what: 'XML body', request: raw('application/xml', '<a>1</a>') },
          { what: 'latin1 charset', request: raw('application/json; charset=latin1', '{"a": "\u00e9"}') },
          {
            what: 'oversized body',
            request: raw('application/json', JSON.stringify({ x: 'x'.repeat(1_100_000) })),
          },
          {
            what: 'JSON nested 20,000 levels',
            request: raw('application/json', `${'['.repeat(20_000)}${']'.repeat(20_000)}`),
          },
          {
            what: 'array of 150,000 elements',
            request: raw('application/json', JSON.stringify({ email: new Array(150_000).fill('a') })),
          },
          { what: 'JSON null body', request: raw('application/json', 'null') },
          { what: 'JSON string body', request: raw('application/json', '"\\u0000"') },
        ];
    const path = op.path.replace(/\{[^}]+\}/g, (m) =>
      m === `{${pathParams(op)[0]}}` ? '%E0%A4%A' : encodeURIComponent(pathValues[m.slice(1, -1)] ?? ''),
    );
    if (pathParams(op).length > 0)
      cases.push({ what: 'bad URL encoding', request: { ...base, rawPath: path } as SweepRequest });
    return cases;
  }

  it(`refuses ${INPUTS}+ invalid inputs with a French 4xx, never a 5xx, and writes nothing`, async () => {
    const swept = operations.filter(
      (op) => op.body || op.parameters.some((p) => p.in === 'path' || p.in === 'query'),
    );
    const perOperation = Math.ceil(INPUTS / swept.length);
    const failures: string[] = [];
    let sent = 0;
    const reported = new Set<string>();
    const started = Date.now();
    const before = await digestAll(world.t.dataSource);
    for (const [index, op] of swept.entries()) {
      const caller = callerOf(op);
      const arbitrary = badInputsFor(op, world.ids);
      if (!arbitrary) {
        failures.push(`${op.name}: the sweep cannot generate inputs for it`);
        continue;
      }
      if (op.body && exampleOf(op.body.schema) === undefined) failures.push(`${op.name}: no example body`);
      const inputs = fc.sample(arbitrary, { seed: SEED + index, numRuns: perOperation });
      const requests = [
        ...inputs.map((input) => ({ input, request: toRequest(op, caller, input) })),
        ...fixedCases(op, caller).map(({ what, request }) => ({
          input: { what, mustRefuse: true } as BadInput,
          request,
        })),
      ];
      await inParallel(requests, WIDTH, async ({ input, request }) => {
        const res = await send(world.t.baseUrl, request);
        sent++;
        const named = op.body?.mediaType === 'multipart/form-data' ? undefined : input.field;
        const problems = problemsOf(res, input.mustRefuse, named);
        const key = `${op.name} ${input.what.split(' = ')[0]}`;
        if (problems.length > 0 && !reported.has(key)) {
          reported.add(key);
          failures.push(
            `${op.name} ${input.what}: ${problems.join(', ')} (got ${res.status} ${res.text.slice(0, 160)})`,
          );
        }
      });
      if (process.env['SWEEP_TRACE']) process.stdout.write(`${op.name}: ${Date.now() - started} ms\n`);
      const after = await digestAll(world.t.dataSource);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length > 0) failures.push(`${op.name}: refused requests wrote to ${changed.join(', ')}`);
      Object.assign(before, after);
    }
    process.stdout.write(
      `Bad-input sweep: ${sent} inputs over ${swept.length} operations in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED})\n`,
    );
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(INPUTS);
  });
});
