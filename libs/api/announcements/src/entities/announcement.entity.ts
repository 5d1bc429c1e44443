import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AnnouncementAudience, AnnouncementImportance, ClassLevel } from '@foyer/shared/contracts';

/**
 * A notice of the city (the news section): shown on the home page between its publication and
 * expiry instants to its audience, and sent to the targeted families when important.
 */
@Entity('announcements')
@Index('announcements_window_idx', ['publishAt', 'expireAt'])
@Check('announcements_audience_check', `"audience" IN ('everyone', 'site', 'activity', 'class-level')`)
@Check('announcements_importance_check', `"importance" IN ('normal', 'important')`)
@Check(
  'announcements_target_check',
  `("audience" = 'site') = ("site_id" IS NOT NULL) AND ("audience" = 'activity') = ("activity_id" IS NOT NULL) AND ("audience" = 'class-level') = ("class_level" IS NOT NULL)`,
)
@Check(
  'announcements_class_level_check',
  `"class_level" IN ('PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2')`,
)
@Check('announcements_window_check', `"expire_at" IS NULL OR "expire_at" > "publish_at"`)
export class AnnouncementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  /** Plain text with links, never HTML. */
  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  importance!: AnnouncementImportance;

  @Column({ type: 'text' })
  audience!: AnnouncementAudience;

  @Column({ type: 'uuid', name: 'site_id', nullable: true })
  siteId!: string | null;

  /** Foreign key to city's sites, named by string: the other domain's entity is not imported. */
  @ManyToOne('SiteEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id' })
  readonly site?: unknown;

  @Column({ type: 'uuid', name: 'activity_id', nullable: true })
  activityId!: string | null;

  /** Foreign key to bookings' activities, named by string: the other domain's entity is not imported. */
  @ManyToOne('ActivityEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  readonly activity?: unknown;

  @Column({ type: 'text', name: 'class_level', nullable: true })
  classLevel!: ClassLevel | null;

  @Column({ type: 'timestamptz', name: 'publish_at' })
  publishAt!: Date;

  @Column({ type: 'timestamptz', name: 'expire_at', nullable: true })
  expireAt!: Date | null;

  /** Set, in the transaction that notifies, when an important announcement went to its families. */
  @Column({ type: 'timestamptz', name: 'notified_at', nullable: true })
  notifiedAt!: Date | null;

  @Column({ type: 'integer', name: 'notified_households', default: 0 })
  notifiedHouseholds!: number;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
