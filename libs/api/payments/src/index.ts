export * from './payments.module';
export { PaymentsService, SANDBOX_NOTIFY_QUEUE } from './payments.service';
export { HouseholdPaymentsReader, type HouseholdPayment } from './household-payments.service';
export { sandboxSignature, SANDBOX_SIGNATURE_HEADER } from './providers/sandbox.provider';
export {
  PAYFIP_NAMESPACE,
  RESULTRANS,
  soapEnvelope,
  parseSoapAnswer,
  refdetOf,
} from './providers/payfip.provider';
