import { DataSource, EntityManager } from 'typeorm';
import { INVOICE_DUE_DAYS } from '@foyer/shared/contracts';
import {
  addDays,
  buildLines,
  DayToPrice,
  gridRules,
  isoWeekday,
  PricingRules,
  PublishedGrid,
} from '@foyer/shared/domain';
import type { IsoDate } from '@foyer/shared/domain';
import grids from './tariff-grids.json';
import { invoiceNumber, nextNumber } from '../numbering';

/** The grid the demo city bills with: Roncq 2025-2026, the one complete grid of the reference. */
export const DEMO_GRID_ID = 'roncq-2025-2026';

/**
 * Which column of the grid prices which kind of activity: meals (with the PAI column), the
 * périscolaire price for morning and evening care, and the "AMIS" period package for a day at the
 * leisure centre (the source does not explain it: a demo choice, see docs/billing.md).
 */
const COLUMNS: Record<string, { column: string; pai?: string; unit: { one: string; many: string } }> = {
  canteen: { column: 'meal', pai: 'pai_meal', unit: { one: 'repas', many: 'repas' } },
  morning_care: { column: 'periscolaire_half_hour', unit: { one: 'accueil', many: 'accueils' } },
  evening_care: { column: 'periscolaire_half_hour', unit: { one: 'accueil', many: 'accueils' } },
  wednesday_centre: { column: 'amis_forfait_periode', unit: { one: 'journée', many: 'journées' } },
  holiday_centre: { column: 'amis_forfait_periode', unit: { one: 'journée', many: 'journées' } },
};

export function demoRules(kind: string): { rules: PricingRules; unit: { one: string; many: string } } {
  const grid = (grids as { grids: PublishedGrid[] }).grids.find(
    (g) => g.id === DEMO_GRID_ID,
  ) as PublishedGrid;
  const spec = COLUMNS[kind] ?? COLUMNS['canteen'];
  const rules = gridRules(grid, spec.column, spec.pai);
  // Presence without booking: a 5,00 € penalty (Caumont-sur-Durance charges 5,05 €; domain-notes §3).
  return { rules: { ...rules, unbookedPenalty: { mode: 'fixed', value: 500 } }, unit: spec.unit };
}

function firstWorkingDay(date: IsoDate): IsoDate {
  let d = date;
  while (isoWeekday(d) > 5) d = addDays(d, 1);
  return d;
}

function monthOf(date: IsoDate, offset: number): string {
  const [y, m] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function classDays(period: string): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = `${period}-01`; d.startsWith(period); d = addDays(d, 1)) {
    if ([1, 2, 4, 5].includes(isoWeekday(d))) days.push(d);
  }
  return days;
}

/**
 * The demo billing: a tariff from the real grid for every activity, and for the demo family the
 * invoice of last month (issued, unpaid, with a late surcharge and a justified absence among its
 * lines) and of the month before (paid online). Upserts on natural keys (a tariff per activity and
 * start date, a run per month): seeding twice changes nothing.
 */
export async function seedBilling(dataSource: DataSource, options: { today: IsoDate }): Promise<void> {
  const [{ exists }] = await dataSource.query(
    `SELECT to_regclass('public.activities') IS NOT NULL AS exists`,
  );
  if (!exists) return;
  await dataSource.transaction(async (m) => {
    const activities: { id: string; kind: string; name: string }[] = await m.query(
      `SELECT id, kind, name FROM activities ORDER BY code`,
    );
    for (const a of activities) {
      const { rules, unit } = demoRules(a.kind);
      const { method, ...rest } = rules;
      await m.query(
        `INSERT INTO tariffs (activity_id, valid_from, valid_to, method, rules, unit_one, unit_many)
         SELECT $1, $2, NULL, $3, $4::jsonb, $5, $6
          WHERE NOT EXISTS (SELECT 1 FROM tariffs WHERE activity_id = $1 AND valid_from = $2)`,
        [a.id, '2025-09-01', method, JSON.stringify(rest), unit.one, unit.many],
      );
    }
    const family: {
      household_id: string;
      child_id: string;
      first_name: string;
      last_name: string;
      diet: string;
    }[] = await m.query(
      `SELECT c.household_id, c.id AS child_id, c.first_name, c.last_name, c.diet FROM children c
           JOIN household_guardians g ON g.household_id = c.household_id
           JOIN users u ON u.id = g.user_id
          WHERE lower(u.email) = 'parent@demo.test' ORDER BY c.birth_date`,
    );
    const canteen = activities.find((a) => a.kind === 'canteen');
    const evening = activities.find((a) => a.kind === 'evening_care');
    if (family.length === 0 || !canteen || !evening) return;
    await demoInvoice(m, monthOf(options.today, -2), family, canteen, evening, true);
    await demoInvoice(m, monthOf(options.today, -1), family, canteen, evening, false);
  });
}

