import fc from 'fast-check';
import { exampleOf } from './examples';
import type { Operation, Schema } from './openapi';
import { pathParams } from './openapi';

/** One generated request: what is wrong with it, and whether it must be refused. */
export interface BadInput {
  what: string;
  /** The field at fault, which a 400 must name. */
  field?: string;
  pathValues: Record<string, string>;
  query: Record<string, string>;
  body?: Record<string, unknown>;
  /** False for a strange but acceptable value in a read (a search for "😀" may find nothing). */
  mustRefuse: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Strings a stranger tries: control and invisible characters, emoji, SQL, HTML, numbers in disguise. */
const nasty = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u202Egnp.exe',
    '\u200F\u200E',
    '👨‍👩‍👧‍👦😀',
    "' OR 1=1 --",
    "Robert'); DROP TABLE children;--",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'NaN',
    'Infinity',
    '-0',
    '0x10',
    '1e309',
    '2027-02-30',
    '9999-12-31',
    '0000-00-00',
    '../../etc/passwd',
    '%00',
    '\ud800',
    'null',
    'true',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constant('x'.repeat(100_000)),
);

/** Strings that are refused whatever the field: NUL characters and lone surrogates. */
const alwaysInvalidText = fc.oneof(
  fc.constantFrom('\u0000', 'Léa\u0000', '\ud800', 'a\udc00b'),
  fc.string({ maxLength: 10 }).map((s) => `${s}\u0000`),
);

/** Values of the wrong JSON type for a schema. */
function wrongType(schema: Schema): fc.Arbitrary<unknown> {
  const junk = fc.oneof(
    fc.constant(null),
    fc.integer(),
    // NaN and ±Infinity travel as JSON null: they would be null under another name.
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant({}),
    fc.constant({ $gt: '' }),
    fc.array(fc.integer(), { maxLength: 3 }),
    nasty,
  );
  return junk.filter((v) => !fitsType(schema, v));
}

