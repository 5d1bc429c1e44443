import { Check, Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { SchoolHolidayEntity } from './school-holiday.entity';

/** One school year of the national calendar for the city's zone. */
@Entity('school_years')
@Check('school_years_dates_check', `"first_school_day" < "last_school_day"`)
export class SchoolYearEntity {
  /** "2026-2027" */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'char', length: 1 })
  zone!: 'A' | 'B' | 'C';

  @Column({ type: 'date', name: 'first_school_day' })
  firstSchoolDay!: string;

  @Column({ type: 'date', name: 'last_school_day' })
  lastSchoolDay!: string;

  /** ISO weekdays with class (1 = Monday). */
  @Column({ type: 'smallint', array: true, name: 'class_weekdays' })
  classWeekdays!: number[];

  @OneToMany(() => SchoolHolidayEntity, (holiday) => holiday.schoolYear)
  holidays?: SchoolHolidayEntity[];
}
