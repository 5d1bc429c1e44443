import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/* eslint-disable @typescript-eslint/no-explicit-any */
// class-transformer exports its @Type() registry only from this path (no typings for it).
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TransformerStorage;
};
type Schema = Record<string, any>;
type Class = new (...args: any[]) => unknown;

/** One route of the app with the classes its body and query are validated against. */
export interface RouteDtos {
  operationId: string;
  method: string;
  path: string;
  body?: Class;
  query?: Class;
  /** Path parameters checked by ParseIdPipe: UUIDs. */
  idParams: string[];
  handler: (...args: unknown[]) => unknown;
  controller: Class;
}

const SWAGGER_API_PARAMETERS = 'swagger/apiParameters';

/** Every route of the app, read from the metadata Nest routes by, with its body and query classes. */
export function listRouteDtos(app: INestApplication): RouteDtos[] {
  const routes: RouteDtos[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Class | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
          string,
          { index: number; data?: unknown; pipes?: unknown[] }
        >;
        const types = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as Class[];
        const route: RouteDtos = {
          operationId: `${controller.name}_${name}`,
          method: RequestMethod[method],
          path,
          handler: handler as RouteDtos['handler'],
          controller,
          idParams: [],
        };
        for (const [key, arg] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]);
          const type = types[arg.index];
          const isId = (arg.pipes ?? []).some((p) => (p as object)?.constructor?.name === 'ParseIdPipe');
          if (kind === RouteParamtypes.PARAM && typeof arg.data === 'string' && isId) {
            route.idParams.push(arg.data);
          }
          if (arg.data !== undefined || !isDtoClass(type)) continue;
          if (kind === RouteParamtypes.BODY) route.body = type;
          if (kind === RouteParamtypes.QUERY) route.query = type;
        }
        // A body read by a guard (Passport's local strategy) is declared with @ApiBody({ type }).
        const declared = (Reflect.getMetadata(SWAGGER_API_PARAMETERS, handler) ?? []) as {
          in?: string;
          type?: unknown;
        }[];
        const declaredBody = declared.find((p) => p.in === 'body' && isDtoClass(p.type));
        if (!route.body && declaredBody) route.body = declaredBody.type as Class;
        routes.push(route);
      }
    }
  }
  return routes;
}

function isDtoClass(type: unknown): type is Class {
  return (
    typeof type === 'function' &&
    ![String, Number, Boolean, Object, Array, Date].includes(type as never) &&
    getMetadataStorage().getTargetValidationMetadatas(type as Class, '', false, false).length > 0
  );
}

/** The validation rules of a class, grouped by property. */
export function validationRulesOf(target: Class): Map<string, ValidationMetadata[]> {
  const rules = new Map<string, ValidationMetadata[]>();
  for (const meta of getMetadataStorage().getTargetValidationMetadatas(target, '', false, false)) {
    if (!rules.has(meta.propertyName)) rules.set(meta.propertyName, []);
    rules.get(meta.propertyName)?.push(meta);
  }
  return rules;
}

/** The constraint name of a rule ('isString', 'maxLength', 'isNotCommonPassword'…). */
export function constraintName(meta: ValidationMetadata): string {
  return meta.name ?? meta.type;
}

/**
 * JSON schema of a validated class, derived from its class-validator and class-transformer
 * metadata, so that the OpenAPI document says what the validation pipe accepts without a second
 * set of decorators (@ApiProperty) to keep in step. Nested classes are added to `components`.
 */
