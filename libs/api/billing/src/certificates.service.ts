import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ageOn, formatDateFr, formatEuros } from '@foyer/shared/domain';
import { APP_CONFIG, Clock, ConflictError } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { billingIssuer } from './issuer';
import { InvoicesService, paymentLabel } from './invoices.service';
import { issuerHeader, pdfText, renderPdf } from './pdf/invoice-pdf';

const euros = (cents: number) => pdfText(formatEuros(cents));

/**
 * Documents on demand: the payment certificate of an invoice, and the yearly certificate of childcare
 * costs for children under 6 (tax credit for "frais de garde": children under 6 on 1 January of the
 * year; meals are not childcare costs, so canteen lines are left out; only what was paid counts).
 */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly invoices: InvoicesService,
    private readonly clock: Clock,
  ) {}

  async paymentCertificate(
    invoiceId: string,
    householdId: string | null,
  ): Promise<{ pdf: Buffer; fileName: string }> {
    const invoice = await this.invoices.view(invoiceId, householdId);
    const payments: { amount_cents: number; settled_at: Date; provider: string; method: string | null }[] =
      await this.dataSource.query(
        `SELECT amount_cents, settled_at, provider, method FROM payments
          WHERE invoice_id = $1 AND state = 'paid' ORDER BY settled_at`,
        [invoiceId],
      );
    if (payments.length === 0)
      throw new ConflictError('Aucun paiement n’est encore enregistré pour cette facture.');
    const entity = await this.invoices.requireInvoice(invoiceId, householdId);
    const issuer = billingIssuer(this.config.communeName);
    const pdf = await renderPdf((doc) => {
      issuerHeader(doc, issuer);
      doc.font('Helvetica-Bold').fontSize(16).text('Attestation de paiement');
      doc.moveDown();
      doc.font('Helvetica').fontSize(10);
      doc.text(
        pdfText(
          `Le régisseur de la ${issuer.regie} certifie avoir reçu de ${entity.addressee} les sommes suivantes ` +
            `en règlement de la facture ${invoice.number} d’un montant de ${formatEuros(invoice.totalCents)} :`,
        ),
      );
      doc.moveDown(0.5);
      for (const p of payments) {
        doc.text(
          pdfText(
            `- ${formatDateFr(new Date(p.settled_at).toISOString().slice(0, 10))} : ${euros(p.amount_cents)} (${paymentLabel(p.provider, p.method)})`,
          ),
        );
      }
      doc.moveDown(0.5);
      doc.text(
        pdfText(
          `Total payé : ${euros(invoice.paidCents)}. Reste à payer : ${euros(invoice.balanceDueCents)}.`,
        ),
      );
      doc.moveDown();
      doc.text(
        pdfText(`Fait le ${formatDateFr(this.clock.today())}, pour servir et valoir ce que de droit.`),
      );
    }, `Attestation de paiement ${invoice.number}`);
    return { pdf, fileName: `attestation-paiement-${invoice.number}.pdf` };
  }

  async childcareCertificate(householdId: string, year: number): Promise<{ pdf: Buffer; fileName: string }> {
    const rows: {
      child_id: string;
      child_name: string;
      birth_date: string;
      activity_label: string;
      amount: string;
    }[] = await this.dataSource.query(
      `SELECT l.child_id, l.child_name, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, l.activity_label,
                sum(l.amount_cents) AS amount
           FROM invoices i
           JOIN invoice_lines l ON l.invoice_id = i.id
           JOIN children c ON c.id = l.child_id
           LEFT JOIN activities a ON a.id = l.activity_id
          WHERE i.household_id = $1 AND i.period LIKE $2
            AND COALESCE(a.kind, '') <> 'canteen'
            AND i.total_cents - i.credit_applied_cents
                - COALESCE((SELECT sum(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id AND p.state = 'paid'), 0)
                - COALESCE((SELECT sum(cn.amount_cents) FROM credit_notes cn WHERE cn.invoice_id = i.id), 0) <= 0
          GROUP BY l.child_id, l.child_name, c.birth_date, l.activity_label
          ORDER BY l.child_name, l.activity_label`,
      [householdId, `${year}-%`],
    );
    const eligible = rows.filter((r) => ageOn(r.birth_date, `${year}-01-01`) < 6);
    const addressee: { label: string }[] = await this.dataSource.query(
      `SELECT addressee AS label FROM invoices WHERE household_id = $1 ORDER BY issue_date DESC LIMIT 1`,
      [householdId],
    );
    const issuer = billingIssuer(this.config.communeName);
    const total = eligible.reduce((t, r) => t + Number(r.amount), 0);
    const pdf = await renderPdf((doc) => {
      issuerHeader(doc, issuer);
      doc
        .font('Helvetica-Bold')
        .fontSize(16)
        .text(pdfText(`Attestation de frais de garde ${year}`));
      doc.moveDown();
      doc.font('Helvetica').fontSize(10);
      doc.text(
        pdfText(
          `La ${issuer.regie} atteste que ${addressee[0]?.label ?? 'le foyer'} a acquitté en ${year} les frais de garde ` +
            `suivants pour ses enfants de moins de 6 ans au 1er janvier ${year} (hors frais de repas) :`,
        ),
      );
      doc.moveDown(0.5);
      for (const r of eligible) {
        doc.text(
          pdfText(
            `- ${r.child_name} (né(e) le ${formatDateFr(r.birth_date)}) : ${r.activity_label}, ${euros(Number(r.amount))}`,
          ),
        );
      }
      if (eligible.length === 0) doc.text('Aucun frais de garde acquitté pour un enfant de moins de 6 ans.');
      doc.moveDown(0.5);
      doc.font('Helvetica-Bold').text(pdfText(`Total : ${euros(total)}`));
      doc.font('Helvetica').moveDown();
      doc.text(
        pdfText(
          'Montant à déclarer au titre des frais de garde des jeunes enfants (article 200 quater B du CGI).',
        ),
      );
      doc.text(pdfText(`Fait le ${formatDateFr(this.clock.today())}.`));
    }, `Attestation de frais de garde ${year}`);
    return { pdf, fileName: `attestation-frais-de-garde-${year}.pdf` };
  }
}