async function demoInvoice(
  m: EntityManager,
  period: string,
  family: { household_id: string; child_id: string; first_name: string; last_name: string; diet: string }[],
  canteen: { id: string; kind: string; name: string },
  evening: { id: string; kind: string; name: string },
  paid: boolean,
): Promise<void> {
  const existing: unknown[] = await m.query(`SELECT 1 FROM billing_runs WHERE period = $1`, [period]);
  if (existing.length > 0) return;
  const householdId = family[0].household_id;
  const quotient: { value: number }[] = await m.query(
    `SELECT value FROM quotients WHERE household_id = $1 AND status = 'validated' ORDER BY effective_from DESC LIMIT 1`,
    [householdId],
  );
  const qf = quotient[0]?.value ?? null;
  const days = classDays(period);
  const [lea, hugo] = family;
  const lines: {
    childId: string;
    childName: string;
    activity: typeof canteen;
    line: ReturnType<typeof buildLines>[number];
  }[] = [];
  const price = (
    activity: typeof canteen,
    child: (typeof family)[number],
    list: DayToPrice[],
    rank: number,
  ) => {
    const { rules, unit } = demoRules(activity.kind);
    for (const line of buildLines(
      rules,
      unit,
      list.map((d) => ({ ...d, siblingRank: rank })),
    )) {
      lines.push({
        childId: child.child_id,
        childName: `${child.first_name} ${child.last_name}`,
        activity,
        line,
      });
    }
  };
  const base = { qf, resident: true, pai: false, siblingRank: 1, late: false };
  // Léa at the canteen every class day: one day booked late, one justified absence (illness).
  price(
    canteen,
    lea,
    days.map((date, i) => ({
      ...base,
      date,
      kind: i === 5 ? ('justified_absence' as const) : ('attended' as const),
      late: i === 2 && !paid,
    })),
    1,
  );
  // Hugo at the evening care on Tuesdays and Thursdays.
  if (hugo) {
    price(
      evening,
      hugo,
      days
        .filter((d) => [2, 4].includes(isoWeekday(d)))
        .map((date) => ({ ...base, date, kind: 'attended' as const })),
      1,
    );
  }
  const total = lines.reduce((t, l) => t + l.line.amountCents, 0);
  const nextMonth = monthOf(`${period}-01`, 1);
  const issueDate = firstWorkingDay(`${nextMonth}-01`);
  const issuedAt = new Date(`${issueDate}T09:00:00+01:00`);
  const year = Number(issueDate.slice(0, 4));
  const run: { id: string }[] = await m.query(
    `INSERT INTO billing_runs (period, status, household_count, total_cents, computed_at, finalized_at)
     VALUES ($1, 'finalized', 1, $2, $3, $3) RETURNING id`,
    [period, total, issuedAt],
  );
  const sequence = await nextNumber(m, `F-${year}`);
  const labels: { label: string }[] = await m.query(
    `SELECT string_agg(u.first_name || ' ' || u.last_name, ' et ' ORDER BY g.rank) AS label
       FROM household_guardians g JOIN users u ON u.id = g.user_id WHERE g.household_id = $1`,
    [householdId],
  );
  const invoice: { id: string }[] = await m.query(
    `INSERT INTO invoices (number, year, sequence, household_id, run_id, period, issue_date, due_date, issued_at,
                           total_cents, credit_applied_cents, addressee)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11) RETURNING id`,
    [
      invoiceNumber(year, sequence),
      year,
      sequence,
      householdId,
      run[0].id,
      period,
      issueDate,
      addDays(issueDate, INVOICE_DUE_DAYS),
      issuedAt,
      total,
      labels[0]?.label ?? '',
    ],
  );
  let position = 1;
  for (const { childId, childName, activity, line } of lines) {
    const explanation = {
      rule: line.rule,
      method: line.method,
      qf: line.qf,
      bracket: line.bracket,
      bound: line.bound,
      nonResident: line.nonResident,
      pai: line.pai,
      siblingRank: line.siblingRank,
      siblingPercent: line.siblingPercent,
      dates: line.dates,
      text: line.text,
    };
    const values = [
      childId,
      childName,
      activity.id,
      activity.name,
      line.quantity,
      line.unitCents,
      line.amountCents,
    ];
    await m.query(
      `INSERT INTO billing_run_lines (run_id, household_id, position, child_id, child_name, activity_id, activity_label,
                                      quantity, unit_cents, amount_cents, explanation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)`,
      [run[0].id, householdId, position, ...values, JSON.stringify(explanation)],
    );
    await m.query(
      `INSERT INTO invoice_lines (invoice_id, position, child_id, child_name, activity_id, activity_label,
                                  quantity, unit_cents, amount_cents, explanation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)`,
      [invoice[0].id, position, ...values, JSON.stringify(explanation)],
    );
    position++;
  }
  if (paid) {
    const settled = new Date(`${addDays(issueDate, 6)}T19:12:00+01:00`);
    await m.query(
      `INSERT INTO payments (invoice_id, household_id, provider, state, amount_cents, provider_ref, provider_details, created_at, updated_at, settled_at)
       VALUES ($1, $2, 'sandbox', 'paid', $3, $4, '{"bank":"paid"}'::jsonb, $5, $5, $5)`,
      [invoice[0].id, householdId, total, `sbx-demo-${period}`, settled],
    );
  }
}
