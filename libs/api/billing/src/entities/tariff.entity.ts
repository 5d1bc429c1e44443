import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TariffMethod, TariffRules } from '@foyer/shared/contracts';

/**
 * The price rules of one activity for a validity period (both ends included; `valid_to` null: open).
 * Periods of one activity never overlap: the service checks it under an advisory lock per activity.
 */
@Entity('tariffs')
@Index('tariffs_activity_idx', ['activityId', 'validFrom'])
@Check('tariffs_method_check', `"method" IN ('brackets', 'effort_rate', 'flat')`)
@Check('tariffs_period_check', `"valid_to" IS NULL OR "valid_to" >= "valid_from"`)
export class TariffEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** An activity of the bookings domain. */
  @Column({ type: 'uuid', name: 'activity_id' })
  activityId!: string;

  @Column({ type: 'date', name: 'valid_from' })
  validFrom!: string;

  @Column({ type: 'date', name: 'valid_to', nullable: true })
  validTo!: string | null;

  @Column({ type: 'text' })
  method!: TariffMethod;

  /** TariffRules without the method, validated by the DTO and `tariffRulesProblems`. */
  @Column({ type: 'jsonb' })
  rules!: Omit<TariffRules, 'method'>;

  @Column({ type: 'text', name: 'unit_one' })
  unitOne!: string;

  @Column({ type: 'text', name: 'unit_many' })
  unitMany!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
