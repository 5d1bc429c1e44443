import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_ROUTE, ROUTE_PERMISSION } from '@foyer/api/core';
import { createTestApp, TestApp } from '../test-app';

interface RouteAccess {
  route: string;
  access: string;
}

function joinPath(...parts: (string | undefined)[]): string {
  const path = parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/');
  return `/api/${path}`.replace(/\/$/, '');
}

/** Every route of the app with what it requires, read from the decorators Nest itself routes by. */
function listRoutes(t: TestApp): RouteAccess[] {
  const routes: RouteAccess[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const isPublic =
          Reflect.getMetadata(PUBLIC_ROUTE, handler) ??
          Reflect.getMetadata(PUBLIC_ROUTE, controller) ??
          false;
        const permission =
          Reflect.getMetadata(ROUTE_PERMISSION, handler) ?? Reflect.getMetadata(ROUTE_PERMISSION, controller);
        routes.push({
          route: `${RequestMethod[method]} ${joinPath(base, path)}`,
          access: isPublic ? 'public' : (permission ?? 'NONE'),
        });
      }
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

describe('route permissions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds the routes of the app', () => {
    expect(listRoutes(t).map((r) => r.route)).toContain('GET /api/health');
  });

  it('every route declares who may call it: @Public() or @Auth({ permission })', () => {
    const undeclared = listRoutes(t).filter((r) => r.access === 'NONE');
    expect(undeclared).toEqual([]);
  });

  it('matches the reviewed list of permissions (update with jest -u and review the diff)', () => {
    const table = listRoutes(t)
      .map((r) => `${r.route.padEnd(70)} ${r.access}`)
      .join('\n');
    expect(`\n${table}\n`).toMatchSnapshot();
  });
});
