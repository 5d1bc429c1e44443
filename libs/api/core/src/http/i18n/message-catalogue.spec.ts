import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { ENGLISH_MESSAGES } from './messages.en';

/**
 * Every French message the API can answer with has an English entry in messages.en.ts, and every
 * entry is still thrown somewhere. The messages are found by reading the sources (TypeScript's
 * parser, no type checking, about a second):
 * - the first argument of `new <X>Error(…)` / `new <X>Exception(…)` for the errors that reach
 *   people (DomainError subclasses and Nest's HttpExceptions);
 * - `message:` in object literals (validator decorators' own messages, form problems);
 * - `FRENCH…` constants and the functions listed in MESSAGE_FUNCTIONS (the filter's defaults,
 *   class-validator's sentences, the input guard's), and `message = '…'` default parameters;
 * following a constant, a property of a constant object, both branches of `?:` and `??`, and the
 * messages nested in a template (`${n} secondes`). A template literal becomes a key with numbered
 * holes: `Le ${date} est complet.` → `Le {0} est complet.`.
 * `PRINT_MISSING=1` writes the missing keys to tmp/api-i18n-missing.txt, ready to translate.
 */
const ROOT = join(__dirname, '../../../../../..');
const API_LIBS = join(ROOT, 'libs/api');
/** Shared rules whose errors the API passes on: only their `new …Error(…)` count there. */
const SHARED_DOMAIN = join(ROOT, 'libs/shared/domain/src');

/** Errors whose message a person reads (Error, ConfigError… are for operators and logs). */
const USER_FACING_ERRORS = new Set([
  'InvalidInputError',
  'NotFoundError',
  'ForbiddenError',
  'ConflictError',
  'TooManyRequestsError',
  'UnauthenticatedError',
  // libs/shared/domain: a deadline rule the parser refuses is the API's 400 (bookings' catalog).
  'DeadlineRuleError',
]);
const isUserFacing = (name: string) => USER_FACING_ERRORS.has(name) || /^[A-Z]\w*Exception$/.test(name);

/** Functions whose returned strings are messages. */
const MESSAGE_FUNCTIONS = new Set(['textDefect', 'frenchMessageFor']);
/**
/** Helpers that take a message as their second argument: (status, message), (field, message). */
const MESSAGE_HELPERS = new Set(['make', 'invalid', 'add']);
/** Helpers whose first argument is a message: a request form's refusal, a translation. */
const MESSAGE_FIRST = new Set(['translateMessage', 'kindError', 'fail']);

/**
 * Sources whose `message:` is not an error: operator config checks (English), an example body, the
 * blockers of a billing run (part of a 200 answer, not an error). `file:name` skips a `message:`
 * inside the declaration, property or call named so.
 */
const NOT_ERRORS = [
  'libs/api/core/src/config/',
  'libs/api/requests/src/dto/request.dto.ts:DATA_EXAMPLE',
  'libs/api/billing/src/billing-runs.service.ts:blockers.push',
];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'migrations' && name !== 'node_modules') sourceFiles(path, out);
    } else if (name.endsWith('.ts') && !/[.-]spec\.ts$/.test(name) && name !== 'messages.en.ts') {
      out.push(path);
    }
  }
  return out;
}

interface Found {
  key: string;
  at: string;
}

