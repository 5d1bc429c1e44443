import express, { type Request, type Response } from 'express';
import type { ApiErrorView } from '@foyer/shared/contracts';
import { describeFields } from '../validation-messages';
import { ENGLISH_FORM_MESSAGES, ENGLISH_MESSAGES, ENGLISH_PASSWORD_ADVICE } from './messages.en';

/** The languages the API answers errors in: French, the source language, unless English is asked for. */
export type ApiLocale = 'fr' | 'en';

export const API_LOCALES: readonly ApiLocale[] = ['fr', 'en'];

/**
 * The language of the answer, from the request's Accept-Language: q-values are honoured and
 * `en-GB` counts as English; no header, `*` or only languages we do not speak mean French.
 */
export function requestLocale(request: Pick<Request, 'acceptsLanguages'> | undefined): ApiLocale {
  if (typeof request?.acceptsLanguages !== 'function') return 'fr';
  const chosen = request.acceptsLanguages(...API_LOCALES);
  return chosen === 'en' ? 'en' : 'fr';
}

/** The language asked for by an Accept-Language value read outside Express (a raw request). */
export function localeOfHeader(acceptLanguage: string | undefined): ApiLocale {
  if (!acceptLanguage) return 'fr';
  const request = Object.assign(Object.create(express.request) as Request, {
    headers: { 'accept-language': acceptLanguage },
  });
  return requestLocale(request);
}

/** The answer says which language it is in, and that it depends on Accept-Language. */
export function setLanguageHeaders(response: Response, locale: ApiLocale): void {
  if (response.headersSent) return;
  response.setHeader('Content-Language', locale);
  response.vary('Accept-Language');
}

/** `{0}`, `{1}`…: a value the French message inserts (a name, a date, a number). */
const HOLE = /\{(\d+)\}/g;

interface Template {
  pattern: RegExp;
  english: string;
  /** Literal characters before the first hole: a message's own opening is the surest sign. */
  prefix: number;
  /** Literal characters in all: the most specific template is tried first. */
  weight: number;
}

/** Longest message matched against the templates (ours are under 300 characters with their values). */
const MAX_TEMPLATE_INPUT = 2_000;

/** Exact messages, looked up as they are. */
const exact = new Map<string, string>();
/** Messages with values, compiled once to anchored regular expressions. */
const templates: Template[] = [];

for (const [french, english] of Object.entries({ ...ENGLISH_FORM_MESSAGES, ...ENGLISH_MESSAGES })) {
  if (!/\{\d+\}/.test(french)) {
    exact.set(french, english);
    continue;
  }
  const literal = french.split(HOLE).filter((_part, i) => i % 2 === 0);
  const source = french
    .split(HOLE)
    .map((part, i) => (i % 2 === 0 ? escapeRegExp(part) : `(?<h${part}>[\\s\\S]*?)`))
    .join('');
  templates.push({
    pattern: new RegExp(`^${source}$`),
    english,
    prefix: literal[0].length,
    weight: literal.join('').length,
  });
}
// « Statut inconnu : {0}. » before « {0} n’est pas inscrit(e)… »: a value typed by a caller could
// otherwise make a template that opens with a hole match another message.
templates.sort((a, b) => b.prefix - a.prefix || b.weight - a.weight);

/** Sentences replaced wherever they appear in a hole, longest first. */
const phrases = Object.entries(ENGLISH_PASSWORD_ADVICE).sort(([a], [b]) => b.length - a.length);

function replacePhrases(text: string): string {
  let result = text;
  for (const [french, english] of phrases) {
    if (result.includes(french)) result = result.split(french).join(english);
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The English for a French message: an exact entry, else the first template that matches, its
 * holes filled with the French values (themselves translated when they are a known message, as in
 * « Le champ « x » doit être un texte. »). A message nobody translated stays in French.
 */
export function toEnglish(french: string): string {
  const known = exact.get(french);
  if (known !== undefined) return known;
  // Values a caller typed can make a message long (a list of unknown statuses): past this, the lazy
  // holes could cost quadratic time on a crafted value, so such a message stays French.
  if (french.length > MAX_TEMPLATE_INPUT) return french;
  for (const template of templates) {
    const match = template.pattern.exec(french);
    if (!match) continue;
    const holes = match.groups ?? {};
    return template.english.replace(HOLE, (_m, index: string) => {
      const value = holes[`h${index}`] ?? '';
      // A shorter inner message (the field sentence of an input-guard error, "42 secondes"), or
      // sentences of advice (a password's weaknesses).
      if (value.length === 0 || value.length >= french.length) return value;
      const inner = toEnglish(value);
      return inner === value ? replacePhrases(value) : inner;
    });
  }
  return french;
}

export function translateMessage(french: string, locale: ApiLocale): string {
  return locale === 'en' ? toEnglish(french) : french;
}

/** An error body in the asked language: its message and every field's messages. */
export function localizeErrorBody(body: ApiErrorView, locale: ApiLocale): ApiErrorView {
  if (locale === 'fr') return body;
  const fields = body.fields?.map((field) => ({
    ...field,
    messages: field.messages.map((message) => toEnglish(message)),
  }));
  // The validation pipe composes its message from the fields: composed again, in English.
  const composed = body.fields && body.message === describeFields(body.fields);
  return {
    ...body,
    message: composed && fields ? describeFields(fields, 'en') : toEnglish(body.message),
    ...(fields ? { fields } : {}),
  };
}

/** For filters that write their own answer (uploads): the body in the request's language, with headers. */
export function localizeErrorResponse(
  body: ApiErrorView,
  request: Pick<Request, 'acceptsLanguages'>,
  response: Response,
): ApiErrorView {
  const locale = requestLocale(request);
  setLanguageHeaders(response, locale);
  return localizeErrorBody(body, locale);
}
