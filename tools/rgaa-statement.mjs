#!/usr/bin/env node
// Reads the RGAA 4.1 self-audit (docs/accessibility/rgaa-audit.md) and writes what the accessibility
// statement page shows (libs/web/core/src/lib/pages/rgaa-audit.generated.ts): the counts, the
// conformity rate as RGAA computes it, the level, the unmet criteria and the pages of the sample.
//
//   node tools/rgaa-statement.mjs           writes the generated file
//   node tools/rgaa-statement.mjs --check   exits 1 when the generated file is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const AUDIT_PATH = join(root, 'docs/accessibility/rgaa-audit.md');
export const GENERATED_PATH = join(root, 'libs/web/core/src/lib/pages/rgaa-audit.generated.ts');

/** RGAA 4.1 has 106 criteria in 13 themes; this many per theme. */
export const CRITERIA_PER_THEME = [9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12];

const STATUSES = { C: 'conforming', NC: 'nonConforming', NA: 'notApplicable' };

/** `[text](#anchor)` → `text`: the published titles link to the glossary. */
function plainTitle(title) {
  return title
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function cells(line) {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

/**
 * The audit as data. Throws, naming the line, on anything it cannot read: a criterion twice or
 * missing, a status other than C / NC / NA, a theme with the wrong number of criteria, no date.
 */
export function parseAudit(markdown) {
  const lines = markdown.split('\n');
  let auditDate = null;
  let section = null;
  let theme = null;
  const themes = [];
  const criteria = [];
  const sample = [];
  lines.forEach((line, index) => {
    const where = `line ${index + 1}`;
    const date = /^Date de l[’']audit\s*:\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(line);
    if (date) auditDate = date[1];
    const heading = /^##\s+(.*)$/.exec(line);
    if (heading) {
      const themeHeading = /^Thème\s+(\d+)\s*:\s*(.+)$/.exec(heading[1]);
      section = themeHeading ? 'theme' : /^Échantillon/.test(heading[1]) ? 'sample' : null;
      if (themeHeading) {
        theme = { number: Number(themeHeading[1]), name: themeHeading[2].trim() };
        themes.push(theme);
      }
      return;
    }
    if (!line.trim().startsWith('|') || /^\|\s*-/.test(line.trim())) return;
    const row = cells(line);
    if (section === 'sample') {
      if (row[0] === 'Page') return;
      const path = row[1]?.replace(/`/g, '');
      if (!row[0] || !path?.startsWith('/'))
        throw new Error(`${where}: a sample row is « | Page | /path | »`);
      sample.push({ name: row[0], path });
      return;
    }
    if (section !== 'theme' || row[0] === 'Critère') return;
    const [number, title, status, evidence] = row;
    if (!/^\d+\.\d+$/.test(number ?? ''))
      throw new Error(`${where}: « ${number} » is not a criterion number`);
    if (!number.startsWith(`${theme.number}.`))
      throw new Error(`${where}: criterion ${number} is under theme ${theme.number}`);
    if (!(status in STATUSES)) throw new Error(`${where}: status of ${number} must be C, NC or NA`);
    if (!evidence) throw new Error(`${where}: criterion ${number} has no evidence`);
    if (criteria.some((criterion) => criterion.number === number))
      throw new Error(`${where}: criterion ${number} appears twice`);
    criteria.push({ number, title: plainTitle(title), status, evidence, theme: theme.name });
  });
  if (!auditDate) throw new Error("no « Date de l'audit : YYYY-MM-DD » line");
  CRITERIA_PER_THEME.forEach((count, index) => {
    for (let n = 1; n <= count; n++) {
      if (!criteria.some((criterion) => criterion.number === `${index + 1}.${n}`))
        throw new Error(`criterion ${index + 1}.${n} is missing`);
    }
  });
  if (criteria.length !== 106) throw new Error(`${criteria.length} criteria, RGAA 4.1 has 106`);
  return { auditDate, themes, criteria, sample };
}

/** « totalement conforme » at 100 %, « partiellement conforme » from 50 %, else « non conforme ». */
export function conformityLevel(rate) {
  if (rate >= 100) return 'total';
  if (rate >= 50) return 'partial';
  return 'none';
}

/**
 * RGAA's rate: conforming criteria over applicable ones (conforming + non-conforming), in percent
 * with two decimals; the not-applicable ones do not count.
 */
export function summarise(audit) {
  const count = (status) => audit.criteria.filter((criterion) => criterion.status === status).length;
  const conforming = count('C');
  const nonConforming = count('NC');
  const notApplicable = count('NA');
  const applicable = conforming + nonConforming;
  const rate = applicable === 0 ? 100 : Math.floor((conforming / applicable) * 10000) / 100;
  return {
    auditDate: audit.auditDate,
    total: audit.criteria.length,
    conforming,
    nonConforming,
    notApplicable,
    rate,
    level: conformityLevel(rate),
    unmet: audit.criteria
      .filter((criterion) => criterion.status === 'NC')
      .map(({ number, title, theme }) => ({ number, title, theme })),
    sample: audit.sample,
  };
}

export function renderGenerated(summary) {
  return `// Generated by tools/rgaa-statement.mjs from docs/accessibility/rgaa-audit.md: do not edit.
// Run \`node tools/rgaa-statement.mjs\` after changing the audit; a unit test fails while this is stale.

/** « totalement conforme » (100 %), « partiellement conforme » (from 50 %), « non conforme ». */
export type RgaaConformityLevel = 'total' | 'partial' | 'none';

export interface RgaaAuditSummary {
  /** The day the audit was last brought up to date (YYYY-MM-DD). */
  auditDate: string;
  total: number;
  conforming: number;
  nonConforming: number;
  notApplicable: number;
  /** conforming / (conforming + nonConforming), in percent, two decimals. */
  rate: number;
  level: RgaaConformityLevel;
  /** The unmet criteria, with their published French titles. */
  unmet: { number: string; title: string; theme: string }[];
  /** The pages audited (French names). */
  sample: { name: string; path: string }[];
}

export const RGAA_AUDIT: RgaaAuditSummary = ${JSON.stringify(summary, null, 2)};
`;
}

function main() {
  const summary = summarise(parseAudit(readFileSync(AUDIT_PATH, 'utf8')));
  const text = renderGenerated(summary);
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(GENERATED_PATH, 'utf8');
    } catch {
      // missing: out of date
    }
    if (current !== text) {
      console.error(`${GENERATED_PATH} is out of date: run node tools/rgaa-statement.mjs`);
      process.exit(1);
    }
    console.log(JSON.stringify({ total: summary.total, rate: summary.rate, level: summary.level }));
    return;
  }
  writeFileSync(GENERATED_PATH, text);
  console.log(
    `RGAA 4.1: ${summary.conforming} C, ${summary.nonConforming} NC, ${summary.notApplicable} NA, ` +
      `rate ${summary.rate} % (${summary.level})`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