function messagesIn(path: string, onlyThrown = false, source?: string): Found[] {
  const file = relative(ROOT, path);
  if (NOT_ERRORS.some((skip) => !skip.includes(':') && file.startsWith(skip))) return [];
  const text = source ?? readFileSync(path, 'utf8');
  // Parsing is the cost: a file that cannot hold a message is not parsed.
  if (!/Error\(|Exception\(|message|FRENCH|textDefect/.test(text)) return [];
  // No parent pointers (a third of the time): `visit` keeps the ancestors itself.
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const found: Found[] = [];
  const declarations = new Map<string, ts.Expression[]>();
  const index = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      declarations.set(node.name.text, [...(declarations.get(node.name.text) ?? []), node.initializer]);
    }
    ts.forEachChild(node, index);
  };
  index(sf);

  const add = (key: string, node: ts.Node) => {
    if (/\p{L}/u.test(key)) {
      found.push({ key, at: `${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}` });
    }
  };
  const seen = new Set<ts.Node>();
  const collect = (expr: ts.Expression | undefined, nested = false): void => {
    if (!expr || seen.has(expr)) return;
    seen.add(expr);
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
      if (!nested) add(expr.text, expr);
    } else if (ts.isTemplateExpression(expr)) {
      let key = expr.head.text;
      expr.templateSpans.forEach((span, i) => {
        key += `{${i}}${span.literal.text}`;
        collect(span.expression, true);
      });
      add(key, expr);
    } else if (ts.isConditionalExpression(expr)) {
      collect(expr.whenTrue, nested);
      collect(expr.whenFalse, nested);
    } else if (
      ts.isBinaryExpression(expr) &&
      expr.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken
    ) {
      collect(expr.left, nested);
      collect(expr.right, nested);
    } else if (ts.isArrowFunction(expr) && !ts.isBlock(expr.body)) {
      collect(expr.body, nested); // message: (args) => `…`
    } else if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) {
      collect(expr.expression, nested);
    } else if (nested) {
      return;
    } else if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression)) {
      collect(expr.expression.expression); // `…`.trim()
    } else if (ts.isIdentifier(expr)) {
      declarations.get(expr.text)?.forEach((init) => collect(init));
    } else if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression)) {
      for (const declared of declarations.get(expr.expression.text) ?? []) {
        const init = ts.isAsExpression(declared) ? declared.expression : declared;
        if (!ts.isObjectLiteralExpression(init)) continue;
        for (const prop of init.properties) {
          if (ts.isPropertyAssignment(prop) && prop.name.getText(sf) === expr.name.text)
            collect(prop.initializer);
        }
      }
    } else if (ts.isElementAccessExpression(expr) && ts.isIdentifier(expr.expression)) {
      declarations.get(expr.expression.text)?.forEach((init) => collectValues(init));
    } else if (ts.isObjectLiteralExpression(expr)) {
      for (const prop of expr.properties) {
        if (ts.isPropertyAssignment(prop) && prop.name.getText(sf) === 'message') collect(prop.initializer);
      }
    }
  };
  /** Every value of an object of messages, including arrow functions returning one. */
  const collectValues = (declared: ts.Expression) => {
    const init = ts.isAsExpression(declared) ? declared.expression : declared;
    if (!ts.isObjectLiteralExpression(init)) return;
    for (const prop of init.properties) {
      if (!ts.isPropertyAssignment(prop)) continue;
      const value = prop.initializer;
      collect(ts.isArrowFunction(value) && !ts.isBlock(value.body) ? value.body : value);
    }
  };
  const skipped = (ancestors: ts.Node[]) =>
    NOT_ERRORS.some((skip) => {
      const [skipFile, name] = skip.split(':');
      if (skipFile !== file || !name) return false;
      for (const up of ancestors) {
        if ((ts.isVariableDeclaration(up) || ts.isPropertyAssignment(up)) && up.name.getText(sf) === name)
          return true;
        if (ts.isCallExpression(up) && up.expression.getText(sf) === name) return true;
      }
      return false;
    });

  const ancestors: ts.Node[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && isUserFacing(node.expression.text)) {
      collect(node.arguments?.[0]);
    } else if (!onlyThrown && ts.isCallExpression(node) && node.arguments.length >= 1) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      if (MESSAGE_HELPERS.has(name) && node.arguments.length >= 2) collect(node.arguments[1]);
      if (MESSAGE_FIRST.has(name)) collect(node.arguments[0]);
    }
    if (onlyThrown) {
      visitChildren(node);
      return;
    }
    if (
      (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
      node.name.getText(sf) === 'message' &&
      !skipped(ancestors)
    ) {
      collect(ts.isPropertyAssignment(node) ? node.initializer : node.name);
    }
    // A default message: constructor(message = 'Ressource introuvable.')
    if (ts.isParameter(node) && node.name.getText(sf) === 'message' && node.initializer) {
      collect(node.initializer);
    }
    if (ts.isVariableDeclaration(node) && /^FRENCH/.test(node.name.getText(sf)) && node.initializer) {
      collectValues(node.initializer);
    }
    if (
      (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) &&
      node.name &&
      MESSAGE_FUNCTIONS.has(node.name.getText(sf))
    ) {
      const returns = (inner: ts.Node): void => {
        if (ts.isReturnStatement(inner)) collect(inner.expression);
        ts.forEachChild(inner, returns);
      };
      returns(node);
    }
    visitChildren(node);
  };
  const visitChildren = (node: ts.Node) => {
    ancestors.push(node);
    ts.forEachChild(node, visit);
    ancestors.pop();
  };
  visit(sf);
  return found;
}

