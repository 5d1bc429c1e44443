import type { Request } from 'express';
import express from 'express';
import { ApiErrorView } from '@foyer/shared/contracts';
import { describeFields } from '../validation-messages';
import * as zxcvbnFrench from '@zxcvbn-ts/language-fr';
import type { ErrorObject } from 'ajv';
import localizeFr from 'ajv-i18n/localize/fr';
import { ENGLISH_FORM_MESSAGES, ENGLISH_MESSAGES, ENGLISH_PASSWORD_ADVICE } from './messages.en';
import { localeOfHeader, localizeErrorBody, requestLocale, toEnglish, translateMessage } from './translate';

/** A real Express request carrying this Accept-Language (acceptsLanguages comes from Express). */
function requestWith(acceptLanguage?: string): Request {
  const req = Object.create(express.request) as Request;
  Object.assign(req, { headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage } });
  return req;
}

describe('API message translation', () => {
  it('translates an exact message and a template, keeping the values', () => {
    expect(toEnglish('Ressource introuvable.')).toBe('Resource not found.');
    expect(toEnglish('Un site porte déjà le code « ecole-nord ».')).toBe(
      'A site already has the code “ecole-nord”.',
    );
    expect(toEnglish('Ces dates chevauchent « Toussaint » (à partir du lundi 19 octobre 2026).')).toBe(
      'These dates overlap “Toussaint” (from lundi 19 octobre 2026).',
    );
  });

  it('translates a message nested in a hole, and a plural left as a hole', () => {
    expect(toEnglish('Le champ « children.0.name » ne doit pas contenir de caractère nul.')).toBe(
      'The field “children.0.name” must not contain a null character.',
    );
    expect(toEnglish('Trop de tentatives. Réessayez dans 42 secondes.')).toBe(
      'Too many attempts. Try again in 42 seconds.',
    );
    expect(toEnglish('Le portail accueille les enfants de 0 à 17 ans : cet enfant a 1 an.')).toBe(
      'The portal welcomes children aged 0 to 17: this child is 1 year old.',
    );
  });

  it('translates every sentence of the password advice, several in one message', () => {
    const { warnings, suggestions } = zxcvbnFrench.translations;
    const sentences = [...Object.values(warnings), ...Object.values(suggestions)] as string[];
    expect(sentences.filter((sentence) => !(sentence in ENGLISH_PASSWORD_ADVICE))).toEqual([]);
    expect(
      toEnglish(
        'est trop facile à deviner : Les mots simples sont faciles à deviner. Ajoutez des mots moins courants. Utilisez des majuscules mais pas seulement sur la première lettre.',
      ),
    ).toBe(
      'is too easy to guess: Single words are easy to guess. Add more words that are less common. Capitalise more than the first letter.',
    );
  });

  it('translates every message ajv-i18n gives a request form in French', () => {
    const params = {
      limit: 2,
      depsCount: 1,
      deps: 'b',
      property: 'a',
      format: 'date',
      comparison: '<=',
      failingKeyword: 'then',
      multipleOf: 5,
      missingPattern: '^x',
      missingProperty: 'nom',
      type: 'string',
      i: 1,
      j: 2,
      error: 'other',
      tag: 't',
      len: 2,
    };
    const keywords = [
      'items',
      'additionalProperties',
      'anyOf',
      'const',
      'contains',
      'dependentRequired',
      'enum',
      'false schema',
      'format',
      'formatMaximum',
      'formatMinimum',
      'if',
      'maximum',
      'exclusiveMaximum',
      'maxItems',
      'maxLength',
      'maxProperties',
      'minimum',
      'exclusiveMinimum',
      'minItems',
      'minLength',
      'minProperties',
      'multipleOf',
      'not',
      'oneOf',
      'pattern',
      'patternRequired',
      'propertyNames',
      'required',
      'type',
      'uniqueItems',
      'x-unknown-keyword',
    ];
    const untranslated: string[] = [];
    for (const keyword of keywords) {
      for (const limit of [1, 2]) {
        const errors = [{ keyword, params: { ...params, limit } } as unknown as ErrorObject];
        localizeFr(errors);
        const french = errors[0].message ?? '';
        if (toEnglish(french) === french) untranslated.push(`${keyword}: ${french}`);
      }
    }
    expect(untranslated).toEqual([]);
    expect(toEnglish('ne doit pas faire moins de 1 caractère')).toBe('must not be shorter than 1 character');
    expect(toEnglish('ne doit pas faire moins de 3 caractères')).toBe(
      'must not be shorter than 3 characters',
    );
  });

  it('stays fast on a crafted value, and leaves a very long message in French', () => {
    const crafted = `Statut inconnu : ${' n’est pas inscrit(e) à « x » pour l’année '.repeat(40)}.`;
    const started = process.hrtime.bigint();
    expect(toEnglish(crafted)).toBe(
      `Unknown status: ${' n’est pas inscrit(e) à « x » pour l’année '.repeat(40)}.`,
    );
    const long = `Statut inconnu : ${'x, '.repeat(1_000)}.`;
    expect(toEnglish(long)).toBe(long);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(100);
  });

  it('leaves a message nobody translated in French, and French requests untouched', () => {
    expect(toEnglish('Un message inconnu du catalogue.')).toBe('Un message inconnu du catalogue.');
    expect(translateMessage('Ressource introuvable.', 'fr')).toBe('Ressource introuvable.');
  });

  it('composes the validation sentence again from the English fields', () => {
    const fields = [{ field: 'email', messages: ['doit être une adresse e-mail valide', 'est obligatoire'] }];
    const body: ApiErrorView = {
      statusCode: 400,
      error: 'Bad Request',
      message: describeFields(fields),
      fields,
    };
    expect(localizeErrorBody(body, 'en')).toEqual({
      ...body,
      message: 'Some fields are invalid: "email" must be a valid e-mail address, is required.',
      fields: [{ field: 'email', messages: ['must be a valid e-mail address', 'is required'] }],
    });
    expect(localizeErrorBody(body, 'fr')).toBe(body);
  });

  it('negotiates the language like Express: q-values, regional variants, French otherwise', () => {
    expect(requestLocale(requestWith('en-GB,en;q=0.9'))).toBe('en');
    expect(requestLocale(requestWith('fr;q=0.3, en;q=0.7'))).toBe('en');
    expect(requestLocale(requestWith('fr-FR, en;q=0.5'))).toBe('fr');
    expect(requestLocale(requestWith('de'))).toBe('fr');
    expect(requestLocale(requestWith('*'))).toBe('fr');
    expect(requestLocale(requestWith())).toBe('fr');
    expect(requestLocale(undefined)).toBe('fr');
    expect(localeOfHeader('en-US,en;q=0.9')).toBe('en');
    expect(localeOfHeader('de')).toBe('fr');
    expect(localeOfHeader(undefined)).toBe('fr');
  });

  it('finds every entry of the catalogue, its holes filled with values', () => {
    const untranslated = Object.entries({ ...ENGLISH_FORM_MESSAGES, ...ENGLISH_MESSAGES })
      .map(([french, english]) => [french.replace(/\{\d+\}/g, '12'), english.replace(/\{\d+\}/g, '12')])
      .filter(([sample, english]) => toEnglish(sample) !== english);
    expect(untranslated).toEqual([]);
  });

  it('translates the whole catalogue quickly (an error pays one lookup)', () => {
    const started = process.hrtime.bigint();
    for (let round = 0; round < 20; round++) {
      for (const french of Object.keys(ENGLISH_MESSAGES)) toEnglish(french.replace(/\{\d+\}/g, 'x'));
    }
    const perMessageMicros =
      Number(process.hrtime.bigint() - started) / 1000 / (20 * Object.keys(ENGLISH_MESSAGES).length);
    expect(perMessageMicros).toBeLessThan(200);
  });
});
