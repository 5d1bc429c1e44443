import { Cents, formatEuros } from './money';
import type { IsoDate } from './paris-dates';

/**
 * Pricing of childcare days: a tariff's rules turn a quotient familial (QF, whole euros per month)
 * and what happened on a day into a unit price, and the days of a month into lines that explain
 * themselves (« 12 repas x 2,35 € (tranche 3, QF 712 €) »). Pure: the API bills with it, the calendar
 * shows the price of a day and of a late change with it.
 *
 * ROUNDING, stated once: every computed unit price (effort rate, sibling reduction, percentage
 * surcharge) is rounded to the nearest cent, halves away from zero, at the moment it is computed;
 * a line's amount is then exactly quantity × unit price, and totals are exact sums of lines. So the
 * invoice's printed lines always add up to its total.
 */

export type PricingMethod = 'brackets' | 'effort_rate' | 'flat';

export interface PricingBracket {
  label: string;
  /** Included. */
  qfMin: number;
  /** Excluded; null: open-ended. */
  qfMax: number | null;
  unitCents: Cents;
  paiCents?: Cents | null;
}

export interface PricingSurcharge {
  mode: 'fixed' | 'percent';
  value: number;
}

export interface PricingRules {
  method: PricingMethod;
  brackets?: PricingBracket[] | null;
  effortRate?: { rateTenThousandths: number; floorCents: Cents; ceilingCents: Cents } | null;
  flatCents?: Cents | null;
  nonResidentCents?: Cents | null;
  paiCents?: Cents | null;
  siblingReduction?: { fromRank: number; percent: number } | null;
  lateSurcharge?: PricingSurcharge | null;
  unbookedPenalty?: PricingSurcharge | null;
}

export interface UnitLabel {
  one: string;
  many: string;
}

/** Integer division rounded to the nearest integer, halves away from zero. */
export function divideRounded(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`integers expected, got ${numerator} / ${denominator}`);
  }
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const q = Math.floor(abs / denominator);
  const r = abs - q * denominator;
  return sign * (2 * r >= denominator ? q + 1 : q);
}

/** `percent` % of an amount in cents, rounded to the cent (halves away from zero). */
export function percentOf(cents: Cents, percent: number): Cents {
  // Percentages may carry two decimals (12.5 %): work in hundredths of a percent.
  return divideRounded(cents * Math.round(percent * 100), 10000);
}

/** Problems that make a tariff unusable, in French, for the agent who types it. Empty: valid. */
export function tariffRulesProblems(rules: PricingRules): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const isCents = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  if (rules.method === 'brackets') {
    const brackets = rules.brackets ?? [];
    if (brackets.length === 0) {
      problems.push({ field: 'brackets', message: 'Indiquez au moins une tranche.' });
    }
    brackets.forEach((b, i) => {
      if (i === 0 && b.qfMin !== 0) {
        problems.push({ field: 'brackets', message: 'La première tranche doit commencer à un QF de 0 €.' });
      }
      if (i > 0 && brackets[i - 1].qfMax !== b.qfMin) {
        problems.push({
          field: 'brackets',
          message: `La tranche ${b.label} doit commencer où finit la précédente (${brackets[i - 1].qfMax ?? '∞'} €).`,
        });
      }
      if (b.qfMax !== null && b.qfMax <= b.qfMin) {
        problems.push({ field: 'brackets', message: `La tranche ${b.label} finit avant de commencer.` });
      }
      if (i < brackets.length - 1 && b.qfMax === null) {
        problems.push({ field: 'brackets', message: 'Seule la dernière tranche peut être sans plafond.' });
      }
      if (i === brackets.length - 1 && b.qfMax !== null) {
        problems.push({ field: 'brackets', message: 'La dernière tranche doit être sans plafond.' });
      }
      if (!isCents(b.unitCents) || (b.paiCents != null && !isCents(b.paiCents))) {
        problems.push({ field: 'brackets', message: `Le prix de la tranche ${b.label} est invalide.` });
      }
    });
  } else if (rules.method === 'effort_rate') {
    const e = rules.effortRate;
    if (!e)
      problems.push({
        field: 'effortRate',
        message: 'Indiquez le taux d’effort, le plancher et le plafond.',
      });
    else if (e.floorCents > e.ceilingCents) {
      problems.push({ field: 'effortRate', message: 'Le plancher doit être inférieur ou égal au plafond.' });
    }
  } else if (rules.method === 'flat') {
    if (rules.flatCents == null) problems.push({ field: 'flatCents', message: 'Indiquez le prix unique.' });
  }
  const r = rules.siblingReduction;
  if (r && (r.fromRank < 2 || r.percent <= 0 || r.percent > 100)) {
    problems.push({
      field: 'siblingReduction',
      message: 'La réduction fratrie s’applique à partir du 2e enfant, entre 1 et 100 %.',
    });
  }
  for (const [field, s] of [
    ['lateSurcharge', rules.lateSurcharge],
    ['unbookedPenalty', rules.unbookedPenalty],
  ] as const) {
    if (s && s.mode === 'percent' && (s.value <= 0 || s.value > 1000)) {
      problems.push({ field, message: 'Le pourcentage de majoration doit être entre 1 et 1000 %.' });
    }
  }
  return problems;
}

