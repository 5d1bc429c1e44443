import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RGAA_AUDIT } from '../libs/web/core/src/lib/pages/rgaa-audit.generated';

const root = join(__dirname, '..');
const tool = join(root, 'tools/rgaa-statement.mjs');

/** Runs one of the tool's exported functions in Node (the tool is an ES module) and returns its result. */
function call(fn: string, ...args: unknown[]): unknown {
  const script = `import * as tool from ${JSON.stringify(tool)};
    try { console.log(JSON.stringify({ ok: tool.${fn}(...${JSON.stringify(args)}) })); }
    catch (error) { console.log(JSON.stringify({ error: error.message })); }`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(output);
}

/** A complete audit: every criterion C, except those given. */
function audit(statuses: Record<string, string> = {}, drop: string[] = []): string {
  const perTheme = [9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12];
  const lines = [
    "Date de l'audit : 2027-01-14",
    '',
    '## Échantillon',
    '',
    '| Page | Address |',
    '| --- | --- |',
  ];
  lines.push('| Accueil | `/` |');
  perTheme.forEach((count, index) => {
    lines.push(
      '',
      `## Thème ${index + 1} : Thème`,
      '',
      '| Critère | Intitulé | Statut | Evidence |',
      '| --- | --- | --- | --- |',
    );
    for (let n = 1; n <= count; n++) {
      const number = `${index + 1}.${n}`;
      if (drop.includes(number)) continue;
      lines.push(`| ${number} | Chaque [image](#image) ? | ${statuses[number] ?? 'C'} | a test |`);
    }
  });
  return lines.join('\n');
}

describe('RGAA statement generator (tools/rgaa-statement.mjs)', () => {
  it('keeps the generated file in step with docs/accessibility/rgaa-audit.md', () => {
    const run = spawnSync(process.execPath, [tool, '--check'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('audits the 106 criteria of RGAA 4.1, each C, NC or NA, and lists every NC one', () => {
    expect(RGAA_AUDIT.total).toBe(106);
    expect(RGAA_AUDIT.conforming + RGAA_AUDIT.nonConforming + RGAA_AUDIT.notApplicable).toBe(106);
    expect(RGAA_AUDIT.unmet).toHaveLength(RGAA_AUDIT.nonConforming);
    const markdown = readFileSync(join(root, 'docs/accessibility/rgaa-audit.md'), 'utf8');
    expect(markdown.match(/^\| \d+\.\d+ \|/gm)).toHaveLength(106);
  });

  it('computes the rate over applicable criteria only, as RGAA does', () => {
    const result = call(
      'summarise',
      (call('parseAudit', audit({ '1.1': 'NC', '1.2': 'NA', '2.1': 'NA' })) as { ok: unknown }).ok,
    );
    const summary = (result as { ok: { conforming: number; rate: number; level: string; unmet: unknown[] } })
      .ok;
    expect(summary.conforming).toBe(103);
    // 103 / (103 + 1), truncated to two decimals
    expect(summary.rate).toBe(99.03);
    expect(summary.level).toBe('partial');
    expect(summary.unmet).toEqual([{ number: '1.1', title: 'Chaque image ?', theme: 'Thème' }]);
  });

  it('says « totalement conforme » at 100 %, « partiellement » from 50 %, « non conforme » below', () => {
    expect(call('conformityLevel', 100)).toEqual({ ok: 'total' });
    expect(call('conformityLevel', 99.99)).toEqual({ ok: 'partial' });
    expect(call('conformityLevel', 50)).toEqual({ ok: 'partial' });
    expect(call('conformityLevel', 49.99)).toEqual({ ok: 'none' });
  });

  it('refuses an audit with a missing criterion, a criterion twice or an unknown status', () => {
    expect(call('parseAudit', audit({}, ['13.12']))).toEqual({ error: 'criterion 13.12 is missing' });
    expect(call('parseAudit', audit({ '3.2': 'OK' }))).toEqual({
      error: expect.stringMatching(/status of 3\.2 must be C, NC or NA/),
    });
    const twice = audit().replace('| 2.2 |', '| 2.1 |');
    expect(call('parseAudit', twice)).toEqual({
      error: expect.stringMatching(/criterion 2\.1 appears twice/),
    });
  });
});
