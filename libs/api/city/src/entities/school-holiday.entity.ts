import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SchoolYearEntity } from './school-year.entity';

/** A school holiday period: days off, both ends included. */
@Entity('school_holidays')
@Unique('school_holidays_year_name_key', ['schoolYearId', 'name'])
@Check('school_holidays_dates_check', `"to_date" IS NULL OR "from_date" <= "to_date"`)
export class SchoolHolidayEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', name: 'school_year_id' })
  schoolYearId!: string;

  @ManyToOne(() => SchoolYearEntity, (year) => year.holidays, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_year_id' })
  schoolYear?: SchoolYearEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'date', name: 'from_date' })
  fromDate!: string;

  /** Null while the end is not published. */
  @Column({ type: 'date', name: 'to_date', nullable: true })
  toDate!: string | null;
}
