import {
  type CreateTariffRequest,
  type Surcharge,
  type TariffBracket,
  TariffMethod,
  type TariffRules,
  type TariffView,
} from '@foyer/shared/contracts';
import { parseEuros } from '@foyer/shared/domain';
import { formatDecimal, formatMoney } from './locale-format';

/** The tariff form as typed: amounts as French text (« 2,35 »), numbers as text, empty for none. */
export interface TariffFormValue {
  activityId: string;
  validFrom: string;
  validTo: string;
  unitOne: string;
  unitMany: string;
  method: TariffMethod;
  /** Each bracket starts where the previous one ends (the first at 0): only its upper bound is typed. */
  brackets: { label: string; qfMax: string; price: string; paiPrice: string }[];
  /** Percent of the QF, « 0,36 » for 0.36 %. */
  effortPercent: string;
  effortFloor: string;
  effortCeiling: string;
  flatPrice: string;
  nonResidentPrice: string;
  paiPrice: string;
  siblingFromRank: string;
  siblingPercent: string;
  lateMode: 'none' | 'fixed' | 'percent';
  lateValue: string;
  unbookedMode: 'none' | 'fixed' | 'percent';
  unbookedValue: string;
}

const euros = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '' : (cents / 100).toFixed(2).replace('.', ',');

const number = (text: string): number | null => {
  const cleaned = text.replace(/[\s\u00a0\u202f%€]/g, '').replace(',', '.');
  if (!cleaned) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : NaN;
};

/** Text for a typed amount that is not one: the caller reports it on its field. */
export class TariffInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function cents(text: string, field: string, label: string): number | null {
  if (!text.trim()) return null;
  const value = parseEuros(text);
  if (value === null || value < 0)
    throw new TariffInputError(
      field,
      $localize`:@@billing.tariffModel.amountInvalid:${label}:FIELD: : saisissez un montant, par exemple 2,35.`,
    );
  return value;
}

function surcharge(
  mode: TariffFormValue['lateMode'],
  text: string,
  field: string,
  label: string,
): Surcharge | null {
  if (mode === 'none') return null;
  if (mode === 'fixed') {
    const value = cents(text, field, label);
    if (value === null)
      throw new TariffInputError(
        field,
        $localize`:@@billing.tariffModel.amountMissing:${label}:FIELD: : saisissez le montant.`,
      );
    return { mode, value };
  }
  const value = number(text);
  if (value === null || Number.isNaN(value) || !Number.isInteger(value)) {
    throw new TariffInputError(
      field,
      $localize`:@@billing.tariffModel.percentInvalid:${label}:FIELD: : saisissez un pourcentage entier, par exemple 20.`,
    );
  }
  return { mode, value };
}

export function emptyTariffForm(): TariffFormValue {
  return {
    activityId: '',
    validFrom: '',
    validTo: '',
    unitOne: 'repas',
    unitMany: 'repas',
    method: TariffMethod.Brackets,
    brackets: [{ label: '1', qfMax: '', price: '', paiPrice: '' }],
    effortPercent: '',
    effortFloor: '',
    effortCeiling: '',
    flatPrice: '',
    nonResidentPrice: '',
    paiPrice: '',
    siblingFromRank: '',
    siblingPercent: '',
    lateMode: 'none',
    lateValue: '',
    unbookedMode: 'none',
    unbookedValue: '',
  };
}

export function tariffToForm(tariff: TariffView): TariffFormValue {
  const surchargeText = (s: Surcharge | null | undefined) =>
    !s ? '' : s.mode === 'fixed' ? euros(s.value) : String(s.value);
  return {
    activityId: tariff.activityId,
    validFrom: tariff.validFrom,
    validTo: tariff.validTo ?? '',
    unitOne: tariff.unit.one,
    unitMany: tariff.unit.many,
    method: tariff.method,
    brackets: (tariff.brackets ?? []).map((b) => ({
      label: b.label,
      qfMax: b.qfMax === null ? '' : String(b.qfMax),
      price: euros(b.unitCents),
      paiPrice: euros(b.paiCents),
    })),
    effortPercent: tariff.effortRate ? formatDecimal(tariff.effortRate.rateTenThousandths / 100) : '',
    effortFloor: euros(tariff.effortRate?.floorCents),
    effortCeiling: euros(tariff.effortRate?.ceilingCents),
    flatPrice: euros(tariff.flatCents),
    nonResidentPrice: euros(tariff.nonResidentCents),
    paiPrice: euros(tariff.paiCents),
    siblingFromRank: tariff.siblingReduction ? String(tariff.siblingReduction.fromRank) : '',
    siblingPercent: tariff.siblingReduction ? String(tariff.siblingReduction.percent) : '',
    lateMode: tariff.lateSurcharge?.mode ?? 'none',
    lateValue: surchargeText(tariff.lateSurcharge),
    unbookedMode: tariff.unbookedPenalty?.mode ?? 'none',
    unbookedValue: surchargeText(tariff.unbookedPenalty),
  };
}

