import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnnouncementAudience, ClassLevel } from '@foyer/shared/contracts';
import { parisDateOf, schoolYearOf } from '@foyer/shared/domain';
import { Clock } from '@foyer/api/core';

/** The audience part of an announcement. */
export interface AudienceTarget {
  audience: AnnouncementAudience;
  siteId: string | null;
  activityId: string | null;
  classLevel: ClassLevel | null;
}

/** What makes a household part of a targeted audience. */
export interface HouseholdTargets {
  siteIds: string[];
  classLevels: ClassLevel[];
  activityIds: string[];
}

/**
 * Who an announcement reaches: the one place that turns an audience into families, and a family
 * into the audiences it belongs to. It reads the households domain's `children` table in SQL (read
 * only, reviewed: HouseholdAccess has no query by school or level).
 *
 * Activity audiences resolve to the families with a child whose enrolment in the activity is
 * approved for the current school year. They read the bookings domain's `enrollments` and
 * `activities` tables in SQL (read only, reviewed in docs/channels.md: EnrollmentsService has no
 * query by activity).
 */
@Injectable()
export class AudienceResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Open households of the audience; `everyone` means every open household with a guardian. */
  async householdsOf(target: AudienceTarget): Promise<string[]> {
    let rows: { household_id: string }[];
    switch (target.audience) {
      case AnnouncementAudience.Everyone:
        rows = await this.dataSource.query(
          `SELECT DISTINCT g.household_id FROM household_guardians g
             JOIN households h ON h.id = g.household_id WHERE h.closed_at IS NULL`,
        );
        break;
      case AnnouncementAudience.Site:
        rows = await this.dataSource.query(
          `SELECT DISTINCT c.household_id FROM children c JOIN households h ON h.id = c.household_id
            WHERE h.closed_at IS NULL AND c.school_site_id = $1`,
          [target.siteId],
        );
        break;
      case AnnouncementAudience.ClassLevel:
        rows = await this.dataSource.query(
          `SELECT DISTINCT c.household_id FROM children c JOIN households h ON h.id = c.household_id
            WHERE h.closed_at IS NULL AND c.class_level = $1`,
          [target.classLevel],
        );
        break;
      case AnnouncementAudience.Activity:
        rows = await this.enrolledIn(target.activityId);
        break;
      default:
        rows = [];
    }
    return rows.map((r) => r.household_id).sort();
  }

  /** The sites, levels and activities of a household's children. */
  async targetsOf(householdId: string): Promise<HouseholdTargets> {
    const rows: { school_site_id: string | null; class_level: ClassLevel | null }[] =
      await this.dataSource.query(
        `SELECT c.school_site_id, c.class_level FROM children c JOIN households h ON h.id = c.household_id
          WHERE c.household_id = $1 AND h.closed_at IS NULL`,
        [householdId],
      );
    const unique = <T>(values: (T | null)[]) => [...new Set(values.filter((v): v is T => v !== null))];
    return {
      siteIds: unique(rows.map((r) => r.school_site_id)),
      classLevels: unique(rows.map((r) => r.class_level)),
      activityIds: await this.activitiesOf(householdId),
    };
  }

  /** The names of the bookings activities, by id (validation and audience labels). */
  async activityNames(): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM activities`,
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private schoolYear(): string {
    return schoolYearOf(parisDateOf(this.clock.now()));
  }

  /** Open families with a child whose enrolment in the activity is approved this school year. */
  private async enrolledIn(activityId: string | null): Promise<{ household_id: string }[]> {
    if (!activityId) return [];
    return this.dataSource.query(
      `SELECT DISTINCT c.household_id FROM enrollments e
         JOIN children c ON c.id = e.child_id JOIN households h ON h.id = c.household_id
        WHERE h.closed_at IS NULL AND e.activity_id = $1 AND e.status = 'approved' AND e.school_year = $2`,
      [activityId, this.schoolYear()],
    );
  }

  /** Activities a household's children are enrolled in (approved, this school year). */
  private async activitiesOf(householdId: string): Promise<string[]> {
    const rows: { activity_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT e.activity_id FROM enrollments e JOIN children c ON c.id = e.child_id
         JOIN households h ON h.id = c.household_id
        WHERE c.household_id = $1 AND h.closed_at IS NULL AND e.status = 'approved' AND e.school_year = $2
        ORDER BY e.activity_id`,
      [householdId, this.schoolYear()],
    );
    return rows.map((r) => r.activity_id);
  }
}
