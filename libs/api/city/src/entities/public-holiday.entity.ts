import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A national public holiday (jour férié): every service is closed. */
@Entity('public_holidays')
export class PublicHolidayEntity {
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  name!: string;
}
