import PDFDocument from 'pdfkit';
import { InvoiceView } from '@foyer/shared/contracts';
import { formatDateFr, formatEuros } from '@foyer/shared/domain';
import type { BillingIssuer } from '../issuer';
import { periodLabel } from '../invoices.service';

/** The standard PDF fonts speak WinAnsi: French typography's narrow no-break spaces become spaces. */
export function pdfText(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

const euros = (cents: number) => pdfText(formatEuros(cents));

/** Renders a document with pdfkit into one Buffer. */
export function renderPdf(draw: (doc: PDFKit.PDFDocument) => void, title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      info: { Title: title, Author: 'Foyer' },
      lang: 'fr-FR',
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

export function issuerHeader(doc: PDFKit.PDFDocument, issuer: BillingIssuer): void {
  doc
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(pdfText(`Ville de ${issuer.commune}`));
  doc.font('Helvetica').fontSize(9);
  doc.text(pdfText(issuer.regie));
  doc.text(pdfText(issuer.address));
  doc.text(`SIRET ${issuer.siret}`);
  doc.moveDown();
}

/**
 * The invoice as a municipal invoice must state it: the issuer and its régie, the number, the dates,
 * the lines grouped by child and activity with how each was computed, the totals, the ways to pay and
 * the appeal route.
 */
export function invoicePdf(
  invoice: InvoiceView,
  addressee: string,
  issuer: BillingIssuer,
  paymentUrl: string,
): Promise<Buffer> {
  return renderPdf((doc) => {
    issuerHeader(doc, issuer);
    doc.font('Helvetica-Bold').fontSize(16).text(`Facture ${invoice.number}`);
    doc.font('Helvetica').fontSize(10);
    doc.text(pdfText(`Destinataire : ${addressee}`));
    doc.text(pdfText(`Période facturée : ${periodLabel(invoice.period)}`));
    doc.text(`Date d'émission : ${formatDateFr(invoice.issueDate)}`);
    doc.text(`Date limite de paiement : ${formatDateFr(invoice.dueDate)}`);
    if (invoice.directDebitDate) {
      doc.text(`Prélèvement SEPA le ${formatDateFr(invoice.directDebitDate)}`);
    }
    doc.moveDown();

    // Lines grouped by child, then activity, in the invoice's order.
    const groups = new Map<string, typeof invoice.lines>();
    for (const line of invoice.lines) {
      const key = `${line.childName ?? 'Foyer'} - ${line.activityLabel}`;
      groups.set(key, [...(groups.get(key) ?? []), line]);
    }
    for (const [title, lines] of groups) {
      doc.font('Helvetica-Bold').fontSize(11).text(pdfText(title));
      doc.font('Helvetica').fontSize(9);
      for (const line of lines) {
        const y = doc.y;
        doc.text(pdfText(line.explanation.text), 60, y, { width: 390 });
        const after = doc.y;
        doc.text(euros(line.amountCents), 460, y, { width: 85, align: 'right' });
        doc.y = Math.max(after, doc.y);
        doc.x = 50;
      }
      doc.moveDown(0.5);
    }

    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').fontSize(11);
    const total = (label: string, cents: number) => {
      const y = doc.y;
      doc.text(pdfText(label), 50, y, { width: 400 });
      doc.text(euros(cents), 460, y, { width: 85, align: 'right' });
      doc.x = 50;
    };
    total('Total de la facture', invoice.totalCents);
    doc.font('Helvetica').fontSize(10);
    if (invoice.creditAppliedCents > 0)
      total('Crédit déjà à votre compte, déduit', -invoice.creditAppliedCents);
    if (invoice.creditNotesCents > 0) total('Avoirs', -invoice.creditNotesCents);
    if (invoice.paidCents > 0) total('Déjà payé', -invoice.paidCents);
    doc.font('Helvetica-Bold');
    total('Reste à payer', invoice.balanceDueCents);
    doc.moveDown();

    doc.font('Helvetica-Bold').fontSize(10).text('Comment payer');
    doc.font('Helvetica').fontSize(9);
    const ways = [
      invoice.directDebitDate
        ? "Cette facture sera prélevée sur votre compte selon votre mandat SEPA : vous n'avez rien à faire."
        : `En ligne, par carte bancaire, sur le portail famille : ${paymentUrl}`,
      `Au guichet de la ${issuer.regie} : espèces (300 € au plus), chèque à l'ordre du Trésor public, CESU, chèques vacances.`,
      `Par virement : IBAN ${issuer.creditorIban}, BIC ${issuer.creditorBic}, en indiquant le numéro ${invoice.number}.`,
      `Passé la date limite, le recouvrement est confié au comptable public (${issuer.comptable}).`,
    ];
    for (const way of ways) doc.text(pdfText(`- ${way}`));
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(10).text('Voies et délais de recours');
    doc.font('Helvetica').fontSize(8).text(pdfText(issuer.appeal));
  }, `Facture ${invoice.number}`);
}
