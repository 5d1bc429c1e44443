import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ActivityEntity } from './activity.entity';

/** Bookings of a holiday period at the holiday centre open and close at set instants. */
@Entity('holiday_campaigns')
@Index('holiday_campaigns_activity_period_key', ['activityId', 'periodFrom'], { unique: true })
@Check('holiday_campaigns_dates_check', `"period_to" >= "period_from" AND "closes_at" > "opens_at"`)
export class HolidayCampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'activity_id' })
  activityId!: string;

  @ManyToOne(() => ActivityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: ActivityEntity;

  @Column({ type: 'text', name: 'period_name' })
  periodName!: string;

  @Column({ type: 'date', name: 'period_from' })
  periodFrom!: string;

  @Column({ type: 'date', name: 'period_to' })
  periodTo!: string;

  @Column({ type: 'timestamptz', name: 'opens_at' })
  opensAt!: Date;

  @Column({ type: 'timestamptz', name: 'closes_at' })
  closesAt!: Date;
}
