import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ActivityKind,
  AttendanceMark,
  AttendanceSheetView,
  Diet,
  MarkAttendanceRequest,
  MealCountsView,
} from '@foyer/shared/contracts';
import { AuditService, Clock, ConflictError, InvalidInputError, NotFoundError } from '@foyer/api/core';
import type { Actor } from '@foyer/api/households';
import { CityService } from '@foyer/api/city';
import { DayRules } from './day-rules';
import { ActivityEntity, ActivityOfferEntity } from './entities';
import { Families } from './families';
import { returning } from './sql';

/**
 * Attendance (pointage) at the school gate and the kitchen's meal counts. The expected list is the
 * day's bookings (booked, offered, sick) plus walk-ins; each child comes with what the agent must
 * know (allergies, diet, PAI, who may pick them up), read from the households tables.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly city: CityService,
    private readonly families: Families,
    private readonly rules: DayRules,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async sheet(siteId: string, activityId: string, date: string): Promise<AttendanceSheetView> {
    const [site, activity] = await this.siteAndActivity(siteId, activityId);
    const rows: {
      child_id: string;
      booked: boolean;
      mark: AttendanceMark | null;
      locked: boolean;
      status: string | null;
    }[] = await this.dataSource.query(
      `SELECT coalesce(b.child_id, a.child_id) AS child_id, b.id IS NOT NULL AS booked, a.mark,
              coalesce(a.locked, FALSE) OR coalesce(b.locked, FALSE) AS locked, b.status
         FROM (SELECT bk.* FROM bookings bk JOIN activity_offers o ON o.id = bk.offer_id
                WHERE o.site_id = $1 AND bk.activity_id = $2 AND bk.date = $3
                  AND bk.status IN ('booked', 'offered', 'absent_sick')) b
         FULL JOIN (SELECT * FROM attendance WHERE site_id = $1 AND activity_id = $2 AND date = $3) a
           ON a.child_id = b.child_id`,
      [siteId, activityId, date],
    );
    const children = await this.families.children(rows.map((r) => r.child_id));
    const list = rows
      .map((r) => {
        const c = children.get(r.child_id);
        if (!c) return null;
        return {
          childId: c.id,
          householdId: c.householdId,
          firstName: c.firstName,
          lastName: c.lastName,
          classLevel: c.classLevel,
          booked: r.booked,
          mark: r.mark ?? (r.status === 'absent_sick' ? AttendanceMark.Absent : null),
          allergies: c.allergies,
          diet: c.diet,
          pai: c.pai,
          authorisedPickups: c.authorisedPickups,
        };
      })
      .filter((c): c is NonNullable<typeof c> => c !== null)
      .sort(
        (a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'),
      );
    return {
      siteId,
      siteName: site.name,
      activityId,
      activityName: activity.name,
      date,
      locked: rows.some((r) => r.locked),
      children: list,
    };
  }

  /** One tap: present, absent or absent justified; a child without booking present is a walk-in. */
  async mark(agent: Actor, dto: MarkAttendanceRequest): Promise<AttendanceSheetView> {
    await this.siteAndActivity(dto.siteId, dto.activityId);
    if (dto.date > this.clock.today()) {
      throw new InvalidInputError('On ne peut pointer un jour à venir.', 'date');
    }
    const child = await this.families.child(dto.childId);
    if (!child) throw new NotFoundError('Cet enfant est introuvable.');
    await this.dataSource.transaction(async (m) => {
      const [booking] = (await m.query(
        `SELECT b.id, b.locked FROM bookings b JOIN activity_offers o ON o.id = b.offer_id
          WHERE b.child_id = $1 AND b.activity_id = $2 AND b.date = $3 AND o.site_id = $4
            AND b.status IN ('booked', 'offered', 'absent_sick')`,
        [dto.childId, dto.activityId, dto.date, dto.siteId],
      )) as { id: string; locked: boolean }[];
      const walkIn = !booking;
      if (walkIn && dto.mark !== AttendanceMark.Present) {
        throw new InvalidInputError('Un enfant sans réservation ne peut être pointé que présent.', 'mark');
      }
      if (booking?.locked)
        throw new ConflictError('Cette période est facturée : le pointage est verrouillé.');
      const rows = await returning<{ id: string }>(
        m,
        `INSERT INTO attendance (child_id, household_id, activity_id, site_id, date, mark, walk_in, marked_by, marked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (child_id, activity_id, date) DO UPDATE
           SET mark = EXCLUDED.mark, walk_in = EXCLUDED.walk_in, marked_by = EXCLUDED.marked_by,
               marked_at = EXCLUDED.marked_at, site_id = EXCLUDED.site_id
           WHERE NOT attendance.locked
         RETURNING id`,
        [
          dto.childId,
          child.householdId,
          dto.activityId,
          dto.siteId,
          dto.date,
          dto.mark,
          walkIn,
          agent.id,
          this.clock.now(),
        ],
      );
      if (rows.length === 0)
        throw new ConflictError('Cette période est facturée : le pointage est verrouillé.');
      await this.audit.record(
        {
          actor: agent,
          action: walkIn ? 'attendance.walk-in' : 'attendance.mark',
          entity: 'attendance',
          entityId: rows[0].id,
          householdId: child.householdId,
          details: { date: dto.date, activityId: dto.activityId, mark: dto.mark },
        },
        m,
      );
    });
    return this.sheet(dto.siteId, dto.activityId, dto.date);
  }

  /**
   * Meals per school for a day: the canteen bookings (booked or offered), by diet. Final once the
   * canteen's booking deadline of the day has passed.
   */
  async mealCounts(date: string): Promise<MealCountsView> {
    const ctx = await this.rules.load(date, date);
    const canteens = [...ctx.activities.values()].filter((a) => a.entity.kind === ActivityKind.Canteen);
    const rows: { site_id: string; diet: string; n: number }[] = await this.dataSource.query(
      `SELECT o.site_id, c.diet, count(*)::int AS n
         FROM bookings b JOIN activity_offers o ON o.id = b.offer_id JOIN children c ON c.id = b.child_id
        WHERE b.date = $1 AND b.status IN ('booked', 'offered') AND b.activity_id = ANY($2::uuid[])
        GROUP BY o.site_id, c.diet`,
      [date, canteens.map((a) => a.entity.id)],
    );
    const sites = await this.city.listSites();
    const offered = new Set(
      ctx.offers.filter((o) => canteens.some((a) => a.entity.id === o.activityId)).map((o) => o.siteId),
    );
    const final = canteens.length > 0 && canteens.every((a) => ctx.now >= ctx.deadline(a, date, false));
    return {
      date,
      final,
      rows: sites
        .filter((s) => offered.has(s.id))
        .map((s) => {
          const diets: Record<string, number> = Object.fromEntries(Object.values(Diet).map((d) => [d, 0]));
          for (const r of rows.filter((x) => x.site_id === s.id)) diets[r.diet] = (diets[r.diet] ?? 0) + r.n;
          return {
            siteId: s.id,
            siteName: s.name,
            date,
            total: Object.values(diets).reduce((a, b) => a + b, 0),
            diets,
          };
        }),
    };
  }

  /** The same counts as CSV (RFC 4180, « ; » separated for French spreadsheets, UTF-8 with BOM). */
  async mealCountsCsv(date: string): Promise<string> {
    const view = await this.mealCounts(date);
    const diets = Object.values(Diet);
    const header = ['date', 'site', 'total', ...diets];
    const quote = (v: string | number) => {
      const text = String(v);
      return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const lines = [
      header,
      ...view.rows.map((r) => [r.date, r.siteName, r.total, ...diets.map((d) => r.diets[d] ?? 0)]),
    ];
    return '\uFEFF' + lines.map((l) => l.map(quote).join(';')).join('\r\n') + '\r\n';
  }

  private async siteAndActivity(siteId: string, activityId: string) {
    const [sites, activity, offer] = await Promise.all([
      this.city.listSites(),
      this.dataSource.getRepository(ActivityEntity).findOneBy({ id: activityId }),
      this.dataSource.getRepository(ActivityOfferEntity).findOneBy({ siteId, activityId }),
    ]);
    const site = sites.find((s) => s.id === siteId);
    if (!site) throw new NotFoundError('Ce site est introuvable.');
    if (!activity) throw new NotFoundError('Cette activité est introuvable.');
    if (!offer) throw new InvalidInputError('Cette activité n’est pas proposée sur ce site.', 'activityId');
    return [site, activity] as const;
  }
}
