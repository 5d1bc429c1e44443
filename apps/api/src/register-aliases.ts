/**
 * Resolves the workspace aliases (@foyer/<scope>/<name>) to the compiled libraries next to this
 * build, the way tsconfig paths do at compile time. Must be the first import of an entry point.
 */
import Module from 'node:module';
import { join } from 'node:path';

// dist/api/apps/api/src -> dist/api
const distRoot = join(__dirname, '..', '..', '..');
const moduleWithResolver = Module as unknown as {
  _resolveFilename(request: string, ...rest: unknown[]): string;
};
const original = moduleWithResolver._resolveFilename;
moduleWithResolver._resolveFilename = function (request: string, ...rest: unknown[]): string {
  const match = /^@foyer\/([a-z-]+)\/([a-z-]+)(\/entities)?$/.exec(request);
  if (match) {
    const file = match[3] ? 'entities.js' : 'index.js';
    return original.call(this, join(distRoot, 'libs', match[1], match[2], 'src', file), ...rest);
  }
  return original.call(this, request, ...rest);
};
