import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { XMLBuilder } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AuditService, Clock } from '@foyer/api/core';
import type { AppConfig, AuthenticatedUser } from '@foyer/api/core';
import { billingIssuer } from './issuer';
import { monthBounds } from './billing-runs.service';

interface DebitRow {
  invoice_id: string;
  number: string;
  household_id: string;
  debit_date: string;
  due: string;
  reference: string;
  iban: string;
  bic: string | null;
  holder: string;
  signed_on: string;
  first: boolean;
}

/** ISO 20022 text: the SEPA character set (Latin letters, digits, / - ? : ( ) . , ' + space). */
function sepaText(text: string, max: number): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

const amount = (cents: number) => (cents / 100).toFixed(2);

/**
 * The month's SEPA direct-debit file (pain.008.001.02, SEPA Core) for the bank: every invoice whose
 * debit date falls in the month and that still has something due, one payment block per collection
 * date and sequence (FRST for a mandate's first debit, RCUR after). Producing the file records each
 * debit as a payment on its collection date (idempotent: one per invoice).
 */
@Injectable()
export class SepaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async file(
    period: string,
    actor: AuthenticatedUser,
  ): Promise<{ xml: string; count: number; totalCents: number }> {
    const { from, to } = monthBounds(period);
    const issuer = billingIssuer(this.config.communeName);
    return this.dataSource.transaction(async (m) => {
      const rows: DebitRow[] = await m.query(
        `SELECT i.id AS invoice_id, i.number, i.household_id, to_char(i.direct_debit_date, 'YYYY-MM-DD') AS debit_date,
                i.total_cents - i.credit_applied_cents
                  - COALESCE((SELECT sum(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id AND p.state = 'paid'
                                AND p.provider <> 'direct_debit'), 0)
                  - COALESCE((SELECT sum(c.amount_cents) FROM credit_notes c WHERE c.invoice_id = i.id), 0) AS due,
                s.reference, s.iban, s.bic, s.holder, to_char(s.signed_on, 'YYYY-MM-DD') AS signed_on,
                NOT EXISTS (SELECT 1 FROM invoices e WHERE e.mandate_id = s.id AND e.direct_debit_date < i.direct_debit_date) AS first
           FROM invoices i JOIN sepa_mandates s ON s.id = i.mandate_id
          WHERE i.direct_debit_date BETWEEN $1 AND $2
          ORDER BY i.direct_debit_date, i.number`,
        [from, to],
      );
      const debits = rows.filter((r) => Number(r.due) > 0);
      const groups = new Map<string, DebitRow[]>();
      for (const d of debits) {
        const key = `${d.debit_date}|${d.first ? 'FRST' : 'RCUR'}`;
        groups.set(key, [...(groups.get(key) ?? []), d]);
      }
      const now = this.clock.now();
      const msgId = `FOYER-${period}-${now.getTime().toString(36).toUpperCase()}`;
      const total = debits.reduce((t, d) => t + Number(d.due), 0);
      const document = {
        '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
        Document: {
          '@_xmlns': 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.02',
          '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
          CstmrDrctDbtInitn: {
            GrpHdr: {
              MsgId: msgId,
              CreDtTm: now.toISOString().slice(0, 19),
              NbOfTxs: debits.length,
              CtrlSum: amount(total),
              InitgPty: { Nm: sepaText(`Ville de ${issuer.commune}`, 70) },
            },
            PmtInf: [...groups].map(([key, list], index) => {
              const [date, sequence] = key.split('|');
              return {
                PmtInfId: `${msgId}-${index + 1}`,
                PmtMtd: 'DD',
                NbOfTxs: list.length,
                CtrlSum: amount(list.reduce((t, d) => t + Number(d.due), 0)),
                PmtTpInf: { SvcLvl: { Cd: 'SEPA' }, LclInstrm: { Cd: 'CORE' }, SeqTp: sequence },
                ReqdColltnDt: date,
                Cdtr: { Nm: sepaText(`${issuer.regie} ${issuer.commune}`, 70) },
                CdtrAcct: { Id: { IBAN: issuer.creditorIban } },
                CdtrAgt: { FinInstnId: { BIC: issuer.creditorBic } },
                ChrgBr: 'SLEV',
                CdtrSchmeId: {
                  Id: { PrvtId: { Othr: { Id: issuer.creditorId, SchmeNm: { Prtry: 'SEPA' } } } },
                },
                DrctDbtTxInf: list.map((d) => ({
                  PmtId: { EndToEndId: d.number },
                  InstdAmt: { '@_Ccy': 'EUR', '#text': amount(Number(d.due)) },
                  DrctDbtTx: { MndtRltdInf: { MndtId: d.reference, DtOfSgntr: d.signed_on } },
                  DbtrAgt: { FinInstnId: d.bic ? { BIC: d.bic } : { Othr: { Id: 'NOTPROVIDED' } } },
                  Dbtr: { Nm: sepaText(d.holder, 70) },
                  DbtrAcct: { Id: { IBAN: d.iban } },
                  RmtInf: { Ustrd: sepaText(`Facture ${d.number} ${issuer.regie}`, 140) },
                })),
              };
            }),
          },
        },
      };
      const xml = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true }).build(
        document,
      );
      for (const d of debits) {
        await m.query(
          `INSERT INTO payments (invoice_id, household_id, provider, state, amount_cents, provider_ref, settled_at)
           VALUES ($1, $2, 'direct_debit', 'paid', $3, $4, $5::date)
           ON CONFLICT (provider, provider_ref) DO NOTHING`,
          [d.invoice_id, d.household_id, Number(d.due), d.number, d.debit_date],
        );
      }
      await this.audit.record(
        {
          actor,
          action: 'billing.sepa.file',
          entity: 'sepa-file',
          details: { period, count: debits.length, total },
        },
        m,
      );
      return { xml, count: debits.length, totalCents: total };
    });
  }
}
