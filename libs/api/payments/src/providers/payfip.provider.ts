import { Inject, Injectable } from '@nestjs/common';
import { XMLParser } from 'fast-xml-parser';
import { PaymentState } from '@foyer/shared/contracts';
import { APP_CONFIG } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { PaymentProvider, ProviderStatus, StartRequest } from './payment-provider';

/** The service's namespace, as its WSDL (PaiementSecuriseService) defines it. */
export const PAYFIP_NAMESPACE =
  'http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService';

/** resultrans: P paid by card, V paid by direct debit, R card refused, Z debit refused, A abandoned. */
export const RESULTRANS: Record<string, PaymentState> = {
  P: PaymentState.Paid,
  V: PaymentState.Paid,
  R: PaymentState.Refused,
  Z: PaymentState.Refused,
  A: PaymentState.Abandoned,
};

export class PayfipFault extends Error {
  constructor(
    readonly code: string,
    readonly libelle: string,
  ) {
    super(`PayFiP ${code}: ${libelle}`);
  }
}

const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A SOAP 1.1 document/literal envelope: the operation's element holds `arg0` with its fields. */
export function soapEnvelope(operation: string, arg0: Record<string, string | number>): string {
  const fields = Object.entries(arg0)
    .map(([k, v]) => `<${k}>${xmlEscape(String(v))}</${k}>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:pai="${PAYFIP_NAMESPACE}">` +
    `<soapenv:Header/><soapenv:Body><pai:${operation}><arg0>${fields}</arg0></pai:${operation}></soapenv:Body></soapenv:Envelope>`
  );
}

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: true });

/** The `return` of an operation's answer, or the FonctionnelleErreur of a fault, thrown. */
export function parseSoapAnswer(operation: string, xml: string): Record<string, string> {
  type XmlNode = { [key: string]: XmlNode | string | undefined };
  const child = (node: XmlNode | string | undefined, key: string): XmlNode | undefined =>
    node && typeof node === 'object' ? (node[key] as XmlNode | undefined) : undefined;
  const text = (node: XmlNode | undefined, key: string): string | undefined => {
    const value = node?.[key];
    return typeof value === 'string' ? value : undefined;
  };
  const body = child(child(parser.parse(xml) as XmlNode, 'Envelope'), 'Body');
  if (!body) throw new Error('PayFiP: answer without a SOAP body');
  const fault = child(body, 'Fault');
  if (fault) {
    const detail = child(fault, 'detail');
    const error =
      child(detail, 'FonctionnelleErreur') ??
      child(detail, 'TechDysfonctionnementErreur') ??
      child(detail, 'TechIndisponibiliteErreur') ??
      child(detail, 'TechProtocolaireErreur');
    throw new PayfipFault(
      text(error, 'code') ?? text(fault, 'faultcode') ?? 'inconnu',
      text(error, 'libelle') ?? text(fault, 'faultstring') ?? '',
    );
  }
  const answer = child(child(body, `${operation}Response`), 'return');
  if (!answer) throw new Error(`PayFiP: no return in ${operation}Response`);
  return answer as Record<string, string>;
}

/** refdet: letters and digits only, 1 to 30 (the service's rule). F-2027-000123 → F2027000123. */
export function refdetOf(invoiceNumber: string): string {
  return invoiceNumber.replace(/[^A-Za-z0-9]/g, '').slice(0, 30);
}

/** objet: letters, digits and spaces, at most 100. */
export function objetOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
}

/**
 * DGFiP PayFiP web service: creerPaiementSecurise gives an idOp, the resident pays at
 * PAYFIP_PAYMENT_URL?idop=…, PayFiP notifies urlnotif with the idop, and the portal asks
 * recupererDetailPaiementSecurise for the outcome (resultrans). Fault P5: still in progress;
 * P1: unknown (purged), treated as expired.
 */
@Injectable()
export class PayfipProvider extends PaymentProvider {
  readonly name = 'payfip' as const;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  private async call(
    operation: string,
    arg0: Record<string, string | number>,
  ): Promise<Record<string, string>> {
    const response = await fetch(this.config.payment.payfip.url, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '""' },
      body: soapEnvelope(operation, arg0),
      signal: AbortSignal.timeout(15_000),
    });
    return parseSoapAnswer(operation, await response.text());
  }

  async start(request: StartRequest): Promise<{ providerRef: string; redirectUrl: string }> {
    const answer = await this.call('creerPaiementSecurise', {
      exer: request.year,
      mel: request.email,
      montant: request.amountCents,
      numcli: this.config.payment.payfip.numcli,
      objet: objetOf(`Facture ${request.invoiceNumber}`),
      refdet: refdetOf(request.invoiceNumber),
      saisie: this.config.payment.payfip.saisie,
      urlnotif: request.notificationUrl,
      urlredirect: request.returnUrl,
    });
    const idOp = String(answer['idOp'] ?? '');
    if (!/^[0-9a-f-]{36}$/i.test(idOp)) throw new Error('PayFiP: creerPaiementSecurise gave no idOp');
    return { providerRef: idOp, redirectUrl: `${this.config.payment.payfip.paymentUrl}?idop=${idOp}` };
  }

  readNotification(body: Record<string, unknown>): string | null {
    const idop = body['idop'] ?? body['idOp'];
    return typeof idop === 'string' && /^[0-9a-f-]{36}$/i.test(idop) ? idop : null;
  }

  async status(providerRef: string): Promise<ProviderStatus> {
    try {
      const answer = await this.call('recupererDetailPaiementSecurise', { idOp: providerRef });
      const state = RESULTRANS[answer['resultrans']] ?? PaymentState.Pending;
      return { state, amountCents: answer['montant'] ? Number(answer['montant']) : null, details: answer };
    } catch (error) {
      if (error instanceof PayfipFault && error.code === 'P5') {
        return { state: PaymentState.Pending, amountCents: null, details: { fault: 'P5' } };
      }
      if (error instanceof PayfipFault && error.code === 'P1') {
        return { state: PaymentState.Expired, amountCents: null, details: { fault: 'P1' } };
      }
      throw error;
    }
  }
}