export function schemaOfClass(target: Class, components: Record<string, Schema>): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const existing = (components[target.name] ?? {}) as Schema;
  for (const [property, metas] of validationRulesOf(target)) {
    const optional = metas.some((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
    const nullable = metas.some((m) => m.name === 'isOptional');
    const designType = Reflect.getMetadata('design:type', target.prototype as object, property) as unknown;
    const schema: Schema = {};
    const item: Schema = {};
    for (const meta of metas) {
      const into = meta.each ? item : schema;
      applyRule(into, meta, target, property, components);
    }
    if (designType === Array || schema['items'] || Object.keys(item).length > 0) {
      schema['type'] = 'array';
      schema['items'] = { ...(schema['items'] ?? {}), ...item };
    }
    if (!schema['type'] && !schema['$ref'] && !schema['enum']) {
      if (designType === String) schema['type'] = 'string';
      else if (designType === Number) schema['type'] = 'number';
      else if (designType === Boolean) schema['type'] = 'boolean';
    }
    if (nullable) schema['nullable'] = true;
    const before = (existing['properties']?.[property] ?? {}) as Schema;
    properties[property] = {
      ...schema,
      ...(before['example'] !== undefined ? { example: before['example'] } : {}),
      ...(before['description'] ? { description: before['description'] } : {}),
    };
    if (!optional) required.push(property);
  }
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}

function applyRule(
  schema: Schema,
  meta: ValidationMetadata,
  target: Class,
  property: string,
  components: Record<string, Schema>,
): void {
  const [first] = (meta.constraints ?? []) as unknown[];
  switch (meta.type === ValidationTypes.NESTED_VALIDATION ? 'nested' : meta.name) {
    case 'isString':
      schema['type'] = 'string';
      break;
    case 'isInt':
      schema['type'] = 'integer';
      break;
    case 'isNumber':
    case 'isPositive':
      schema['type'] = 'number';
      if (meta.name === 'isPositive') schema['exclusiveMinimum'] = 0;
      break;
    case 'isBoolean':
      schema['type'] = 'boolean';
      break;
    case 'isArray':
      schema['type'] = 'array';
      break;
    case 'isEnum':
      schema['enum'] = Object.values(first as object);
      break;
    case 'isIn':
      schema['enum'] = first as unknown[];
      break;
    case 'isUuid':
    case 'isUUID':
      schema['type'] = 'string';
      schema['format'] = 'uuid';
      break;
    case 'isEmail':
      schema['type'] = 'string';
      schema['format'] = 'email';
      break;
    case 'isIsoDate':
      schema['type'] = 'string';
      schema['format'] = 'date';
      break;
    case 'matches':
      schema['type'] = 'string';
      schema['pattern'] = (first instanceof RegExp ? first : new RegExp(String(first))).source;
      break;
    case 'minLength':
      schema['minLength'] = first;
      break;
    case 'maxLength':
      schema['maxLength'] = first;
      break;
    case 'isNotEmpty':
      if (schema['type'] !== 'array') schema['minLength'] = Math.max(1, Number(schema['minLength'] ?? 1));
      break;
    case 'min':
      schema['minimum'] = first;
      break;
    case 'max':
      schema['maximum'] = first;
      break;
    case 'arrayMinSize':
      schema['minItems'] = first;
      break;
    case 'arrayMaxSize':
      schema['maxItems'] = first;
      break;
    case 'arrayUnique':
      schema['uniqueItems'] = true;
      break;
    case 'nested': {
      const typeMeta = defaultMetadataStorage.findTypeMetadata(target, property);
      const nested = typeMeta?.typeFunction() as Class | undefined;
      if (nested && isDtoClass(nested)) {
        if (!components[nested.name]) {
          components[nested.name] = {};
          components[nested.name] = schemaOfClass(nested, components);
        }
        const ref = { $ref: `#/components/schemas/${nested.name}` };
        if (meta.each) Object.assign(schema, ref);
        else Object.assign(schema, ref);
      }
      break;
    }
    default:
      break;
  }
}

/** OpenAPI type of a query parameter's schema (everything in a query string arrives as text). */
function queryParameters(target: Class, components: Record<string, Schema>): Schema[] {
  const schema = schemaOfClass(target, components);
  return Object.entries(schema['properties'] as Record<string, Schema>).map(([name, property]) => ({
    name,
    in: 'query',
    required: (schema['required'] as string[] | undefined)?.includes(name) ?? false,
    schema: property,
  }));
}

/**
 * Completes the document Nest's swagger module built: each body and query class gets the schema
 * its validation rules describe (swagger alone only sees @ApiProperty), and a body read by a guard
 * is declared. Routes are matched by operationId (`Controller_method`, swagger's default).
 */
export function completeOpenApiDocument(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {}) as Record<string, Schema>;
  const routes = new Map(listRouteDtos(app).map((r) => [r.operationId, r]));
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Schema[]) {
      const route = routes.get(operation?.['operationId']);
      if (!route) continue;
      if (route.body) {
        schemas[route.body.name] = schemaOfClass(route.body, schemas);
        const content = (operation['requestBody']?.content ?? {}) as Record<string, Schema>;
        const mediaType = Object.keys(content)[0] ?? 'application/json';
        operation['requestBody'] = {
          required: true,
          content: { [mediaType]: { schema: { $ref: `#/components/schemas/${route.body.name}` } } },
        };
      }
      const parameters = (operation['parameters'] ?? []) as Schema[];
      for (const parameter of parameters) {
        if (parameter['in'] === 'path' && route.idParams.includes(parameter['name'])) {
          parameter['schema'] = { type: 'string', format: 'uuid' };
        }
      }
      if (route.query) {
        const before = new Map(parameters.filter((p) => p['in'] === 'query').map((p) => [p['name'], p]));
        operation['parameters'] = [
          ...parameters.filter((p) => p['in'] !== 'query'),
          ...queryParameters(route.query, schemas).map((p) => {
            const example = before.get(p['name'])?.['example'] ?? before.get(p['name'])?.['schema']?.example;
            return example === undefined ? p : { ...p, example };
          }),
        ];
      }
    }
  }
  return document;
}