export interface PriceContext {
  /** The validated QF on that day; null when none (then the highest bracket, or the ceiling). */
  qf: number | null;
  /** Lives in the commune. */
  resident: boolean;
  /** Has a PAI and the family brings the meal. */
  pai: boolean;
  /** Rank among the household's children billed for this activity, eldest first (1 = eldest). */
  siblingRank: number;
}

export interface UnitPrice {
  unitCents: Cents;
  method: PricingMethod;
  qf: number | null;
  bracket: string | null;
  bound: 'floor' | 'ceiling' | null;
  nonResident: boolean;
  pai: boolean;
  siblingRank: number | null;
  siblingPercent: number | null;
}

function bracketFor(brackets: PricingBracket[], qf: number | null): PricingBracket {
  if (brackets.length === 0) throw new RangeError('a brackets tariff needs brackets');
  if (qf === null) return brackets[brackets.length - 1];
  return (
    brackets.find((b) => qf >= b.qfMin && (b.qfMax === null || qf < b.qfMax)) ?? brackets[brackets.length - 1]
  );
}

/** The unit price of one day for one child, before any surcharge. */
export function unitPrice(rules: PricingRules, ctx: PriceContext): UnitPrice {
  let unitCents: Cents;
  let bracket: string | null = null;
  let bound: 'floor' | 'ceiling' | null = null;
  let paiCents: Cents | null | undefined = rules.paiCents;
  const nonResident = !ctx.resident && rules.nonResidentCents != null;
  if (nonResident) {
    unitCents = rules.nonResidentCents as Cents;
  } else if (rules.method === 'brackets') {
    const b = bracketFor(rules.brackets ?? [], ctx.qf);
    unitCents = b.unitCents;
    bracket = b.label;
    if (b.paiCents != null) paiCents = b.paiCents;
  } else if (rules.method === 'effort_rate') {
    const e = rules.effortRate;
    if (!e) throw new RangeError('an effort-rate tariff needs its rate');
    if (ctx.qf === null) {
      unitCents = e.ceilingCents;
      bound = 'ceiling';
    } else {
      // QF in euros × rate in ten-thousandths → cents: qf × 100 × rate / 10 000.
      const raw = divideRounded(ctx.qf * e.rateTenThousandths, 100);
      unitCents = Math.min(e.ceilingCents, Math.max(e.floorCents, raw));
      bound = raw < e.floorCents ? 'floor' : raw > e.ceilingCents ? 'ceiling' : null;
    }
  } else {
    if (rules.flatCents == null) throw new RangeError('a flat tariff needs its price');
    unitCents = rules.flatCents;
  }
  const pai = ctx.pai && paiCents != null;
  if (pai) unitCents = paiCents as Cents;
  let siblingPercent: number | null = null;
  const reduction = rules.siblingReduction;
  if (reduction && ctx.siblingRank >= reduction.fromRank) {
    siblingPercent = reduction.percent;
    // The reduced price is the computed price, rounded once (2,35 € − 50 % = 1,175 € → 1,18 €).
    unitCents = divideRounded(unitCents * (10000 - Math.round(reduction.percent * 100)), 10000);
  }
  return {
    unitCents,
    method: rules.method,
    qf: ctx.qf,
    bracket,
    bound,
    nonResident,
    pai,
    siblingRank: siblingPercent === null ? null : ctx.siblingRank,
    siblingPercent,
  };
}

/** The amount a surcharge adds to a unit price. */
export function surchargeCents(surcharge: PricingSurcharge | null | undefined, unitCents: Cents): Cents {
  if (!surcharge) return 0;
  return surcharge.mode === 'fixed' ? surcharge.value : percentOf(unitCents, surcharge.value);
}

