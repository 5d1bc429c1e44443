import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SiteKind } from '@foyer/shared/contracts';

/** A place where the city runs a service: a school (canteen, care) or a leisure centre. */
@Entity('sites')
@Check('sites_kind_check', `"kind" IN ('school', 'leisure_centre')`)
export class SiteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stable short name used by the seed and imports, e.g. "ecole-jean-jaures". */
  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  kind!: SiteKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  address!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
