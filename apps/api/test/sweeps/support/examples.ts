import fc from 'fast-check';
import type { Schema } from './openapi';

/**
 * A valid value for a schema, from its `example` or its rules: what the access sweep sends so that
 * a request reaches the ownership check rather than stopping at validation. Undefined when the
 * schema says too little to build one (the sweep then fails, naming the operation).
 */
export function exampleOf(schema: Schema): unknown {
  if (schema['example'] !== undefined) return schema['example'];
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  switch (schema['type']) {
    case 'string': {
      if (schema['format'] === 'email') return 'balayage@example.fr';
      if (schema['format'] === 'uuid') return '00000000-0000-4000-8000-00000000beef';
      if (schema['format'] === 'date') return '2027-01-14';
      if (schema['pattern']) {
        return fc.sample(fc.stringMatching(new RegExp(schema['pattern'] as string)), {
          seed: 7,
          numRuns: 1,
        })[0];
      }
      const min = Number(schema['minLength'] ?? 1);
      return 'Valeur-de-balayage-2027'.padEnd(min, 'x');
    }
    case 'integer':
    case 'number':
      return Math.min(Number(schema['maximum'] ?? 1), Math.max(Number(schema['minimum'] ?? 1), 1));
    case 'boolean':
      return true;
    case 'array': {
      if (!schema['minItems']) return [];
      const item = exampleOf(schema['items'] ?? {});
      return item === undefined ? undefined : [item];
    }
    case 'object':
    case undefined: {
      if (!schema['properties']) return schema['type'] === 'object' ? {} : undefined;
      const out: Record<string, unknown> = {};
      for (const name of (schema['required'] ?? []) as string[]) {
        const value = exampleOf(schema['properties'][name] ?? {});
        if (value === undefined) return undefined;
        out[name] = value;
      }
      // Optional properties with an explicit example too: rules across fields often need them.
      for (const [name, property] of Object.entries(schema['properties'] as Record<string, Schema>)) {
        if (out[name] === undefined && property['example'] !== undefined) out[name] = property['example'];
      }
      return out;
    }
    default:
      return undefined;
  }
}