export type PricedDayKind =
  'attended' | 'unjustified_absence' | 'justified_absence' | 'closure' | 'present_unbooked';

export interface DayToPrice extends PriceContext {
  date: IsoDate;
  kind: PricedDayKind;
  /** Booked (or changed) after the deadline. */
  late: boolean;
}

export interface PricedDay {
  date: IsoDate;
  kind: PricedDayKind;
  unit: UnitPrice;
  /** What the day itself costs: the unit price, or 0 for a justified absence or a closure. */
  chargeCents: Cents;
  lateSurchargeCents: Cents;
  unbookedPenaltyCents: Cents;
}

/**
 * One day: attended and unjustified absence cost the full price; a justified absence and a closure
 * cost nothing; presence without booking costs the price plus the penalty; a late booking adds the
 * late surcharge (not on a day that is not billed).
 */
export function priceDay(rules: PricingRules, day: DayToPrice): PricedDay {
  const unit = unitPrice(rules, day);
  const billed =
    day.kind === 'attended' || day.kind === 'unjustified_absence' || day.kind === 'present_unbooked';
  return {
    date: day.date,
    kind: day.kind,
    unit,
    chargeCents: billed ? unit.unitCents : 0,
    lateSurchargeCents:
      billed && day.late && day.kind !== 'present_unbooked'
        ? surchargeCents(rules.lateSurcharge, unit.unitCents)
        : 0,
    unbookedPenaltyCents:
      day.kind === 'present_unbooked' ? surchargeCents(rules.unbookedPenalty, unit.unitCents) : 0,
  };
}

/** What the calendar shows before the parent confirms: the day's price and what a late change adds. */
export function previewDay(
  rules: PricingRules,
  ctx: PriceContext,
): { unitCents: Cents; lateSurchargeCents: Cents } {
  const unit = unitPrice(rules, ctx);
  return {
    unitCents: unit.unitCents,
    lateSurchargeCents: surchargeCents(rules.lateSurcharge, unit.unitCents),
  };
}

export type PricedLineRule =
  'tariff' | 'unjustified_absence' | 'justified_absence' | 'closure' | 'late_surcharge' | 'unbooked_penalty';

export interface PricedLine {
  rule: PricedLineRule;
  quantity: number;
  unitCents: Cents;
  amountCents: Cents;
  method: PricingMethod | null;
  qf: number | null;
  bracket: string | null;
  bound: 'floor' | 'ceiling' | null;
  nonResident: boolean;
  pai: boolean;
  siblingRank: number | null;
  siblingPercent: number | null;
  dates: IsoDate[];
  text: string;
}

