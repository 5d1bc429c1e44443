import type { PricingBracket, PricingRules } from './pricing';

/**
 * Published tariff grids (the shape of tariff-grids.json, euros) turned into pricing rules (cents,
 * whole-euro QF brackets, lower bound included, upper bound excluded).
 */
export interface GridBracketRow {
  tranche?: number | string;
  tarif?: number;
  qf_min: number | null;
  qf_max?: number | null;
  qf_max_inclusive?: number | null;
  verified?: boolean | string;
  [column: string]: unknown;
}

export interface PublishedGrid {
  id: string;
  method: string;
  residents?: GridBracketRow[];
  non_residents?: GridBracketRow[];
  brackets?: GridBracketRow[];
  surcharges?: { rule: string; amount: number | number[] }[];
  rate?: number;
  floor?: number;
  ceiling?: number;
  pai_meal_family_provided?: number;
}

const cents = (euros: number) => Math.round(euros * 100);

/**
 * Brackets of one column of a grid. Bounds written 600.01 (Val-de-Marne: "600,01 à 840 €") mean the
 * first whole euro above 600, so [601, 841) once the QF is whole euros; an inclusive maximum M becomes
 * the excluded bound M + 1. Rows without a price (unverified) or outside the QF scale (RSA) are left out.
 */
export function gridBrackets(rows: GridBracketRow[], column: string, paiColumn?: string): PricingBracket[] {
  const usable = rows.filter(
    (r) => typeof r[column] === 'number' && r.qf_min !== null && r.verified !== false,
  );
  const lower = (r: GridBracketRow) =>
    Number.isInteger(r.qf_min) ? (r.qf_min as number) : Math.floor(r.qf_min as number) + 1;
  return usable.map((row, i) => {
    const next = usable[i + 1];
    return {
      label: String(row.tranche ?? row.tarif),
      qfMin: i === 0 ? 0 : lower(row),
      qfMax: next ? lower(next) : null,
      unitCents: cents(row[column] as number),
      paiCents: paiColumn && typeof row[paiColumn] === 'number' ? cents(row[paiColumn] as number) : null,
    };
  });
}

/** Rules for one column of a grid (e.g. "meal" of roncq-2025-2026), with its PAI column and non-resident rate. */
export function gridRules(grid: PublishedGrid, column = 'meal', paiColumn?: string): PricingRules {
  if (grid.method === 'taux_effort') {
    return {
      method: 'effort_rate',
      effortRate: {
        rateTenThousandths: Math.round((grid.rate ?? 0) * 10000),
        floorCents: cents(grid.floor ?? 0),
        ceilingCents: cents(grid.ceiling ?? 0),
      },
      paiCents: grid.pai_meal_family_provided != null ? cents(grid.pai_meal_family_provided) : null,
    };
  }
  const rows = (grid.residents ?? grid.brackets ?? []).filter((r) => r.tranche !== 'RSA');
  const nonResident = grid.non_residents?.find((r) => typeof r[column] === 'number');
  const surcharge = grid.surcharges?.find((s) => typeof s.amount === 'number');
  return {
    method: 'brackets',
    brackets: gridBrackets(rows, column, paiColumn),
    nonResidentCents: nonResident ? cents(nonResident[column] as number) : null,
    lateSurcharge: surcharge ? { mode: 'fixed', value: cents(surcharge.amount as number) } : null,
  };
}