/** The rules as the API takes them; throws TariffInputError naming the field typed wrong. */
export function formToRules(form: TariffFormValue): TariffRules {
  const rules: TariffRules = { method: form.method };
  if (form.method === TariffMethod.Brackets) {
    let qfMin = 0;
    const brackets: TariffBracket[] = [];
    form.brackets.forEach((row, i) => {
      const label = row.label.trim() || String(i + 1);
      const max = number(row.qfMax);
      if (Number.isNaN(max) || (max !== null && !Number.isInteger(max))) {
        throw new TariffInputError(
          'brackets',
          $localize`:@@billing.tariffModel.qfMaxInvalid:Tranche ${label}:BRACKET: : le QF maximum est un nombre entier d'euros.`,
        );
      }
      const unitCents = cents(
        row.price,
        'brackets',
        $localize`:@@billing.tariffModel.bracket:Tranche ${label}:BRACKET:`,
      );
      if (unitCents === null)
        throw new TariffInputError(
          'brackets',
          $localize`:@@billing.tariffModel.priceMissing:Tranche ${label}:BRACKET: : saisissez le prix.`,
        );
      brackets.push({
        label,
        qfMin,
        qfMax: max,
        unitCents,
        paiCents: cents(
          row.paiPrice,
          'brackets',
          $localize`:@@billing.tariffModel.bracketPai:Tranche ${label}:BRACKET:, PAI`,
        ),
      });
      qfMin = max ?? qfMin;
    });
    rules.brackets = brackets;
  } else if (form.method === TariffMethod.EffortRate) {
    const percent = number(form.effortPercent);
    if (percent === null || Number.isNaN(percent) || percent <= 0) {
      throw new TariffInputError(
        'effortRate',
        $localize`:@@billing.tariffModel.effortInvalid:Taux d'effort : saisissez un pourcentage du QF, par exemple 0,36.`,
      );
    }
    const floorCents = cents(
      form.effortFloor,
      'effortRate',
      $localize`:@@billing.tariffModel.floor:Plancher`,
    );
    const ceilingCents = cents(
      form.effortCeiling,
      'effortRate',
      $localize`:@@billing.tariffModel.ceiling:Plafond`,
    );
    if (floorCents === null || ceilingCents === null) {
      throw new TariffInputError(
        'effortRate',
        $localize`:@@billing.tariffModel.floorCeilingMissing:Saisissez le plancher et le plafond.`,
      );
    }
    rules.effortRate = { rateTenThousandths: Math.round(percent * 100), floorCents, ceilingCents };
  } else {
    rules.flatCents = cents(
      form.flatPrice,
      'flatCents',
      $localize`:@@billing.tariffModel.flatPrice:Prix unique`,
    );
  }
  rules.nonResidentCents = cents(
    form.nonResidentPrice,
    'nonResidentCents',
    $localize`:@@billing.tariffModel.nonResidentPrice:Prix hors commune`,
  );
  rules.paiCents = cents(form.paiPrice, 'paiCents', $localize`:@@billing.tariffModel.paiPrice:Prix PAI`);
  const fromRank = number(form.siblingFromRank);
  const percent = number(form.siblingPercent);
  if (fromRank !== null || percent !== null) {
    if (!fromRank || !percent || Number.isNaN(fromRank) || Number.isNaN(percent)) {
      throw new TariffInputError(
        'siblingReduction',
        $localize`:@@billing.tariffModel.siblingInvalid:Réduction fratrie : saisissez le rang et le pourcentage.`,
      );
    }
    rules.siblingReduction = { fromRank, percent };
  } else {
    rules.siblingReduction = null;
  }
  rules.lateSurcharge = surcharge(
    form.lateMode,
    form.lateValue,
    'lateSurcharge',
    $localize`:@@billing.tariffModel.lateSurcharge:Majoration de réservation tardive`,
  );
  rules.unbookedPenalty = surcharge(
    form.unbookedMode,
    form.unbookedValue,
    'unbookedPenalty',
    $localize`:@@billing.tariffModel.unbookedPenalty:Pénalité de présence sans réservation`,
  );
  return rules;
}

