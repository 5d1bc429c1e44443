import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidInputError } from '@foyer/api/core';
import { paymentLabel } from './invoices.service';

/** One CSV field, quoted when it must be (RFC 4180; `;` is the separator French spreadsheets expect). */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** 1234 → "12,34": the decimal comma the treasury's spreadsheet reads. */
const euros = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;

export const TREASURY_COLUMNS = [
  'type',
  'date',
  'numero',
  'foyer',
  'facture',
  'montant',
  'moyen',
  'reference',
];

/** For the treasury: invoices issued, credit notes and payments received over a period, as CSV. */
@Injectable()
export class ExportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async treasuryCsv(from: string, to: string): Promise<string> {
    if (to < from) throw new InvalidInputError('La fin de la période doit suivre son début.', 'to');
    const rows: {
      type: string;
      date: string;
      numero: string;
      foyer: string;
      facture: string | null;
      montant: string;
      provider: string | null;
      method: string | null;
      reference: string | null;
    }[] = await this.dataSource.query(
      `SELECT 'facture' AS type, to_char(issue_date, 'YYYY-MM-DD') AS date, number AS numero, household_id::text AS foyer,
              number AS facture, total_cents AS montant, NULL AS provider, NULL AS method, NULL AS reference
         FROM invoices WHERE issue_date BETWEEN $1 AND $2
       UNION ALL
       SELECT 'avoir', to_char(c.issued_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD'), c.number, c.household_id::text,
              i.number, -c.amount_cents, NULL, NULL, c.reason
         FROM credit_notes c JOIN invoices i ON i.id = c.invoice_id
        WHERE (c.issued_at AT TIME ZONE 'Europe/Paris')::date BETWEEN $1 AND $2
       UNION ALL
       SELECT 'paiement', to_char(p.settled_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD'),
              COALESCE(p.receipt_number, p.provider_ref, p.id::text), p.household_id::text, i.number, p.amount_cents,
              p.provider, p.method, p.reference
         FROM payments p LEFT JOIN invoices i ON i.id = p.invoice_id
        WHERE p.state = 'paid' AND (p.settled_at AT TIME ZONE 'Europe/Paris')::date BETWEEN $1 AND $2
       ORDER BY date, type, numero`,
      [from, to],
    );
    const lines = [TREASURY_COLUMNS.join(';')];
    for (const r of rows) {
      lines.push(
        [
          r.type,
          r.date,
          r.numero,
          r.foyer,
          r.facture,
          euros(Number(r.montant)),
          r.type === 'paiement' ? paymentLabel(r.provider, r.method) : '',
          r.reference,
        ]
          .map(csvField)
          .join(';'),
      );
    }
    return `\ufeff${lines.join('\r\n')}\r\n`;
  }
}
