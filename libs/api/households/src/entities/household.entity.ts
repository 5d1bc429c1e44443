import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A family as the city knows it: one or two legal guardians, children, contacts, an address.
 * Kept (anonymised) after an RGPD closure, because invoices and payments refer to it.
 */
@Entity('households')
export class HouseholdEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', name: 'address_line1', nullable: true })
  addressLine1!: string | null;

  @Column({ type: 'text', name: 'address_line2', nullable: true })
  addressLine2!: string | null;

  @Column({ type: 'text', name: 'postal_code', nullable: true })
  postalCode!: string | null;

  @Column({ type: 'text', nullable: true })
  city!: string | null;

  /** Computed from the postal code and city when the address is set: residents pay resident rates. */
  @Column({ type: 'boolean', name: 'in_commune', default: false })
  inCommune!: boolean;

  /** Set when an agent executed the family's closure request. */
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