export function formToRequest(form: TariffFormValue): CreateTariffRequest {
  return {
    ...formToRules(form),
    activityId: form.activityId,
    validFrom: form.validFrom,
    validTo: form.validTo || null,
    unit: { one: form.unitOne.trim(), many: form.unitMany.trim() },
  };
}

/** « 4 tranches, de 0,80 € à 4,20 € », « 0,36 % du QF, entre 1,00 € et 5,00 € », « 3,10 € ». */
export function describePrice(rules: TariffRules): string {
  switch (rules.method) {
    case TariffMethod.Brackets: {
      const prices = (rules.brackets ?? []).map((b) => b.unitCents);
      if (prices.length === 0) return $localize`:@@billing.tariffModel.noBrackets:Aucune tranche`;
      const low = Math.min(...prices);
      const high = Math.max(...prices);
      return prices.length > 1
        ? $localize`:@@billing.tariffModel.bracketsMany:${prices.length}:COUNT: tranches de QF, de ${formatMoney(low)}:LOW: à ${formatMoney(high)}:HIGH:`
        : $localize`:@@billing.tariffModel.bracketsOne:${prices.length}:COUNT: tranche de QF, de ${formatMoney(low)}:LOW: à ${formatMoney(high)}:HIGH:`;
    }
    case TariffMethod.EffortRate: {
      const e = rules.effortRate;
      if (!e) return $localize`:@@billing.tariffModel.effortRate:Taux d'effort`;
      const rate = formatDecimal(e.rateTenThousandths / 100);
      return $localize`:@@billing.tariffModel.effortDescription:${rate}:RATE: % du QF, entre ${formatMoney(e.floorCents)}:FLOOR: et ${formatMoney(e.ceilingCents)}:CEILING:`;
    }
    default:
      return rules.flatCents == null
        ? $localize`:@@billing.tariffModel.flat:Tarif unique`
        : $localize`:@@billing.tariffModel.flatPriced:Tarif unique : ${formatMoney(rules.flatCents)}:AMOUNT:`;
  }
}

export const TARIFF_METHOD_LABELS: Record<TariffMethod, string> = {
  [TariffMethod.Brackets]: $localize`:@@billing.tariffModel.methodBrackets:Tranches de quotient familial`,
  [TariffMethod.EffortRate]: $localize`:@@billing.tariffModel.effortRate:Taux d'effort`,
  [TariffMethod.Flat]: $localize`:@@billing.tariffModel.flat:Tarif unique`,
};

/** The options in words: « hors commune 6,50 € · PAI 1,20 € · fratrie −10 % dès le 3e · … ». */
export function describeOptions(rules: TariffRules): string {
  const parts: string[] = [];
  const s = (x: Surcharge) => (x.mode === 'fixed' ? `+${formatMoney(x.value)}` : `+${x.value} %`);
  if (rules.nonResidentCents != null)
    parts.push(
      $localize`:@@billing.tariffModel.optNonResident:hors commune ${formatMoney(rules.nonResidentCents)}:AMOUNT:`,
    );
  if (rules.paiCents != null)
    parts.push($localize`:@@billing.tariffModel.optPai:PAI ${formatMoney(rules.paiCents)}:AMOUNT:`);
  if (rules.siblingReduction) {
    parts.push(
      $localize`:@@billing.tariffModel.optSibling:fratrie −${rules.siblingReduction.percent}:PERCENT: % dès le ${rules.siblingReduction.fromRank}:RANK:e enfant`,
    );
  }
  if (rules.lateSurcharge)
    parts.push(
      $localize`:@@billing.tariffModel.optLate:réservation tardive ${s(rules.lateSurcharge)}:AMOUNT:`,
    );
  if (rules.unbookedPenalty)
    parts.push(
      $localize`:@@billing.tariffModel.optUnbooked:présence sans réservation ${s(rules.unbookedPenalty)}:AMOUNT:`,
    );
  return parts.length ? parts.join(' · ') : $localize`:@@billing.tariffModel.noOptions:Aucune`;
}
