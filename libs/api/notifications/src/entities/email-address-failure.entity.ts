import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An address the mail server refused for good (e.g. 550 user unknown). The account page says
 * « adresse e-mail en échec » until a mail to it is delivered again or the address changes.
 */
@Entity('email_address_failures')
export class EmailAddressFailureEntity {
  /** Lowercased. */
  @PrimaryColumn({ type: 'text' })
  address!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'timestamptz', name: 'failed_at' })
  failedAt!: Date;
}
