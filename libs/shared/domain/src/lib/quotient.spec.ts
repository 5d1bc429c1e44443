import {
  computeQuotient,
  earliestQuotientEffectiveDate,
  isValidParts,
  quotientParts,
  schoolYearStartOf,
} from './quotient';

describe('computeQuotient', () => {
  it('divides monthly resources plus benefits by the parts, in whole euros', () => {
    // 36 000 € a year = 3 000 € a month, + 150 € benefits = 3 150 €, / 3 parts = 1 050 €.
    expect(computeQuotient({ annualResourcesCents: 3_600_000, monthlyBenefitsCents: 15_000, parts: 3 })).toBe(
      1050,
    );
  });

  it('rounds down to the euro', () => {
    // 30 000 / 12 = 2 500 € / 2.5 parts = 1 000 €; + 1 cent of benefits stays 1 000.
    expect(computeQuotient({ annualResourcesCents: 3_000_000, monthlyBenefitsCents: 1, parts: 2.5 })).toBe(
      1000,
    );
    // 10 000 € / 12 = 833.33 € / 2 = 416.67 € -> 416.
    expect(computeQuotient({ annualResourcesCents: 1_000_000, monthlyBenefitsCents: 0, parts: 2 })).toBe(416);
  });

  it('gives 0 for a household without resources', () => {
    expect(computeQuotient({ annualResourcesCents: 0, monthlyBenefitsCents: 0, parts: 2 })).toBe(0);
  });

  it('refuses fractional cents, negative amounts and impossible parts', () => {
    expect(() => computeQuotient({ annualResourcesCents: 10.5, monthlyBenefitsCents: 0, parts: 2 })).toThrow(
      RangeError,
    );
    expect(() => computeQuotient({ annualResourcesCents: -1, monthlyBenefitsCents: 0, parts: 2 })).toThrow(
      RangeError,
    );
    expect(() => computeQuotient({ annualResourcesCents: 100, monthlyBenefitsCents: 0, parts: 2.3 })).toThrow(
      RangeError,
    );
    expect(() => computeQuotient({ annualResourcesCents: 100, monthlyBenefitsCents: 0, parts: 0 })).toThrow(
      RangeError,
    );
  });
});

describe('quotientParts (majority rule)', () => {
  it.each([
    [0, 0, 2],
    [1, 0, 2.5],
    [2, 0, 3],
    [3, 0, 4],
    [4, 0, 4.5],
    [5, 0, 5],
    [2, 1, 3.5],
    [3, 2, 5],
  ])('%i children of whom %i disabled make %f parts', (children, disabledChildren, parts) => {
    expect(quotientParts({ children, disabledChildren })).toBe(parts);
  });

  it('refuses more disabled children than children', () => {
    expect(() => quotientParts({ children: 1, disabledChildren: 2 })).toThrow(RangeError);
  });
});

describe('isValidParts', () => {
  it('accepts halves from 1 to 20 only', () => {
    expect(isValidParts(1)).toBe(true);
    expect(isValidParts(3.5)).toBe(true);
    expect(isValidParts(3.25)).toBe(false);
    expect(isValidParts(0.5)).toBe(false);
    expect(isValidParts(21)).toBe(false);
  });
});

describe('earliestQuotientEffectiveDate', () => {
  it('starts the school year on 1 September', () => {
    expect(schoolYearStartOf('2027-01-14')).toBe('2026-09-01');
    expect(schoolYearStartOf('2026-09-01')).toBe('2026-09-01');
    expect(schoolYearStartOf('2026-08-31')).toBe('2025-09-01');
  });

  it('allows the declaration month minus the tolerance', () => {
    expect(earliestQuotientEffectiveDate('2027-01-14', '2027-01-14', 2)).toBe('2026-11-01');
    expect(earliestQuotientEffectiveDate('2027-03-02', '2027-03-10', 0)).toBe('2027-03-01');
  });

  it('never goes back before the start of the current school year', () => {
    expect(earliestQuotientEffectiveDate('2026-10-05', '2026-10-05', 6)).toBe('2026-09-01');
    // Declared in June, decided in September: the new school year bounds it.
    expect(earliestQuotientEffectiveDate('2026-06-20', '2026-09-03', 2)).toBe('2026-09-01');
  });
});
