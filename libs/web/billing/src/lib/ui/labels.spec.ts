import './localize.testing';
import { InvoiceStatus, type InvoiceLineView, LineRule } from '@foyer/shared/contracts';
import { balanceText, groupLines, invoiceStatusText, periodFr } from './labels';

function line(partial: Partial<InvoiceLineView>): InvoiceLineView {
  return {
    id: 'l',
    childId: 'c1',
    childName: 'Nora Benali',
    activityId: 'a1',
    activityLabel: 'Restauration scolaire',
    quantity: 1,
    unitCents: 235,
    amountCents: 235,
    explanation: {
      rule: LineRule.Tariff,
      method: null,
      qf: null,
      bracket: null,
      bound: null,
      nonResident: false,
      pai: false,
      siblingRank: null,
      siblingPercent: null,
      dates: [],
      text: '',
    },
    ...partial,
  };
}

describe('billing labels', () => {
  it('names a month in French', () => {
    expect(periodFr('2027-01')).toBe('janvier 2027');
    expect(periodFr('2026-12')).toBe('décembre 2026');
  });

  it('says the state of an invoice in words, with the debit date under direct debit', () => {
    expect(invoiceStatusText({ status: InvoiceStatus.ToPay, directDebitDate: null })).toBe('À payer');
    expect(invoiceStatusText({ status: InvoiceStatus.Paid, directDebitDate: null })).toBe('Payée');
    expect(invoiceStatusText({ status: InvoiceStatus.PaymentPending, directDebitDate: null })).toBe(
      'Paiement en cours de confirmation',
    );
    expect(invoiceStatusText({ status: InvoiceStatus.DirectDebit, directDebitDate: '2027-02-05' })).toBe(
      'Prélèvement le 05/02/2027',
    );
  });

  it('says a balance in words', () => {
    expect(balanceText(123450)).toMatch(/^1\s234,50\s€ à payer$/);
    expect(balanceText(-1200)).toMatch(/^12,00\s€ en votre faveur/);
    expect(balanceText(0)).toBe('Aucune somme due');
  });

  it('groups lines by child then activity, with exact totals', () => {
    const groups = groupLines([
      line({ id: '1', amountCents: 2820 }),
      line({ id: '2', activityLabel: 'Accueil du soir', amountCents: 150 }),
      line({ id: '3', childId: 'c2', childName: 'Sami Benali', amountCents: 470 }),
      line({ id: '4', amountCents: 235 }),
    ]);
    expect(groups.map((g) => [g.childName, g.totalCents])).toEqual([
      ['Nora Benali', 3205],
      ['Sami Benali', 470],
    ]);
    expect(groups[0].activities.map((a) => [a.activityLabel, a.lines.length, a.totalCents])).toEqual([
      ['Restauration scolaire', 2, 3055],
      ['Accueil du soir', 1, 150],
    ]);
  });
});
