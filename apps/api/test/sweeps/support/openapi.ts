import { listRouteDtos, PUBLIC_ROUTE, ROUTE_PERMISSION } from '@foyer/api/core';
import type { Permission } from '@foyer/shared/contracts';
import type { TestApp } from '../../test-app';

export type Schema = Record<string, any>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
  example?: unknown;
}

/** One operation of the app's own OpenAPI document, with who may call it. */
export interface Operation {
  /** `POST /api/household/children`: what failures and the printed table name. */
  name: string;
  method: string;
  /** OpenAPI path template: /api/household/children/{childId}. */
  path: string;
  parameters: Parameter[];
  body?: { mediaType: string; schema: Schema };
  /** `public`, or the permission of @Auth({ permission }). */
  access: 'public' | Permission;
}

/** Resolves $ref against the document's components, recursively. */
export function resolve(document: Schema, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (typeof schema['$ref'] === 'string') {
    const name = schema['$ref'].split('/').pop() as string;
    return resolve(document, { ...document['components']['schemas'][name] });
  }
  const out: Schema = { ...schema };
  if (out['properties']) {
    out['properties'] = Object.fromEntries(
      Object.entries(out['properties'] as Record<string, Schema>).map(([k, v]) => [k, resolve(document, v)]),
    );
  }
  if (out['items']) out['items'] = resolve(document, out['items']);
  return out;
}

/** Reads GET /api/docs-json, as any client would, and joins each operation to its route's access. */
export async function readOperations(t: TestApp): Promise<Operation[]> {
  const document = (await t.http.get('/api/docs-json').expect(200)).body as Schema;
  const access = new Map(
    listRouteDtos(t.app).map((r) => {
      const isPublic =
        Reflect.getMetadata(PUBLIC_ROUTE, r.handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, r.controller);
      const permission =
        Reflect.getMetadata(ROUTE_PERMISSION, r.handler) ??
        Reflect.getMetadata(ROUTE_PERMISSION, r.controller);
      return [r.operationId, isPublic ? 'public' : permission] as const;
    }),
  );
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document['paths'] as Record<string, Schema>)) {
    for (const [method, op] of Object.entries(item)) {
      const content = (op['requestBody']?.content ?? {}) as Record<string, Schema>;
      const mediaType = Object.keys(content)[0];
      const name = `${method.toUpperCase()} ${path}`;
      const routeAccess = access.get(op['operationId']);
      if (!routeAccess) throw new Error(`${name}: no route declares who may call it`);
      operations.push({
        name,
        method: method.toUpperCase(),
        path,
        parameters: ((op['parameters'] ?? []) as Parameter[]).map((p) => ({
          ...p,
          schema: resolve(document, p.schema),
        })),
        body: mediaType ? { mediaType, schema: resolve(document, content[mediaType].schema) } : undefined,
        access: routeAccess,
      });
    }
  }
  return operations.sort((x, y) => x.name.localeCompare(y.name));
}

/** The path with its parameters filled in (each value URL-encoded). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (values[name] === undefined) throw new Error(`no value for {${name}}`);
    // « . » and « .. » as a whole segment are dot segments, removed by every URL parser (even as
    // %2E) before a request leaves: the server never sees them, the parent route (a list) answers.
    // « ... » is not one and is as invalid an id: it reaches the route.
    if (values[name] === '.' || values[name] === '..') return '...';
    // A lone surrogate has no UTF-8 form: send the bytes a careless client would (CESU-8).
    return values[name]
      .split(/([\uD800-\uDFFF])/)
      .map((part) =>
        /^[\uD800-\uDFFF]$/.test(part)
          ? [
              ...Buffer.from([
                0xe0 | (part.charCodeAt(0) >> 12),
                0x80 | ((part.charCodeAt(0) >> 6) & 0x3f),
                0x80 | (part.charCodeAt(0) & 0x3f),
              ]),
            ]
              .map((b) => `%${b.toString(16).toUpperCase()}`)
              .join('')
          : encodeURIComponent(part),
      )
      .join('');
  });
}

/** Path parameter names of an operation. */
export const pathParams = (op: Operation) => op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
