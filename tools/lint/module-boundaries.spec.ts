import { spawnSync } from 'node:child_process';

/**
 * The boundaries docs/architecture.md promises, proven against the real ESLint configuration: each
 * forbidden import, written in a file of the project it would come from, must fail `npm run lint`,
 * and the allowed imports next to them must pass (so that a rule which stopped applying, or a
 * project which lost its tags, shows up here rather than passing silently).
 */
type Case = [what: string, filePath: string, code: string];

const refused: Case[] = [
  [
    'api/core imports a domain lib',
    'libs/api/core/src/fixture.ts',
    "import { AccountsService as value } from '@foyer/api/accounts';",
  ],
  [
    'shared/domain imports api/core',
    'libs/shared/domain/src/lib/fixture.ts',
    "import { Clock as value } from '@foyer/api/core';",
  ],
  [
    'web/core imports api/core',
    'libs/web/core/src/lib/fixture.ts',
    "import { Clock as value } from '@foyer/api/core';",
  ],
  [
    'a web lib imports an api lib',
    'libs/web/households/src/lib/fixture.ts',
    "import { HouseholdAccess as value } from '@foyer/api/households';",
  ],
  [
    'the web app imports an api lib',
    'apps/web/src/app/fixture.ts',
    "import { AccountsService as value } from '@foyer/api/accounts';",
  ],
  [
    'an api lib imports a web lib',
    'libs/api/households/src/fixture.ts',
    "import { PhoneFrPipe as value } from '@foyer/web/core';",
  ],
  [
    'a domain lib imports another domain’s entities',
    'libs/api/households/src/fixture.ts',
    "import { UserEntity as value } from '@foyer/api/accounts/entities';",
  ],
  [
    'a domain lib imports entities through the app-only entry',
    'libs/api/notifications/src/fixture.ts',
    "import { householdsEntities as value } from '@foyer/api/households/entities';",
  ],
  [
    'contracts import @angular/core',
    'libs/shared/contracts/src/lib/fixture.ts',
    "import { signal as value } from '@angular/core';",
  ],
  [
    'contracts import @nestjs/common',
    'libs/shared/contracts/src/lib/fixture.ts',
    "import { Injectable as value } from '@nestjs/common';",
  ],
  [
    'shared/domain imports typeorm',
    'libs/shared/domain/src/lib/fixture.ts',
    "import { DataSource as value } from 'typeorm';",
  ],
  [
    'a domain lib reaches into another by a relative path',
    'libs/api/households/src/fixture.ts',
    "import { AccountsService as value } from '../../accounts/src/accounts.service';",
  ],
];

const allowed: Case[] = [
  [
    'the API app assembles every domain’s entities',
    'apps/api/src/fixture.ts',
    "import { accountsEntities as value } from '@foyer/api/accounts/entities';",
  ],
  [
    'a domain lib calls another domain’s service',
    'libs/api/households/src/fixture.ts',
    "import { CityService as value } from '@foyer/api/city';",
  ],
  [
    'a domain lib uses api/core',
    'libs/api/households/src/fixture.ts',
    "import { Clock as value } from '@foyer/api/core';",
  ],
  [
    'api/core uses shared/domain',
    'libs/api/core/src/fixture.ts',
    "import { foldText as value } from '@foyer/shared/domain';",
  ],
  [
    'a web lib uses web/core',
    'libs/web/households/src/lib/fixture.ts',
    "import { PhoneFrPipe as value } from '@foyer/web/core';",
  ],
  [
    'the web app uses contracts',
    'apps/web/src/app/fixture.ts',
    "import { Permission as value } from '@foyer/shared/contracts';",
  ],
];

/** The boundary problems ESLint finds in each snippet, linted as a file at its path (one process). */
function lint(cases: Case[]): string[][] {
  const run = spawnSync(process.execPath, ['tools/lint/lint-snippets.mjs'], {
    input: JSON.stringify(
      cases.map(([, filePath, code]) => ({ filePath, code: `${code}\nexport const used = value;\n` })),
    ),
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return (JSON.parse(run.stdout) as { ruleId: string | null; message: string }[][]).map((messages) =>
    messages
      .filter((m) => m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports')
      .map((m) => `${m.ruleId}: ${m.message}`),
  );
}

describe('module boundaries (npm run lint)', () => {
  let problems: string[][];

  beforeAll(() => {
    problems = lint([...refused, ...allowed]);
  }, 120_000);

  it.each(refused.map(([what], i) => [what, i] as const))('refuses: %s', (_what, i) => {
    expect(problems[i]).not.toEqual([]);
  });

  it.each(allowed.map(([what], i) => [what, refused.length + i] as const))('allows: %s', (_what, i) => {
    expect(problems[i]).toEqual([]);
  });
});