describe('the message walker', () => {
  const keysOf = (source: string) =>
    messagesIn(join(API_LIBS, 'fixture/src/fixture.service.ts'), false, source).map((f) => f.key);

  it('turns template literals into numbered holes, nested ones included', () => {
    expect(
      keysOf(
        'throw new ConflictError(`La place du ${date} est complète (${n} sur ${max}).`);\n' +
          'throw new TooManyRequestsError(`Réessayez dans ${s < 90 ? `${s} secondes` : `${m} minutes`}.`, s);',
      ),
    ).toEqual([
      'La place du {0} est complète ({1} sur {2}).',
      '{0} secondes',
      '{0} minutes',
      'Réessayez dans {0}.',
    ]);
  });

  it('follows constants, objects of messages, both branches and validator messages', () => {
    const source = [
      "const GONE = 'Cette place a disparu.';",
      "const MESSAGES = { bad: 'Lien invalide.', good: 'Merci.' } as const;",
      'throw new NotFoundError(GONE);',
      'throw new InvalidInputError(MESSAGES.bad);',
      "throw new InvalidInputError(caf ? 'Joignez l’attestation.' : 'Joignez l’avis.', 'file');",
      "class Dto { @Matches(/x/, { message: 'doit être un x' }) x!: string; }",
      'const m = { message: (args) => `est faible : ${advice(args)}` };',
      "throw new Error('not for people');",
      'throw new ForbiddenError();',
    ].join('\n');
    expect(keysOf(source).sort()).toEqual(
      [
        'Cette place a disparu.',
        'Lien invalide.',
        'Joignez l’attestation.',
        'Joignez l’avis.',
        'doit être un x',
        'est faible : {0}',
      ].sort(),
    );
  });
});

describe('English messages of the API', () => {
  // CPU time, not wall time: the test machine is shared, the cost of the walk is what matters.
  const started = process.cpuUsage();
  const found = [
    ...sourceFiles(API_LIBS).flatMap((path) => messagesIn(path)),
    ...sourceFiles(SHARED_DOMAIN).flatMap((path) => messagesIn(path, true)),
  ];
  const spent = process.cpuUsage(started);
  const elapsed = Math.round((spent.user + spent.system) / 1000);
  const thrown = new Map<string, string>();
  for (const { key, at } of found) if (!thrown.has(key)) thrown.set(key, at);

  it('reads the sources quickly and finds the messages', () => {
    expect(elapsed).toBeLessThan(5000);
    // A sanity floor: the walker still sees the messages (about 300 today).
    expect(thrown.size).toBeGreaterThan(250);
    expect(thrown.has('Ressource introuvable.')).toBe(true);
    expect(thrown.has('Le champ « {0} » {1}.')).toBe(true);
  });

  it('has an English entry for every French message', () => {
    const missing = [...thrown].filter(([key]) => !(key in ENGLISH_MESSAGES));
    if (process.env['PRINT_MISSING']) {
      mkdirSync(join(ROOT, 'tmp'), { recursive: true });
      writeFileSync(
        join(ROOT, 'tmp/api-i18n-missing.txt'),
        missing.map(([key, at]) => `  // ${at}\n  ${JSON.stringify(key)}: '',\n`).join(''),
      );
    }
    expect(missing.map(([key, at]) => `${at}: ${key}`)).toEqual([]);
  });

  it('has no English entry for a message no longer thrown', () => {
    expect(Object.keys(ENGLISH_MESSAGES).filter((key) => !thrown.has(key))).toEqual([]);
  });

  it('keeps the same holes in each translation', () => {
    const holes = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort().join(' ');
    const mismatched = Object.entries(ENGLISH_MESSAGES).filter(
      ([french, english]) => holes(french) !== holes(english) || english.trim() === '',
    );
    expect(mismatched).toEqual([]);
  });
});
