import { PaymentNotificationEntity } from './payment-notification.entity';
import { PaymentEntity } from './payment.entity';

export { PaymentEntity, PaymentNotificationEntity };

/** The tables of the payments domain (imported only by the module and apps/api/src/entities.ts). */
export const paymentsEntities = [PaymentEntity, PaymentNotificationEntity];
