import './localize.testing';
import { TariffMethod, type TariffView } from '@foyer/shared/contracts';
import { tariffRulesProblems } from '@foyer/shared/domain';
import {
  describeOptions,
  describePrice,
  emptyTariffForm,
  formToRequest,
  formToRules,
  TariffInputError,
  tariffToForm,
} from './tariff-model';

describe('tariff form model', () => {
  it('chains brackets: each starts where the previous ends, the last is open', () => {
    const form = {
      ...emptyTariffForm(),
      activityId: 'a1',
      validFrom: '2026-09-01',
      brackets: [
        { label: 'A', qfMax: '400', price: '0,80', paiPrice: '' },
        { label: 'B', qfMax: '800', price: '2,35', paiPrice: '1,10' },
        { label: 'C', qfMax: '', price: '4,20', paiPrice: '' },
      ],
    };
    const request = formToRequest(form);
    expect(request.brackets).toEqual([
      { label: 'A', qfMin: 0, qfMax: 400, unitCents: 80, paiCents: null },
      { label: 'B', qfMin: 400, qfMax: 800, unitCents: 235, paiCents: 110 },
      { label: 'C', qfMin: 800, qfMax: null, unitCents: 420, paiCents: null },
    ]);
    expect(request.validTo).toBeNull();
    expect(tariffRulesProblems(request)).toEqual([]);
    expect(describePrice(request)).toMatch(/^3 tranches de QF, de 0,80\s€ à 4,20\s€$/);
  });

  it('reads an effort rate in percent of the QF', () => {
    const rules = formToRules({
      ...emptyTariffForm(),
      method: TariffMethod.EffortRate,
      effortPercent: '0,36',
      effortFloor: '1',
      effortCeiling: '5,00',
    });
    expect(rules.effortRate).toEqual({ rateTenThousandths: 36, floorCents: 100, ceilingCents: 500 });
    expect(describePrice(rules)).toMatch(/^0,36 % du QF, entre 1,00\s€ et 5,00\s€$/);
  });

  it('names the field of a mistyped amount', () => {
    expect(() => formToRules({ ...emptyTariffForm(), method: TariffMethod.Flat, flatPrice: 'abc' })).toThrow(
      TariffInputError,
    );
    const thrown = (() => {
      try {
        formToRules({
          ...emptyTariffForm(),
          lateMode: 'percent',
          lateValue: 'x',
          brackets: [{ label: '1', qfMax: '', price: '1', paiPrice: '' }],
        });
        return null;
      } catch (error) {
        return error as TariffInputError;
      }
    })();
    expect(thrown?.field).toBe('lateSurcharge');
  });

  it('round-trips a tariff through the form', () => {
    const tariff: TariffView = {
      id: 't1',
      activityId: 'a1',
      activityLabel: 'Restauration scolaire',
      validFrom: '2026-09-01',
      validTo: '2027-08-31',
      unit: { one: 'repas', many: 'repas' },
      createdAt: '2026-08-01T10:00:00Z',
      method: TariffMethod.Flat,
      flatCents: 310,
      nonResidentCents: 650,
      paiCents: 120,
      siblingReduction: { fromRank: 3, percent: 10 },
      lateSurcharge: { mode: 'percent', value: 20 },
      unbookedPenalty: { mode: 'fixed', value: 500 },
    };
    const back = formToRequest(tariffToForm(tariff));
    expect(back).toMatchObject({
      activityId: 'a1',
      validFrom: '2026-09-01',
      validTo: '2027-08-31',
      flatCents: 310,
      nonResidentCents: 650,
      paiCents: 120,
      siblingReduction: { fromRank: 3, percent: 10 },
      lateSurcharge: { mode: 'percent', value: 20 },
      unbookedPenalty: { mode: 'fixed', value: 500 },
    });
    expect(describeOptions(tariff)).toContain('fratrie −10 % dès le 3e enfant');
  });
});
