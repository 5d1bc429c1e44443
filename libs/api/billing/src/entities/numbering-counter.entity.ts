import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per numbering series and year ("F-2026" invoices, "A-2026" credit notes). A number is
 * taken inside the transaction that issues the document, with the row locked (UPDATE … RETURNING):
 * a rolled-back issue gives its number back, so the series has no gap and no duplicate.
 */
@Entity('numbering_counters')
export class NumberingCounterEntity {
  @PrimaryColumn({ type: 'text' })
  series!: string;

  @Column({ type: 'integer', name: 'last_value', default: 0 })
  lastValue!: number;
}
