import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HouseholdView, RequestEffect } from '@foyer/shared/contracts';
import { formatDateFr, formatDateLongFr, formatEuros, schoolYearStartOf } from '@foyer/shared/domain';
import { APP_CONFIG, ConflictError, InvalidInputError } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { HouseholdAccess } from '@foyer/api/households';
import { HouseholdPaymentsReader } from '@foyer/api/payments';
import { renderCertificatePdf } from '../certificate/certificate-pdf';
import type { RequestEntity } from '../entities/request.entity';
import {
  dataString,
  EffectContext,
  EffectOutcome,
  RequestEffectHandler,
  RequestEffects,
} from './request-effect';

/** What billing says a household paid in a calendar year (the attestation de paiement's content). */
export interface PaymentsOfYear {
  totalCents: number;
  lines: { label: string; amountCents: number }[];
}

/**
 * The port the attestation de paiement reads payments through: null when the household paid nothing
 * that year (nothing to certify, the approval answers 409). Bound in RequestsModule to the payments
 * domain's read service.
 */
export abstract class CertificatePayments {
  abstract paymentsOf(m: EntityManager, householdId: string, year: number): Promise<PaymentsOfYear | null>;
}

/** The payments domain's ledger: every payment received in the year, one line each. */
@Injectable()
export class LedgerCertificatePayments extends CertificatePayments {
  constructor(private readonly reader: HouseholdPaymentsReader) {
    super();
  }

  async paymentsOf(m: EntityManager, householdId: string, year: number): Promise<PaymentsOfYear | null> {
    const payments = await this.reader.paymentsOfYear(m, householdId, year);
    if (payments.length === 0) return null;
    return {
      totalCents: payments.reduce((total, p) => total + p.amountCents, 0),
      lines: payments.map((p) => ({
        label: `${formatDateFr(p.date)} – ${p.method}${p.invoiceNumber ? ` – facture ${p.invoiceNumber}` : ''}`,
        amountCents: p.amountCents,
      })),
    };
  }
}

export const CERTIFICATE_KINDS = {
  presence: 'Attestation de présence',
  paiement: 'Attestation de paiement',
} as const;

/**
 * Demande d’attestation: the approval produces the PDF (pdfkit) and attaches it to the request, where
 * the family downloads it. Présence: the child's enrolment at their school this school year.
 * Paiement: what the household paid in the year (read from payments through CertificatePayments).
 */
@Injectable()
export class CertificateHandler implements RequestEffectHandler<HouseholdView>, OnModuleInit {
  readonly effect = RequestEffect.Certificate;
  readonly formRequirements = [{ field: 'kind', type: 'string', required: true }] as const;

  constructor(
    private readonly effects: RequestEffects,
    private readonly households: HouseholdAccess,
    private readonly payments: CertificatePayments,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.effects.register(this);
  }

  prepare(request: RequestEntity): Promise<HouseholdView> {
    return this.households.getView(request.householdId);
  }

  async apply(context: EffectContext<HouseholdView>): Promise<EffectOutcome> {
    const { request, prepared: household, today } = context;
    const kind = dataString(request, 'kind');
    const names = household.guardians.map((g) => `${g.firstName} ${g.lastName}`).join(' et ');
    const address = household.address
      ? `${household.address.line1}${household.address.line2 ? `, ${household.address.line2}` : ''}, ${household.address.postalCode} ${household.address.city}`
      : 'adresse non renseignée';
    let paragraphs: string[];
    let lines: { label: string; value: string }[] = [];
    let title: string;
    if (kind === 'presence') {
      title = CERTIFICATE_KINDS.presence;
      const child = household.children.find((c) => c.id === dataString(request, 'childId'));
      if (!child)
        throw new InvalidInputError('Choisissez l’enfant concerné par l’attestation.', 'data.childId');
      if (!child.schoolName) {
        throw new ConflictError(
          `${child.firstName} n’est inscrit·e dans aucune école de la commune : pas d’attestation de présence possible.`,
        );
      }
      const start = Number(schoolYearStartOf(today).slice(0, 4));
      paragraphs = [
        `La mairie de ${this.config.communeName} atteste que l’enfant ${child.firstName} ${child.lastName}, ` +
          `né·e le ${formatDateFr(child.birthDate)}, enfant de ${names}, domicilié·e ${address}, ` +
          `est inscrit·e et accueilli·e à ${child.schoolName}` +
          `${child.classLevel ? ` en classe de ${child.classLevel}` : ''} pour l’année scolaire ${start}-${start + 1}.`,
        'Cette attestation est délivrée pour servir et valoir ce que de droit.',
      ];
    } else if (kind === 'paiement') {
      title = CERTIFICATE_KINDS.paiement;
      const year =
        typeof request.data['year'] === 'number' ? request.data['year'] : Number(today.slice(0, 4)) - 1;
      const paid = await this.payments.paymentsOf(context.m, request.householdId, year);
      if (!paid) {
        throw new ConflictError(
          `Aucun paiement n’est enregistré pour ce foyer en ${year} : il n’y a rien à attester.`,
        );
      }
      paragraphs = [
        `La mairie de ${this.config.communeName} atteste que le foyer de ${names}, domicilié ${address}, ` +
          `a réglé au titre de l’année ${year} la somme de ${formatEuros(paid.totalCents)} pour les services ` +
          `périscolaires et extrascolaires de la commune.`,
        'Cette attestation peut être jointe à votre déclaration de revenus (frais de garde des enfants de moins de 6 ans) ' +
          'ou remise à votre employeur ou à votre comité d’entreprise.',
      ];
      lines = paid.lines.map((l) => ({ label: l.label, value: formatEuros(l.amountCents) }));
    } else {
      throw new InvalidInputError('Choisissez le type d’attestation.', 'data.kind');
    }
    const content = await renderCertificatePdf({
      title,
      number: request.number,
      communeName: this.config.communeName,
      issuedOn: formatDateLongFr(today),
      paragraphs,
      lines,
    });
    const attachmentId = await context.attachGenerated({
      fileName: `${title.toLowerCase().replace(/[^a-z]+/g, '-')}-${request.number}.pdf`,
      mimeType: 'application/pdf',
      content,
    });
    await context.audit({
      action: 'request.certificate.issue',
      entity: 'request',
      entityId: request.id,
      details: { kind, attachmentId, requestNumber: request.number },
    });
    return { outcome: `${title} disponible en pièce jointe.`, result: { attachmentId, kind } };
  }
}
