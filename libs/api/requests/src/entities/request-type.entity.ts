import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  AgentScope,
  RequestEffect,
  RequestFormSchema,
  RequiredDocumentView,
} from '@foyer/shared/contracts';

/** A kind of démarche: its form (JSON Schema), who processes it, its target, what approving it does. */
@Entity('request_types')
@Check('request_types_target_days_check', `"target_days" BETWEEN 1 AND 365`)
@Check('request_types_scope_check', `"scope" IN ('enfance', 'facturation', 'demarches')`)
@Check(
  'request_types_effect_check',
  `"effect" IN ('none', 'school_enrolment', 'activity_enrolment', 'quotient_update', 'creche_place', 'certificate', 'address_change')`,
)
export class RequestTypeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'jsonb' })
  form!: RequestFormSchema;

  @Column({ type: 'jsonb', name: 'required_documents', default: () => `'[]'` })
  requiredDocuments!: RequiredDocumentView[];

  @Column({ type: 'text' })
  scope!: AgentScope;

  @Column({ type: 'text' })
  effect!: RequestEffect;

  @Column({ type: 'integer', name: 'target_days' })
  targetDays!: number;

  @Column({ type: 'boolean', name: 'several_open_allowed', default: false })
  severalOpenAllowed!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
