import { Cents } from './money';
import type { IsoDate } from './paris-dates';

/**
 * Quotient familial (QF): the monthly income per "part" of a household, in whole euros, that
 * French municipalities use to pick a family's price bracket.
 *
 * QF = (annual taxable resources / 12 + monthly family benefits) / number of parts
 * (CAF method, as the Paris council deliberation 2010 DASCO 03 words it; domain-notes section 2).
 */
export interface DeclaredResources {
  /** Annual taxable resources, before allowances, in cents. */
  annualResourcesCents: Cents;
  /** Monthly family benefits, in cents. */
  monthlyBenefitsCents: Cents;
  /** Number of parts: a multiple of 0.5, at least 1. */
  parts: number;
}

/** True for a number of parts the rule can produce: a multiple of 0.5 from 1 to 20. */
export function isValidParts(parts: number): boolean {
  return Number.isFinite(parts) && parts >= 1 && parts <= 20 && Number.isInteger(parts * 2);
}

/** The QF in whole euros, rounded down (a family is never pushed into a higher bracket by rounding). */
export function computeQuotient(input: DeclaredResources): number {
  const { annualResourcesCents, monthlyBenefitsCents, parts } = input;
  if (!Number.isSafeInteger(annualResourcesCents) || annualResourcesCents < 0) {
    throw new RangeError(
      `annual resources must be a non-negative integer of cents, got ${annualResourcesCents}`,
    );
  }
  if (!Number.isSafeInteger(monthlyBenefitsCents) || monthlyBenefitsCents < 0) {
    throw new RangeError(
      `monthly benefits must be a non-negative integer of cents, got ${monthlyBenefitsCents}`,
    );
  }
  if (!isValidParts(parts))
    throw new RangeError(`parts must be a multiple of 0.5 from 1 to 20, got ${parts}`);
  // (annual / 12 + monthly) / parts / 100, in integers: parts are counted in halves.
  const halves = Math.round(parts * 2);
  return Math.floor(((annualResourcesCents + 12 * monthlyBenefitsCents) * 2) / (1200 * halves));
}

export interface HouseholdComposition {
  /** Dependent children. */
  children: number;
  /** Among them, children with a recognised disability. */
  disabledChildren?: number;
}

/**
 * Number of parts by the majority rule of domain-notes section 2 (sources disagree; this is the one
 * most communes and the CAF simulators use): a couple or a single parent counts 2 parts; +0.5 for
 * each of the first two children, +1 for the third, +0.5 for each further child; +0.5 per disabled
 * child. So 2.5 parts with 1 child, 3 with 2, 4 with 3, 4.5 with 4.
 */
export function quotientParts(composition: HouseholdComposition): number {
  const children = composition.children;
  const disabled = composition.disabledChildren ?? 0;
  if (!Number.isInteger(children) || children < 0) throw new RangeError(`children must be a natural number`);
  if (!Number.isInteger(disabled) || disabled < 0 || disabled > children) {
    throw new RangeError(`disabled children must be between 0 and the number of children`);
  }
  let parts = 2;
  for (let rank = 1; rank <= children; rank++) parts += rank === 3 ? 1 : 0.5;
  return parts + 0.5 * disabled;
}

/** First day of the school year a date belongs to: 1 September (the year turns over in summer). */
export function schoolYearStartOf(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${month >= 9 ? year : year - 1}-09-01`;
}

/**
 * The earliest date a quotient may take effect from: not before the start of the current school year,
 * nor before the first day of the declaration's month minus `toleranceMonths`.
 */
export function earliestQuotientEffectiveDate(
  declaredOn: IsoDate,
  today: IsoDate,
  toleranceMonths: number,
): IsoDate {
  const year = Number(declaredOn.slice(0, 4));
  const monthIndex = Number(declaredOn.slice(5, 7)) - 1 - toleranceMonths;
  const shifted = new Date(Date.UTC(year, monthIndex, 1)).toISOString().slice(0, 10);
  const schoolYear = schoolYearStartOf(today);
  return shifted > schoolYear ? shifted : schoolYear;
}
