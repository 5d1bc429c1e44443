import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last request number given each year: `INSERT … ON CONFLICT DO UPDATE … RETURNING` takes the next. */
@Entity('request_counters')
export class RequestCounterEntity {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer', name: 'last_value' })
  lastValue!: number;
}
