import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AgentEnrollmentView,
  DecideEnrollmentRequest,
  EnrollmentStatus,
  EnrollmentView,
  NotificationTopic,
  RequestEnrollmentRequest,
} from '@foyer/shared/contracts';
import { AuditService, Clock, ConflictError, InvalidInputError, NotFoundError } from '@foyer/api/core';
import { CityService } from '@foyer/api/city';
import type { Actor } from '@foyer/api/households';
import { NotificationsService } from '@foyer/api/notifications';
import { ActivityEntity, ActivityOfferEntity } from './entities';
import { Families } from './families';
import { returning } from './sql';

/**
 * Enrolments (inscriptions): a parent asks for a child, an activity, a site and a school year; an
 * agent of scope enfance approves or refuses with a reason and the family is told. Booking needs an
 * approved enrolment of the day's school year.
 */
@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly families: Families,
    private readonly city: CityService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(user: Actor, childId: string): Promise<EnrollmentView[]> {
    const child = await this.families.ownChild(user, childId);
    const views = await this.views('e.child_id = $1', [child.id]);
    return views;
  }

  async request(user: Actor, childId: string, dto: RequestEnrollmentRequest): Promise<EnrollmentView> {
    const child = await this.families.ownChild(user, childId);
    const activity = await this.dataSource.getRepository(ActivityEntity).findOneBy({ id: dto.activityId });
    if (!activity) throw new InvalidInputError('Cette activité est introuvable.', 'activityId');
    const offer = await this.dataSource
      .getRepository(ActivityOfferEntity)
      .findOneBy({ activityId: dto.activityId, siteId: dto.siteId });
    if (!offer) throw new InvalidInputError('Cette activité n’est pas proposée sur ce site.', 'siteId');
    const years = (await this.city.listSchoolYears()).map((y) => y.schoolYear);
    if (!years.includes(dto.schoolYear)) {
      throw new InvalidInputError('Cette année scolaire n’est pas ouverte aux inscriptions.', 'schoolYear');
    }
    const present: { type: string }[] = await this.dataSource.query(
      `SELECT DISTINCT type FROM household_documents
        WHERE household_id = $1 AND (child_id IS NULL OR child_id = $2) AND (expires_on IS NULL OR expires_on >= $3)`,
      [child.householdId, child.id, this.clock.today()],
    );
    const missing = activity.requiredDocuments.filter((d) => !present.some((p) => p.type === d));
    const id = await this.families.write(child.householdId, user, async ({ m, audit }) => {
      const rows = await returning<{ id: string }>(
        m,
        `INSERT INTO enrollments (child_id, household_id, activity_id, site_id, school_year, status, missing_documents, requested_at)
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7)
         ON CONFLICT (child_id, activity_id, school_year) WHERE status IN ('pending', 'approved') DO NOTHING
         RETURNING id`,
        [child.id, child.householdId, activity.id, dto.siteId, dto.schoolYear, missing, this.clock.now()],
      );
      if (rows.length === 0) {
        throw new ConflictError(
          `${child.firstName} est déjà inscrit(e) ou en attente pour « ${activity.name} » cette année.`,
        );
      }
      await audit({
        action: 'enrollment.request',
        entity: 'enrollment',
        entityId: rows[0].id,
        details: { activityId: activity.id, siteId: dto.siteId, schoolYear: dto.schoolYear, missing },
      });
      return rows[0].id;
    });
    const [view] = await this.views('e.id = $1', [id]);
    return view;
  }

  /** Agents: pending first, then the latest decisions. */
  async listForAgents(status?: EnrollmentStatus): Promise<AgentEnrollmentView[]> {
    return this.views(status ? 'e.status = $1' : 'TRUE', status ? [status] : [], 500);
  }

  async decide(
    agent: Actor,
    enrollmentId: string,
    dto: DecideEnrollmentRequest,
  ): Promise<AgentEnrollmentView> {
    const reason = dto.reason?.trim() || null;
    if (dto.decision === 'refuse' && !reason) {
      throw new InvalidInputError('Indiquez le motif du refus.', 'reason');
    }
    const [current] = await this.views('e.id = $1', [enrollmentId]);
    if (!current) throw new NotFoundError('Cette inscription est introuvable.');
    await this.families.write(current.householdId, agent, async ({ m, audit }) => {
      const rows = await returning<{ id: string }>(
        m,
        `UPDATE enrollments SET status = $2, reason = $3, decided_by = $4, decided_at = $5
          WHERE id = $1 AND status = 'pending' RETURNING id`,
        [
          enrollmentId,
          dto.decision === 'approve' ? EnrollmentStatus.Approved : EnrollmentStatus.Refused,
          reason,
          agent.id,
          this.clock.now(),
        ],
      );
      if (rows.length === 0) throw new ConflictError('Cette inscription a déjà été traitée.');
      const recipients = await this.families.recipients(m, [current.householdId]);
      await this.notifications.notify(
        recipients.get(current.householdId) ?? [],
        NotificationTopic.EnrolmentDecision,
        {
          childFirstName: current.childName,
          activityLabel: `${current.activityName} (${current.siteName}, ${current.schoolYear})`,
          decision: dto.decision === 'approve' ? 'accepted' : 'refused',
          ...(reason ? { reason } : {}),
        },
        m,
      );
      await audit({
        action: dto.decision === 'approve' ? 'enrollment.approve' : 'enrollment.refuse',
        entity: 'enrollment',
        entityId: enrollmentId,
        details: { reason },
      });
    });
    const [view] = await this.views('e.id = $1', [enrollmentId]);
    return view;
  }

  private async views(where: string, params: unknown[], limit = 200): Promise<AgentEnrollmentView[]> {
    const rows: {
      id: string;
      child_id: string;
      household_id: string;
      first_name: string;
      activity_id: string;
      activity_name: string;
      site_id: string;
      school_year: string;
      status: EnrollmentStatus;
      reason: string | null;
      requested_at: Date;
      decided_at: Date | null;
      missing_documents: string[];
    }[] = await this.dataSource.query(
      `SELECT e.id, e.child_id, e.household_id, c.first_name, e.activity_id, a.name AS activity_name, e.site_id,
              e.school_year, e.status, e.reason, e.requested_at, e.decided_at, e.missing_documents
         FROM enrollments e JOIN children c ON c.id = e.child_id JOIN activities a ON a.id = e.activity_id
        WHERE ${where}
        ORDER BY (e.status = 'pending') DESC, e.requested_at DESC, e.id
        LIMIT ${limit}`,
      params,
    );
    const sites = new Map((await this.city.listSites()).map((s) => [s.id, s.name]));
    return rows.map((r) => ({
      id: r.id,
      childId: r.child_id,
      householdId: r.household_id,
      childName: r.first_name,
      activityId: r.activity_id,
      activityName: r.activity_name,
      siteId: r.site_id,
      siteName: sites.get(r.site_id) ?? '',
      schoolYear: r.school_year,
      status: r.status,
      reason: r.reason,
      requestedAt: new Date(r.requested_at).toISOString(),
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      missingDocuments: r.missing_documents,
    }));
  }

  /**
   * For other domains (requests): an approved enrolment straight away, e.g. after an approved
   * request. With `manager`, it runs in the caller's transaction (which must lock nothing of this
   * household before: the household row is locked here) and the caller's commit makes it; without,
   * in its own household write. Returns the enrolment's id.
   */
  async enrol(
    actor: Actor,
    input: { childId: string; activityId: string; siteId: string; schoolYear: string; reason?: string },
    options: { manager?: EntityManager } = {},
  ): Promise<string> {
    const m0 = options.manager ?? this.dataSource.manager;
    const child = await this.families.child(input.childId, m0);
    if (!child) throw new NotFoundError('Cet enfant est introuvable.');
    const [offer] = (await m0.query(
      `SELECT id FROM activity_offers WHERE activity_id = $1 AND site_id = $2`,
      [input.activityId, input.siteId],
    )) as { id: string }[];
    if (!offer) throw new InvalidInputError('Cette activité n’est pas proposée sur ce site.', 'siteId');
    if (!/^\d{4}-\d{4}$/.test(input.schoolYear)) {
      throw new InvalidInputError('Année scolaire invalide (AAAA-AAAA).', 'schoolYear');
    }
    const write = async (m: EntityManager) => {
      const rows = await returning<{ id: string }>(
        m,
        `INSERT INTO enrollments (child_id, household_id, activity_id, site_id, school_year, status, reason,
                                  requested_at, decided_by, decided_at)
         VALUES ($1, $2, $3, $4, $5, 'approved', $6, $7, $8, $7)
         ON CONFLICT (child_id, activity_id, school_year) WHERE status IN ('pending', 'approved')
         DO UPDATE SET status = 'approved', site_id = EXCLUDED.site_id, decided_by = $8, decided_at = $7,
                       reason = coalesce($6, enrollments.reason)
         RETURNING id`,
        [
          child.id,
          child.householdId,
          input.activityId,
          input.siteId,
          input.schoolYear,
          input.reason ?? null,
          this.clock.now(),
          actor.id,
        ],
      );
      return rows[0].id;
    };
    const details = { direct: true, activityId: input.activityId, schoolYear: input.schoolYear };
    if (options.manager) {
      const m = options.manager;
      await this.families.lockHousehold(m, child.householdId);
      const id = await write(m);
      await this.audit.record(
        {
          actor,
          action: 'enrollment.approve',
          entity: 'enrollment',
          entityId: id,
          householdId: child.householdId,
          details,
        },
        m,
      );
      return id;
    }
    return this.families.write(child.householdId, actor, async ({ m, audit }) => {
      const id = await write(m);
      await audit({ action: 'enrollment.approve', entity: 'enrollment', entityId: id, details });
      return id;
    });
  }

  /** An enrolment as agents see it. */
  async get(enrollmentId: string): Promise<AgentEnrollmentView> {
    const [view] = await this.views('e.id = $1', [enrollmentId]);
    if (!view) throw new NotFoundError('Cette inscription est introuvable.');
    return view;
  }
}