function fitsType(schema: Schema, value: unknown): boolean {
  if (value === null) return !!schema['nullable'];
  if (Array.isArray(schema['enum'])) return schema['enum'].includes(value);
  switch (schema['type']) {
    case 'string':
      return typeof value === 'string' && stringFits(schema, value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    default:
      return typeof value === 'object' && !Array.isArray(value);
  }
}

function stringFits(schema: Schema, value: string): boolean {
  if (schema['format'] === 'uuid') return UUID.test(value);
  if (schema['format'] === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (schema['format'] === 'email') return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);
  if (schema['pattern'] && !new RegExp(schema['pattern'] as string).test(value)) return false;
  return true;
}

/** Values a field of this schema must refuse. */
function invalidFor(schema: Schema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [wrongType(schema)];
  if (!schema['nullable']) options.push(fc.constant(null));
  if (schema['type'] === 'string' || schema['format']) {
    options.push(alwaysInvalidText);
    if (schema['maxLength'] !== undefined) {
      const max = Number(schema['maxLength']);
      options.push(fc.constantFrom('é'.repeat(max + 1), 'x'.repeat(100_000)));
    }
    if (schema['minLength']) options.push(fc.constant(''));
    if (schema['format'] === 'date') {
      options.push(
        fc.constantFrom('2027-02-30', '2026-13-01', '27-01-14', '2027-1-4', '14/01/2027', '9999-12-31'),
      );
    }
    if (schema['format'] === 'uuid') options.push(nasty.filter((s) => !UUID.test(s)));
    if (schema['format'] === 'email')
      options.push(fc.constantFrom('pas-une-adresse', 'a@', '@b.fr', 'é\ud800@example.fr'));
  }
  if (schema['type'] === 'integer' || schema['type'] === 'number') {
    if (schema['maximum'] !== undefined) options.push(fc.constantFrom(Number(schema['maximum']) + 1, 1e308));
    if (schema['minimum'] !== undefined) options.push(fc.constantFrom(Number(schema['minimum']) - 1, -1e308));
    if (schema['type'] === 'integer') options.push(fc.constantFrom(1.5, '0x10', '1e3', 'NaN'));
  }
  if (schema['type'] === 'array') {
    options.push(fc.constant(Array.from({ length: 1_001 }, () => 'x')));
    if (schema['maxItems'] !== undefined) {
      const item = exampleOf(schema['items'] ?? {});
      options.push(fc.constant(Array.from({ length: Number(schema['maxItems']) + 1 }, () => item)));
    }
    if (schema['items']) options.push(invalidFor(schema['items']).map((v) => [v]));
  }
  if (Array.isArray(schema['enum'])) options.push(nasty.filter((v) => !schema['enum'].includes(v)));
  return fc.oneof(...options);
}

/** Values of a query parameter (always text) that it must refuse. */
function invalidQueryText(schema: Schema): fc.Arbitrary<string> {
  // (A lone surrogate cannot travel in a query string: URLSearchParams sends U+FFFD, which is text.)
  const options: fc.Arbitrary<string>[] = [fc.constantFrom('\u0000', 'Léa\u0000', '%00\u0000')];
  if (schema['type'] === 'integer' || schema['type'] === 'number') {
    options.push(fc.constantFrom('0x10', '1e3', 'NaN', 'Infinity', '', ' 12', '12abc', '-0x1', '0b11', '١٢'));
    if (schema['maximum'] !== undefined) options.push(fc.constant(String(Number(schema['maximum']) + 1)));
  }
  if (schema['format'] === 'date') options.push(fc.constantFrom('2027-02-30', '9999-99-99', 'demain'));
  if (schema['format'] === 'uuid') options.push(nasty.filter((s) => !UUID.test(s)).filter((s) => s !== ''));
  if (Array.isArray(schema['enum']))
    options.push(nasty.filter((v) => !schema['enum'].includes(v) && v !== ''));
  if (schema['maxLength'] !== undefined)
    options.push(fc.constant('x'.repeat(Number(schema['maxLength']) + 1)));
  if (schema['pattern'])
    options.push(nasty.filter((s) => s !== '' && !new RegExp(schema['pattern'] as string).test(s)));
  return fc.oneof(...options);
}

/** The generator of bad inputs for one operation, from its schema. */
export function badInputsFor(op: Operation, ids: Record<string, string>): fc.Arbitrary<BadInput> | undefined {
  const params = pathParams(op);
  const basePath = Object.fromEntries(params.map((p) => [p, ids[p] ?? '']));
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const baseQuery: Record<string, string> = {};
  for (const p of queryParams.filter((x) => x.required))
    baseQuery[p.name] = String(p.example ?? exampleOf(p.schema));
  const baseBody = op.body ? (exampleOf(op.body.schema) as Record<string, unknown>) : undefined;
  const isRead = op.method === 'GET';
  const cases: fc.Arbitrary<BadInput>[] = [];

  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    const values = p.schema['format'] === 'uuid' ? nasty.filter((s) => !UUID.test(s) && s !== '') : nasty;
    cases.push(
      values.map((value) => ({
        what: `path {${p.name}} = ${JSON.stringify(value).slice(0, 60)}`,
        field: p.schema['format'] === 'uuid' ? p.name : undefined,
        pathValues: { ...basePath, [p.name]: value },
        query: baseQuery,
        body: baseBody,
        mustRefuse: p.schema['format'] === 'uuid' || !isRead,
      })),
    );
  }
  for (const p of queryParams) {
    cases.push(
      invalidQueryText(p.schema).map((value) => ({
        what: `query ${p.name} = ${JSON.stringify(value).slice(0, 60)}`,
        field: p.name,
        pathValues: basePath,
        query: { ...baseQuery, [p.name]: value },
        body: baseBody,
        mustRefuse: true,
      })),
    );
    cases.push(
      nasty.map((value) => ({
        what: `query ${p.name} = ${JSON.stringify(value).slice(0, 60)} (any text)`,
        pathValues: basePath,
        query: { ...baseQuery, [p.name]: value },
        body: baseBody,
        mustRefuse: !isRead,
      })),
    );
  }
  if (queryParams.length > 0 || isRead) {
    cases.push(
      fc.tuple(fc.constantFrom('admin', 'limit[$gt]', '__proto__', 'x'), nasty).map(([name, value]) => ({
        what: `unknown query ${name}`,
        pathValues: basePath,
        query: { ...baseQuery, [name]: value },
        body: baseBody,
        mustRefuse: queryParams.length > 0 || !isRead,
      })),
    );
  }
  if (op.body && baseBody) {
    const properties = (op.body.schema['properties'] ?? {}) as Record<string, Schema>;
    const required = (op.body.schema['required'] ?? []) as string[];
    const names = Object.keys(properties);
    for (const name of names) {
      cases.push(
        invalidFor(properties[name]).map((value) => ({
          what: `body ${name} = ${JSON.stringify(value)?.slice(0, 60)}`,
          field: name,
          pathValues: basePath,
          query: baseQuery,
          body: { ...baseBody, [name]: value },
          mustRefuse: true,
        })),
      );
    }
    for (const name of required) {
      const { [name]: _left, ...rest } = baseBody;
      cases.push(
        fc.constant({
          what: `body without ${name}`,
          field: name,
          pathValues: basePath,
          query: baseQuery,
          body: rest,
          mustRefuse: true,
        }),
      );
    }
    cases.push(
      fc
        .tuple(
          fc.constantFrom('isAdmin', 'householdId', 'role', '__proto__x', 'constructor'),
          fc.jsonValue({ maxDepth: 3 }),
        )
        .map(([name, value]) => ({
          what: `body with unknown field ${name}`,
          field: name,
          pathValues: basePath,
          query: baseQuery,
          body: { ...baseBody, [name]: value },
          mustRefuse: true,
        })),
    );
  }
  if (cases.length === 0) return undefined;
  return fc.oneof(...cases);
}