/** « 14/01 » */
export function shortDayFr(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}`;
}

function datesFr(dates: IsoDate[]): string {
  return `${dates.length > 1 ? 'les' : 'le'} ${dates.map(shortDayFr).join(', ')}`;
}

function ordinalFr(rank: number): string {
  return rank === 1 ? '1er' : `${rank}e`;
}

/** « tranche 3, QF 712 € », « taux d’effort 0,36 % du QF 712 €, plancher », « tarif hors commune »… */
export function describeUnit(unit: UnitPrice): string {
  const parts: string[] = [];
  const qfText = unit.qf === null ? 'sans quotient familial validé' : `QF ${unit.qf} €`;
  if (unit.nonResident) {
    parts.push('tarif hors commune');
  } else if (unit.method === 'brackets') {
    parts.push(
      unit.qf === null
        ? `tranche ${unit.bracket}, la plus haute ${qfText}`
        : `tranche ${unit.bracket}, ${qfText}`,
    );
  } else if (unit.method === 'effort_rate') {
    if (unit.qf === null) parts.push(`plafond, ${qfText}`);
    else
      parts.push(
        `taux d’effort du ${qfText}${unit.bound === 'floor' ? ', plancher' : unit.bound === 'ceiling' ? ', plafond' : ''}`,
      );
  } else {
    parts.push('tarif unique');
  }
  if (unit.pai) parts.push('PAI, repas fourni par la famille');
  if (unit.siblingPercent !== null && unit.siblingRank !== null) {
    parts.push(`réduction fratrie ${unit.siblingPercent} % (${ordinalFr(unit.siblingRank)} enfant)`);
  }
  return parts.join(', ');
}

function count(n: number, label: UnitLabel): string {
  return `${n} ${n > 1 ? label.many : label.one}`;
}

function unitKey(u: UnitPrice): string {
  return [
    u.unitCents,
    u.method,
    u.qf,
    u.bracket,
    u.bound,
    u.nonResident,
    u.pai,
    u.siblingRank,
    u.siblingPercent,
  ].join('|');
}

/**
 * The lines of one child for one activity over a period, grouped so that every line has one unit
 * price and one explanation: a QF that changes mid-month gives two lines.
 */
export function buildLines(rules: PricingRules, unitLabel: UnitLabel, days: DayToPrice[]): PricedLine[] {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const groups = new Map<
    string,
    { rule: PricedLineRule; unitCents: Cents; unit: UnitPrice; dates: IsoDate[] }
  >();
  const add = (rule: PricedLineRule, unitCents: Cents, unit: UnitPrice, date: IsoDate) => {
    const key = `${rule}#${unitCents}#${unitKey(unit)}`;
    const group = groups.get(key) ?? { rule, unitCents, unit, dates: [] };
    group.dates.push(date);
    groups.set(key, group);
  };
  for (const day of sorted) {
    const priced = priceDay(rules, day);
    const rule: PricedLineRule =
      day.kind === 'attended' || day.kind === 'present_unbooked'
        ? 'tariff'
        : day.kind === 'unjustified_absence'
          ? 'unjustified_absence'
          : day.kind;
    add(rule, priced.chargeCents, priced.unit, day.date);
    if (priced.lateSurchargeCents > 0)
      add('late_surcharge', priced.lateSurchargeCents, priced.unit, day.date);
    if (priced.unbookedPenaltyCents > 0)
      add('unbooked_penalty', priced.unbookedPenaltyCents, priced.unit, day.date);
  }
  const order: PricedLineRule[] = [
    'tariff',
    'unjustified_absence',
    'late_surcharge',
    'unbooked_penalty',
    'justified_absence',
    'closure',
  ];
  return [...groups.values()]
    .sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule) || (a.dates[0] < b.dates[0] ? -1 : 1))
    .map(({ rule, unitCents, unit, dates }) => {
      const n = dates.length;
      const price = `${count(n, unitLabel)} x ${formatEuros(unit.unitCents)} (${describeUnit(unit)})`;
      let text: string;
      switch (rule) {
        case 'tariff':
          text = price;
          break;
        case 'unjustified_absence':
          text = `${n} ${n > 1 ? 'absences non justifiées' : 'absence non justifiée'} ${datesFr(dates)}, facturée${n > 1 ? 's' : ''} : ${price}`;
          break;
        case 'justified_absence':
          text = `${n} ${n > 1 ? 'absences justifiées' : 'absence justifiée'} ${datesFr(dates)} : non facturée${n > 1 ? 's' : ''}`;
          break;
        case 'closure':
          text = `${n} ${n > 1 ? 'jours de fermeture' : 'jour de fermeture'} ${datesFr(dates)} : non facturé${n > 1 ? 's' : ''}`;
          break;
        case 'late_surcharge':
          text = `${n} ${n > 1 ? 'majorations' : 'majoration'} : réservation hors délai ${datesFr(dates)} (${formatEuros(unitCents)} chacune)`;
          break;
        case 'unbooked_penalty':
          text = `${n} ${n > 1 ? 'majorations' : 'majoration'} : présence sans réservation ${datesFr(dates)} (${formatEuros(unitCents)} chacune)`;
          break;
      }
      const isSurcharge = rule === 'late_surcharge' || rule === 'unbooked_penalty';
      return {
        rule,
        quantity: n,
        unitCents,
        amountCents: n * unitCents,
        method: isSurcharge ? null : unit.method,
        qf: unit.qf,
        bracket: unit.bracket,
        bound: unit.bound,
        nonResident: unit.nonResident,
        pai: unit.pai,
        siblingRank: unit.siblingRank,
        siblingPercent: unit.siblingPercent,
        dates,
        text,
      };
    });
}

/** The QF valid on a date among validated periods (`to` included, null = open); null if none. */
export function quotientOn(
  periods: readonly { value: number; from: IsoDate; to: IsoDate | null }[],
  date: IsoDate,
): number | null {
  const found = periods.find((p) => p.from <= date && (p.to === null || date <= p.to));
  return found ? found.value : null;
}

/** Ranks children eldest first (1 = eldest); ties broken by id so the rank is stable. */
export function siblingRanks(children: readonly { id: string; birthDate: IsoDate }[]): Map<string, number> {
  const sorted = [...children].sort((a, b) =>
    a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : a.id < b.id ? -1 : 1,
  );
  return new Map(sorted.map((c, i) => [c.id, i + 1]));
}
