import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { formatEuros } from './money';
import {
  buildLines,
  DayToPrice,
  divideRounded,
  percentOf,
  previewDay,
  priceDay,
  PricingRules,
  quotientOn,
  siblingRanks,
  tariffRulesProblems,
  unitPrice,
} from './pricing';
import { gridRules, PublishedGrid } from './pricing-grids';

// The real grids, as the seed uses them (copied from the shared reference).
const grids: PublishedGrid[] = JSON.parse(
  readFileSync(join(__dirname, '../../../../api/billing/src/seed/tariff-grids.json'), 'utf8'),
).grids;
const grid = (id: string) => grids.find((g) => g.id === id) as PublishedGrid;
const roncqMeal = gridRules(grid('roncq-2025-2026'), 'meal', 'pai_meal');
const vdm = gridRules(grid('val-de-marne-colleges-2025'), 'meal');
const paris = gridRules(grid('paris-cantine-10-tarifs'), 'meal');
const fay = gridRules(grid('fay-aux-loges-taux-effort'));

const resident = { resident: true, pai: false, siblingRank: 1 };
const price = (rules: PricingRules, qf: number | null, extra: Partial<typeof resident> = {}) =>
  unitPrice(rules, { ...resident, ...extra, qf }).unitCents;
const e = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('pricing against the real grids', () => {
  it('prices Roncq 2025 at every bracket edge (lower bound included, upper excluded)', () => {
    const edges: [number, number][] = [
      [0, 50],
      [399, 50],
      [400, 175],
      [639, 175],
      [640, 235],
      [859, 235],
      [860, 305],
      [1149, 305],
      [1150, 355],
      [1499, 355],
      [1500, 405],
      [1699, 405],
      [1700, 460],
      [1899, 460],
      [1900, 490],
      [50000, 490],
    ];
    for (const [qf, cents] of edges) expect([qf, price(roncqMeal, qf)]).toEqual([qf, cents]);
  });

  it('prices Val-de-Marne 2025 whose bounds are written 600,01 (QF 600 in tranche 1, 601 in tranche 2)', () => {
    const edges: [number, number][] = [
      [0, 115],
      [600, 115],
      [601, 155],
      [840, 155],
      [841, 210],
      [1025, 210],
      [1026, 280],
      [1200, 280],
      [1201, 350],
      [1400, 350],
      [1401, 420],
      [1530, 420],
      [1531, 470],
      [1680, 470],
      [1681, 540],
      [1890, 540],
      [1891, 570],
      [2225, 570],
      [2226, 595],
    ];
    for (const [qf, cents] of edges) expect([qf, price(vdm, qf)]).toEqual([qf, cents]);
  });

  it('prices Paris T1-T6 with inclusive maxima (T7-T9 are not in the source: the grid is not seeded)', () => {
    expect(price(paris, 234)).toBe(13);
    expect(price(paris, 235)).toBe(85);
    expect(price(paris, 548)).toBe(162);
    expect(price(paris, 549)).toBe(228);
    expect(price(paris, 1900)).toBe(461);
    expect(paris.brackets?.map((b) => b.label)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('prices the Fay-aux-Loges effort rate between its floor and its ceiling', () => {
    expect(price(fay, 0)).toBe(260);
    expect(price(fay, 722)).toBe(260); // 2,5992 € → 2,60 €: exactly the floor
    expect(price(fay, 723)).toBe(260); // 2,6028 € rounds to 2,60 €
    expect(price(fay, 800)).toBe(288);
    expect(price(fay, 1250)).toBe(450);
    expect(price(fay, 1251)).toBe(450);
    expect(price(fay, 3000)).toBe(450);
    expect(unitPrice(fay, { ...resident, qf: 100 }).bound).toBe('floor');
    expect(unitPrice(fay, { ...resident, qf: 2000 }).bound).toBe('ceiling');
    expect(unitPrice(fay, { ...resident, qf: 900 }).bound).toBeNull();
  });

  it('applies the highest bracket (or the ceiling) when no QF is validated', () => {
    expect(price(roncqMeal, null)).toBe(490);
    expect(price(vdm, null)).toBe(595);
    expect(price(fay, null)).toBe(450);
  });

  it('applies the non-resident rate whatever the QF, and the PAI rate of the bracket', () => {
    expect(price(roncqMeal, 100, { resident: false })).toBe(650);
    expect(price(roncqMeal, 100, { pai: true })).toBe(50);
    expect(price(roncqMeal, 700, { pai: true })).toBe(80);
    expect(price(roncqMeal, 2000, { pai: true })).toBe(100);
    expect(price(fay, 1000, { pai: true })).toBe(175);
  });

  it('applies a sibling reduction from the n-th child, rounded to the cent', () => {
    const rules = { ...roncqMeal, siblingReduction: { fromRank: 3, percent: 50 } };
    expect(price(rules, 700, { siblingRank: 1 })).toBe(235);
    expect(price(rules, 700, { siblingRank: 2 })).toBe(235);
    expect(price(rules, 700, { siblingRank: 3 })).toBe(118); // 2,35 × 50 % = 1,175 → 1,18
    expect(price(rules, 700, { siblingRank: 4 })).toBe(118);
    expect(
      siblingRanks([
        { id: 'b', birthDate: '2018-05-01' },
        { id: 'a', birthDate: '2016-01-01' },
        { id: 'c', birthDate: '2020-02-02' },
      ]),
    ).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
    );
  });
});

describe('days and their lines', () => {
  const day = (date: string, kind: DayToPrice['kind'], extra: Partial<DayToPrice> = {}): DayToPrice => ({
    date,
    kind,
    late: false,
    qf: 712,
    ...resident,
    ...extra,
  });

  it('bills attended and unjustified absence at full price, justified absence and closure at nothing', () => {
    expect(priceDay(roncqMeal, day('2026-01-05', 'attended')).chargeCents).toBe(235);
    expect(priceDay(roncqMeal, day('2026-01-05', 'unjustified_absence')).chargeCents).toBe(235);
    expect(priceDay(roncqMeal, day('2026-01-05', 'justified_absence')).chargeCents).toBe(0);
    expect(priceDay(roncqMeal, day('2026-01-05', 'closure')).chargeCents).toBe(0);
  });

  it('adds the late surcharge, fixed or a percentage, only to a billed day', () => {
    expect(priceDay(roncqMeal, day('2026-01-05', 'attended', { late: true })).lateSurchargeCents).toBe(250);
    expect(
      priceDay(roncqMeal, day('2026-01-05', 'justified_absence', { late: true })).lateSurchargeCents,
    ).toBe(0);
    const percent = { ...roncqMeal, lateSurcharge: { mode: 'percent' as const, value: 50 } };
    expect(priceDay(percent, day('2026-01-05', 'attended', { late: true })).lateSurchargeCents).toBe(118);
  });

  it('charges presence without booking at the price plus the penalty', () => {
    const rules = { ...roncqMeal, unbookedPenalty: { mode: 'fixed' as const, value: 500 } };
    const priced = priceDay(rules, day('2026-01-14', 'present_unbooked'));
    expect([priced.chargeCents, priced.unbookedPenaltyCents, priced.lateSurchargeCents]).toEqual([
      235, 500, 0,
    ]);
  });

  it('previews a day and the cost of a late change for the calendar', () => {
    expect(previewDay(roncqMeal, { ...resident, qf: 712 })).toEqual({
      unitCents: 235,
      lateSurchargeCents: 250,
    });
  });

  it('explains every line in plain French, with a QF changing mid-month giving two lines', () => {
    const rules = { ...roncqMeal, unbookedPenalty: { mode: 'fixed' as const, value: 500 } };
    const days: DayToPrice[] = [
      ...Array.from({ length: 12 }, (_, i) => day(`2026-01-${String(5 + i).padStart(2, '0')}`, 'attended')),
      day('2026-01-19', 'attended', { qf: 1000 }),
      day('2026-01-20', 'unjustified_absence', { qf: 1000 }),
      day('2026-01-22', 'justified_absence', { qf: 1000 }),
      day('2026-01-23', 'attended', { qf: 1000, late: true }),
      day('2026-01-26', 'present_unbooked', { qf: 1000 }),
      day('2026-01-27', 'closure', { qf: 1000 }),
    ];
    const lines = buildLines(rules, { one: 'repas', many: 'repas' }, days);
    expect(lines.map((l) => e(l.text))).toEqual([
      '12 repas x 2,35 € (tranche 3, QF 712 €)',
      '3 repas x 3,05 € (tranche 4, QF 1000 €)',
      '1 absence non justifiée le 20/01, facturée : 1 repas x 3,05 € (tranche 4, QF 1000 €)',
      '1 majoration : réservation hors délai le 23/01 (2,50 € chacune)',
      '1 majoration : présence sans réservation le 26/01 (5,00 € chacune)',
      '1 absence justifiée le 22/01 : non facturée',
      '1 jour de fermeture le 27/01 : non facturé',
    ]);
    expect(lines.map((l) => l.amountCents)).toEqual([2820, 915, 305, 250, 500, 0, 0]);
    expect(lines[1].dates).toEqual(['2026-01-19', '2026-01-23', '2026-01-26']);
    expect(lines[0]).toMatchObject({ rule: 'tariff', qf: 712, bracket: '3', method: 'brackets' });
  });

  it('says when no QF was validated, and names the effort rate, non-resident and PAI rules', () => {
    const one = (rules: PricingRules, extra: Partial<DayToPrice>) =>
      e(buildLines(rules, { one: 'repas', many: 'repas' }, [day('2026-01-05', 'attended', extra)])[0].text);
    expect(one(roncqMeal, { qf: null })).toBe(
      '1 repas x 4,90 € (tranche 8, la plus haute sans quotient familial validé)',
    );
    expect(one(fay, { qf: 800 })).toBe('1 repas x 2,88 € (taux d’effort du QF 800 €)');
    expect(one(fay, { qf: 100 })).toBe('1 repas x 2,60 € (taux d’effort du QF 100 €, plancher)');
    expect(one(roncqMeal, { resident: false })).toBe('1 repas x 6,50 € (tarif hors commune)');
    expect(one(roncqMeal, { pai: true })).toBe(
      '1 repas x 0,80 € (tranche 3, QF 712 €, PAI, repas fourni par la famille)',
    );
    expect(one({ ...roncqMeal, siblingReduction: { fromRank: 2, percent: 20 } }, { siblingRank: 2 })).toBe(
      '1 repas x 1,88 € (tranche 3, QF 712 €, réduction fratrie 20 % (2e enfant))',
    );
  });

  it('lines add up exactly to the sum of the days (property)', () => {
    const kinds: DayToPrice['kind'][] = [
      'attended',
      'unjustified_absence',
      'justified_absence',
      'closure',
      'present_unbooked',
    ];
    const rules = {
      ...roncqMeal,
      unbookedPenalty: { mode: 'percent' as const, value: 33 },
      siblingReduction: { fromRank: 2, percent: 15 },
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            d: fc.integer({ min: 1, max: 28 }),
            kind: fc.constantFrom(...kinds),
            late: fc.boolean(),
            qf: fc.option(fc.integer({ min: 0, max: 5000 })),
            pai: fc.boolean(),
            siblingRank: fc.integer({ min: 1, max: 4 }),
          }),
          { maxLength: 40 },
        ),
        (rows) => {
          const days = rows.map((r) => day(`2026-02-${String(r.d).padStart(2, '0')}`, r.kind, { ...r }));
          const lines = buildLines(rules, { one: 'repas', many: 'repas' }, days);
          const byDays = days
            .map((d) => priceDay(rules, d))
            .reduce((t, p) => t + p.chargeCents + p.lateSurchargeCents + p.unbookedPenaltyCents, 0);
          expect(lines.reduce((t, l) => t + l.amountCents, 0)).toBe(byDays);
          for (const l of lines) expect(l.amountCents).toBe(l.quantity * l.unitCents);
        },
      ),
    );
  });
});

