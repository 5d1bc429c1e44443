import PDFDocument from 'pdfkit';

export interface CertificateContent {
  /** « Attestation de présence » or « Attestation de paiement ». */
  title: string;
  number: string;
  communeName: string;
  issuedOn: string;
  /** Paragraphs of the body. */
  paragraphs: string[];
  /** Optional table: label → value lines. */
  lines?: { label: string; value: string }[];
}

/** An A4 attestation, produced with pdfkit (standard Helvetica: no font file to ship). */
export function renderCertificatePdf(content: CertificateContent): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `${content.title} ${content.number}`, Author: `Mairie de ${content.communeName}` },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(12).text(`Mairie de ${content.communeName}`);
    doc.font('Helvetica').fontSize(10).text('Portail famille');
    doc.moveDown(2);
    doc.font('Helvetica-Bold').fontSize(18).text(content.title, { align: 'center' });
    doc.font('Helvetica').fontSize(10).text(`N° ${content.number}`, { align: 'center' });
    doc.moveDown(2);
    doc.fontSize(11);
    for (const paragraph of content.paragraphs) {
      doc.text(paragraph, { align: 'justify' });
      doc.moveDown();
    }
    for (const line of content.lines ?? []) {
      doc.font('Helvetica-Bold').text(`${line.label} : `, { continued: true });
      doc.font('Helvetica').text(line.value);
    }
    doc.moveDown(2);
    doc.text(`Fait à ${content.communeName}, le ${content.issuedOn}.`);
    doc.moveDown();
    doc.text('Pour le maire, par délégation, le service des démarches.');
    doc.end();
  });
}