describe('rounding and rules', () => {
  it('rounds halves away from zero, once', () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(4, 3)).toBe(1);
    expect(percentOf(235, 50)).toBe(118);
    expect(percentOf(1000, 12.5)).toBe(125);
    expect(formatEuros(118)).toContain('1,18');
  });

  it('finds the QF of a day among validated periods', () => {
    const periods = [
      { value: 712, from: '2026-01-01', to: '2026-01-18' },
      { value: 1000, from: '2026-01-19', to: null },
    ];
    expect(quotientOn(periods, '2025-12-31')).toBeNull();
    expect(quotientOn(periods, '2026-01-18')).toBe(712);
    expect(quotientOn(periods, '2026-01-19')).toBe(1000);
  });

  it('refuses brackets with holes, a floor above the ceiling, a sibling reduction from the 1st child', () => {
    expect(tariffRulesProblems(roncqMeal)).toEqual([]);
    expect(tariffRulesProblems(vdm)).toEqual([]);
    expect(tariffRulesProblems(fay)).toEqual([]);
    const holes = { ...roncqMeal, brackets: roncqMeal.brackets!.filter((_, i) => i !== 2) };
    expect(tariffRulesProblems(holes).map((p) => p.field)).toEqual(['brackets']);
    expect(
      tariffRulesProblems({
        method: 'effort_rate',
        effortRate: { rateTenThousandths: 36, floorCents: 500, ceilingCents: 400 },
      }),
    ).toHaveLength(1);
    expect(
      tariffRulesProblems({ method: 'flat', flatCents: 100, siblingReduction: { fromRank: 1, percent: 10 } }),
    ).toHaveLength(1);
  });
});
