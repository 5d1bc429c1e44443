import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  BillingBlockerKind,
  BillingBlockerView,
  BillingRunHouseholdView,
  BillingRunStatus,
  BillingRunView,
  INVOICE_DUE_DAYS,
  InvoiceLineView,
  LineExplanation,
  NotificationTopic,
} from '@foyer/shared/contracts';
import {
  addDays,
  buildLines,
  DayToPrice,
  formatDateFr,
  isoWeekday,
  PricingRules,
  quotientOn,
  siblingRanks,
} from '@foyer/shared/domain';
import type { IsoDate } from '@foyer/shared/domain';
import { AuditService, Clock, ConflictError, InvalidInputError, NotFoundError } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { HouseholdAccess } from '@foyer/api/households';
import { NotificationBatchItem, NotificationsService } from '@foyer/api/notifications';
import { BillingRunEntity, BillingRunLineEntity, TariffEntity } from './entities';
import { BookingsLedger } from '@foyer/api/bookings';
import { BilledDay, householdsToBill, readBilledDays } from './billed-days';
import { InvoicesService, periodLabel, toLineView } from './invoices.service';
import { invoiceNumber, nextNumbers } from './numbering';
import { toPricingRules } from './tariffs.service';

/** Households computed (draft) or issued (finalize) per transaction: memory stays flat with the city's size. */
export const COMPUTE_CHUNK = 500;
export const ISSUE_CHUNK = 500;

interface ActivityInfo {
  name: string;
  lateSurchargeCents: number;
}

interface ChildInfo {
  id: string;
  householdId: string;
  name: string;
  birthDate: IsoDate;
  pai: boolean;
}

interface PendingLine {
  householdId: string;
  position: number;
  childId: string;
  childName: string;
  activityId: string;
  activityLabel: string;
  quantity: number;
  unitCents: number;
  amountCents: number;
  explanation: LineExplanation;
}

export function monthBounds(period: string): { from: IsoDate; to: IsoDate } {
  const from = `${period}-01`;
  const [y, m] = period.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

/**
 * Monthly billing runs. A draft computes every household's lines from bookings and attendance and
 * lists what blocks it; a rerun replaces the draft; finalizing locks the month's attendance, issues
 * one invoice per household that owes something (gapless yearly series, numbers taken in the issuing
 * transaction), and publishes them by e-mail. Finalizing resumes after a crash: an invoice is unique
 * per (run, household), and households already invoiced are skipped.
 */
@Injectable()
export class BillingRunsService {
  private readonly logger = new Logger(BillingRunsService.name);
  /**
   * Households issued per transaction when finalizing (numbers, invoices, lines and mails of a chunk
   * commit together). Tests lower it to cross a chunk boundary with few households.
   */
  issueChunk = ISSUE_CHUNK;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdAccess,
    private readonly notifications: NotificationsService,
    private readonly invoices: InvoicesService,
    private readonly ledger: BookingsLedger,
  ) {}

  async list(): Promise<BillingRunView[]> {
    const runs = await this.dataSource.getRepository(BillingRunEntity).find({ order: { period: 'DESC' } });
    return Promise.all(runs.map((r) => this.toView(r, 0)));
  }

  async create(period: string, actor: AuthenticatedUser): Promise<BillingRunView> {
    const today = this.clock.today();
    if (`${period}-01` > today) {
      throw new InvalidInputError('On ne facture pas un mois qui n’a pas commencé.', 'period');
    }
    const existing = await this.dataSource.getRepository(BillingRunEntity).findOneBy({ period });
    if (existing) {
      throw new ConflictError(`Une campagne existe déjà pour ${periodLabel(period)} : relancez-la.`);
    }
    const run = await this.dataSource.transaction(async (m) => {
      const saved = await m
        .getRepository(BillingRunEntity)
        .save(
          m
            .getRepository(BillingRunEntity)
            .create({ period, status: BillingRunStatus.Draft, createdBy: actor.id }),
        );
      await this.audit.record(
        {
          actor,
          action: 'billing.run.create',
          entity: 'billing-run',
          entityId: saved.id,
          details: { period },
        },
        m,
      );
      return saved;
    });
    await this.compute(run.id);
    return this.view(run.id);
  }

  async rerun(runId: string, actor: AuthenticatedUser): Promise<BillingRunView> {
    const run = await this.requireRun(runId);
    if (run.status !== BillingRunStatus.Draft) {
      throw new ConflictError(
        'Cette campagne est finalisée (ou en cours de finalisation) : elle ne se relance plus.',
      );
    }
    await this.compute(runId);
    await this.audit.record({ actor, action: 'billing.run.rerun', entity: 'billing-run', entityId: runId });
    return this.view(runId);
  }

  async requireRun(runId: string): Promise<BillingRunEntity> {
    const run = await this.dataSource.getRepository(BillingRunEntity).findOneBy({ id: runId });
    if (!run) throw new NotFoundError('Cette campagne de facturation est introuvable.');
    return run;
  }

  async view(runId: string, limit = 100): Promise<BillingRunView> {
    return this.toView(await this.requireRun(runId), limit);
  }

  private async toView(run: BillingRunEntity, limit: number): Promise<BillingRunView> {
    const rows: {
      household_id: string;
      total: string;
      lines: number;
      invoice_id: string | null;
      number: string | null;
    }[] =
      limit > 0
        ? await this.dataSource.query(
            `SELECT l.household_id, sum(l.amount_cents) AS total, count(*)::int AS lines, i.id AS invoice_id, i.number
               FROM billing_run_lines l LEFT JOIN invoices i ON i.run_id = l.run_id AND i.household_id = l.household_id
              WHERE l.run_id = $1 GROUP BY l.household_id, i.id, i.number ORDER BY l.household_id LIMIT $2`,
            [run.id, limit],
          )
        : [];
    const labels = await this.households.labelsOf(rows.map((r) => r.household_id));
    const invoiceCount: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM invoices WHERE run_id = $1`,
      [run.id],
    );
    const households: BillingRunHouseholdView[] = rows.map((r) => ({
      householdId: r.household_id,
      label: labels.get(r.household_id) ?? '',
      totalCents: Number(r.total),
      lineCount: r.lines,
      invoiceId: r.invoice_id,
      invoiceNumber: r.number,
    }));
    return {
      id: run.id,
      period: run.period,
      status: run.status,
      createdAt: run.createdAt.toISOString(),
      computedAt: run.computedAt?.toISOString() ?? null,
      finalizedAt: run.finalizedAt?.toISOString() ?? null,
      householdCount: run.householdCount,
      totalCents: run.totalCents,
      invoiceCount: invoiceCount[0].n,
      blockers: run.blockers,
      households,
    };
  }

  /** The draft lines of one household in a run, as its invoice will show them. */
  async householdLines(runId: string, householdId: string): Promise<InvoiceLineView[]> {
    await this.requireRun(runId);
    const lines = await this.dataSource
      .getRepository(BillingRunLineEntity)
      .find({ where: { runId, householdId }, order: { position: 'ASC' } });
    if (lines.length === 0) throw new NotFoundError('Ce foyer n’a rien à facturer dans cette campagne.');
    return lines.map((l) => toLineView(l as never));
  }

  // --- Computing the draft ----------------------------------------------------------------------

  /** Replaces the run's lines and blockers, chunk by chunk of households, in one transaction. */
  async compute(runId: string): Promise<void> {
    const started = Date.now();
    await this.dataSource.transaction(async (m) => {
      const run = await m
        .getRepository(BillingRunEntity)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :runId', { runId })
        .getOne();
      if (!run) throw new NotFoundError('Cette campagne de facturation est introuvable.');
      const { from, to } = monthBounds(run.period);
      const tariffs = await m
        .getRepository(TariffEntity)
        .createQueryBuilder('t')
        .where('t.valid_from <= :to AND (t.valid_to IS NULL OR t.valid_to >= :from)', { from, to })
        .getMany();
      const activityRows: { id: string; name: string; late_surcharge_cents: number }[] = await m.query(
        `SELECT id, name, late_surcharge_cents FROM activities`,
      );
      const activities = new Map<string, ActivityInfo>(
        activityRows.map((a) => [a.id, { name: a.name, lateSurchargeCents: a.late_surcharge_cents }]),
      );
      await m.query(`DELETE FROM billing_run_lines WHERE run_id = $1`, [runId]);
      const ids = await householdsToBill(m, from, to);
      const missingAttendance = new Map<string, number>();
      const missingTariff = new Map<string, { dates: Set<string>; children: Set<string> }>();
      let total = 0;
      let billed = 0;
      for (let i = 0; i < ids.length; i += COMPUTE_CHUNK) {
        const chunk = ids.slice(i, i + COMPUTE_CHUNK);
        const days = await readBilledDays(this.ledger, m, from, to, chunk);
        const context = await this.readContext(m, chunk, from, to);
        const lines: PendingLine[] = [];
        const byHousehold = groupBy(days, (d) => d.householdId);
        for (const [householdId, householdDays] of byHousehold) {
          for (const d of householdDays) {
            if (d.attendanceMissing) {
              const key = `${d.activityId}|${d.date}`;
              missingAttendance.set(key, (missingAttendance.get(key) ?? 0) + 1);
            }
          }
          const householdLines = this.priceHousehold(
            householdId,
            householdDays,
            context,
            tariffs,
            activities,
            (d) => {
              const entry = missingTariff.get(d.activityId) ?? { dates: new Set(), children: new Set() };
              entry.dates.add(d.date);
              entry.children.add(d.childId);
              missingTariff.set(d.activityId, entry);
            },
          );
          const householdTotal = householdLines.reduce((t, l) => t + l.amountCents, 0);
          if (householdLines.length > 0) {
            total += householdTotal;
            if (householdTotal > 0) billed++;
            lines.push(...householdLines);
          }
        }
        await insertRunLines(m, runId, lines);
      }
      const blockers: BillingBlockerView[] = [];
      for (const [key, count] of [...missingAttendance].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const [activityId, date] = key.split('|');
        const label = activities.get(activityId)?.name ?? '';
        blockers.push({
          kind: BillingBlockerKind.AttendanceNotTaken,
          activityId,
          activityLabel: label,
          date,
          childId: null,
          childName: null,
          message: `Pointage non fait : « ${label} » le ${formatDateFr(date)} (${count} enfant${count > 1 ? 's' : ''} réservé${count > 1 ? 's' : ''}).`,
        });
      }
      for (const [activityId, entry] of missingTariff) {
        const label = activities.get(activityId)?.name ?? '';
        const dates = [...entry.dates].sort();
        blockers.push({
          kind: BillingBlockerKind.NoTariff,
          activityId,
          activityLabel: label,
          date: dates[0],
          childId: null,
          childName: null,
          message: `Aucun tarif pour « ${label} » du ${formatDateFr(dates[0])} au ${formatDateFr(dates[dates.length - 1])} (${entry.children.size} enfant${entry.children.size > 1 ? 's' : ''}) : ces jours ne sont pas facturés.`,
        });
      }
      await m.query(
        `UPDATE billing_runs SET blockers = $2::jsonb, household_count = $3, total_cents = $4, computed_at = $5 WHERE id = $1`,
        [runId, JSON.stringify(blockers), billed, total, this.clock.now()],
      );
    });
    this.logger.log(`billing run ${runId} computed in ${Date.now() - started} ms`);
  }

  private async readContext(m: EntityManager, householdIds: string[], from: IsoDate, to: IsoDate) {
    // One after the other: the three run on the transaction's single connection.
    const children: {
      id: string;
      household_id: string;
      first_name: string;
      last_name: string;
      birth_date: string;
      diet: string;
    }[] = await m.query(
      `SELECT id, household_id, first_name, last_name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, diet
           FROM children WHERE household_id = ANY($1::uuid[])`,
      [householdIds],
    );
    const households: { id: string; in_commune: boolean }[] = await m.query(
      `SELECT id, in_commune FROM households WHERE id = ANY($1::uuid[])`,
      [householdIds],
    );
    const quotients: { household_id: string; value: number; from: string; to: string | null }[] =
      await m.query(
        `SELECT household_id, value, to_char(effective_from, 'YYYY-MM-DD') AS "from", to_char(effective_to, 'YYYY-MM-DD') AS "to"
         FROM quotients WHERE household_id = ANY($1::uuid[]) AND status = 'validated'
          AND effective_from <= $3 AND (effective_to IS NULL OR effective_to >= $2)`,
        [householdIds, from, to],
      );
    return {
      children: new Map<string, ChildInfo>(
        children.map((c) => [
          c.id,
          {
            id: c.id,
            householdId: c.household_id,
            name: `${c.first_name} ${c.last_name}`,
            birthDate: c.birth_date,
            pai: c.diet === 'pai_basket',
          },
        ]),
      ),
      resident: new Map(households.map((h) => [h.id, h.in_commune])),
      quotients: groupBy(quotients, (q) => q.household_id),
    };
  }

  /** A household's lines: per child and activity, each day priced with the QF and the tariff of that day. */
  private priceHousehold(
    householdId: string,
    days: BilledDay[],
    context: Awaited<ReturnType<BillingRunsService['readContext']>>,
    tariffs: TariffEntity[],
    activities: Map<string, ActivityInfo>,
    noTariff: (day: BilledDay) => void,
  ): PendingLine[] {
    const periods = (context.quotients.get(householdId) ?? []).map((q) => ({
      value: q.value,
      from: q.from,
      to: q.to,
    }));
    const resident = context.resident.get(householdId) ?? false;
    const lines: PendingLine[] = [];
    const byActivity = groupBy(days, (d) => d.activityId);
    const sortedActivities = [...byActivity.keys()].sort((a, b) =>
      (activities.get(a)?.name ?? '').localeCompare(activities.get(b)?.name ?? '', 'fr'),
    );
    const perChild = new Map<string, PendingLine[]>();
    for (const activityId of sortedActivities) {
      const activityDays = byActivity.get(activityId) as BilledDay[];
      const activity = activities.get(activityId) ?? { name: '', lateSurchargeCents: 0 };
      const ranks = siblingRanks(
        [...new Set(activityDays.map((d) => d.childId))].map((id) => ({
          id,
          birthDate: context.children.get(id)?.birthDate ?? '9999-12-31',
        })),
      );
      for (const [childId, childDays] of groupBy(activityDays, (d) => d.childId)) {
        const child = context.children.get(childId);
        // A tariff change mid-month: each tariff prices its own days.
        const byTariff = new Map<TariffEntity, DayToPrice[]>();
        for (const d of childDays) {
          const tariff = tariffs.find(
            (t) =>
              t.activityId === activityId &&
              t.validFrom <= d.date &&
              (t.validTo === null || t.validTo >= d.date),
          );
          if (!tariff) {
            noTariff(d);
            continue;
          }
          const list = byTariff.get(tariff) ?? [];
          list.push({
            date: d.date,
            kind: d.kind,
            late: d.late,
            qf: quotientOn(periods, d.date),
            resident,
            pai: child?.pai ?? false,
            siblingRank: ranks.get(childId) ?? 1,
          });
          byTariff.set(tariff, list);
        }
        for (const [tariff, priced] of byTariff) {
          const rules: PricingRules = toPricingRules(tariff);
          // The activity's own late surcharge (bookings) applies when the tariff sets none.
          if (!rules.lateSurcharge && activity.lateSurchargeCents > 0) {
            rules.lateSurcharge = { mode: 'fixed', value: activity.lateSurchargeCents };
          }
          for (const line of buildLines(rules, { one: tariff.unitOne, many: tariff.unitMany }, priced)) {
            const list = perChild.get(childId) ?? [];
            list.push({
              householdId,
              position: 0,
              childId,
              childName: child?.name ?? '',
              activityId,
              activityLabel: activity.name,
              quantity: line.quantity,
              unitCents: line.unitCents,
              amountCents: line.amountCents,
              explanation: {
                rule: line.rule,
                method: line.method,
                qf: line.qf,
                bracket: line.bracket,
                bound: line.bound,
                nonResident: line.nonResident,
                pai: line.pai,
                siblingRank: line.siblingRank,
                siblingPercent: line.siblingPercent,
                dates: line.dates,
                text: line.text,
              } as LineExplanation,
            });
            perChild.set(childId, list);
          }
        }
      }
    }
    // Grouped by child (by name), then activity, in the order computed.
    const childOrder = [...perChild.keys()].sort((a, b) =>
      (context.children.get(a)?.name ?? '').localeCompare(context.children.get(b)?.name ?? '', 'fr'),
    );
    for (const childId of childOrder) lines.push(...(perChild.get(childId) as PendingLine[]));
    lines.forEach((l, i) => (l.position = i + 1));
    return lines;
  }

  // --- Finalizing -------------------------------------------------------------------------------

  async finalize(runId: string, ignoreBlockers: boolean, actor: AuthenticatedUser): Promise<BillingRunView> {
    const claim = await this.dataSource.transaction(async (m) => {
      const run = await m
        .getRepository(BillingRunEntity)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :runId', { runId })
        .getOne();
      if (!run) throw new NotFoundError('Cette campagne de facturation est introuvable.');
      if (run.status === BillingRunStatus.Finalized) return { run, alreadyDone: true, fresh: false };
      if (run.status === BillingRunStatus.Draft) {
        if (run.blockers.length > 0 && !ignoreBlockers) {
          throw new ConflictError(
            `Cette campagne a ${run.blockers.length} point(s) bloquant(s) : corrigez-les et relancez-la, ou confirmez la finalisation malgré eux.`,
          );
        }
        const { from, to } = monthBounds(run.period);
        // Attendance and bookings of the month no longer change once their invoices are being issued.
        await this.ledger.lockPeriod(from, to, { manager: m });
        run.status = BillingRunStatus.Finalizing;
        await m.query(`UPDATE billing_runs SET status = 'finalizing' WHERE id = $1`, [runId]);
        await this.audit.record(
          {
            actor,
            action: 'billing.run.finalize',
            entity: 'billing-run',
            entityId: runId,
            details: { period: run.period },
          },
          m,
        );
        return { run, alreadyDone: false, fresh: true };
      }
      return { run, alreadyDone: false, fresh: false };
    });
    if (claim.alreadyDone) return this.view(runId);
    // Price the locked month (again, if a crash came before any invoice): nothing moved since.
    const issued: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM invoices WHERE run_id = $1`,
      [runId],
    );
    if (claim.fresh || issued[0].n === 0) await this.compute(runId);
    await this.issueAll(claim.run);
    await this.dataSource.query(
      `UPDATE billing_runs SET status = 'finalized', finalized_at = $2 WHERE id = $1 AND status = 'finalizing'`,
      [runId, this.clock.now()],
    );
    return this.view(runId);
  }

  /** Issues the invoices still missing, chunk by chunk; each chunk commits its numbers, invoices and mails together. */
  private async issueAll(run: BillingRunEntity): Promise<void> {
    const started = Date.now();
    let count = 0;
    // The households still to invoice, read once: two index scans and no anti-join, whose plan goes
    // quadratic when the statistics still describe the empty tables of a fresh run.
    const owing: { household_id: string; total: string }[] = await this.dataSource.query(
      `SELECT household_id, sum(amount_cents) AS total FROM billing_run_lines
        WHERE run_id = $1 GROUP BY household_id HAVING sum(amount_cents) > 0 ORDER BY household_id`,
      [run.id],
    );
    const invoiced: { household_id: string }[] = await this.dataSource.query(
      `SELECT household_id FROM invoices WHERE run_id = $1`,
      [run.id],
    );
    const done = new Set(invoiced.map((i) => i.household_id));
    const todo = owing.filter((o) => !done.has(o.household_id));
    for (let start = 0; start < todo.length; start += this.issueChunk) {
      // Another finalization of the same run (a retried request) may have issued some meanwhile.
      const slice = todo.slice(start, start + this.issueChunk);
      const meanwhile: { household_id: string }[] = await this.dataSource.query(
        `SELECT household_id FROM invoices WHERE run_id = $1 AND household_id = ANY($2::uuid[])`,
        [run.id, slice.map((p) => p.household_id)],
      );
      const issuedMeanwhile = new Set(meanwhile.map((i) => i.household_id));
      const pending = slice.filter((p) => !issuedMeanwhile.has(p.household_id));
      if (pending.length === 0) continue;
      const ids = pending.map((p) => p.household_id);
      const [labels, guardians, mandates] = await Promise.all([
        this.households.labelsOf(ids),
        this.households.guardiansOf(ids),
        this.dataSource.query(
          `SELECT id, household_id, reference FROM sepa_mandates WHERE household_id = ANY($1::uuid[]) AND status = 'active'`,
          [ids],
        ) as Promise<{ id: string; household_id: string; reference: string }[]>,
      ]);
      const mandateOf = new Map(mandates.map((md) => [md.household_id, md]));
      await this.dataSource.transaction(async (m) => {
        const now = this.clock.now();
        const issueDate = this.clock.today();
        const year = Number(issueDate.slice(0, 4));
        const dueDate = addDays(issueDate, INVOICE_DUE_DAYS);
        // The chunk's available credits in one statement (a negative balance is a credit).
        const balances: { household_id: string; balance: string }[] = await m.query(
          `WITH notes AS (
             SELECT household_id, sum(amount_cents) AS cents FROM credit_notes
              WHERE household_id = ANY($1::uuid[]) GROUP BY household_id
           )
           SELECT h.id AS household_id,
                  COALESCE((SELECT sum(total_cents) FROM invoices WHERE household_id = h.id), 0)
                - COALESCE((SELECT sum(amount_cents) FROM payments WHERE household_id = h.id AND state = 'paid'), 0)
                - COALESCE((SELECT cents FROM notes WHERE notes.household_id = h.id), 0) AS balance
             FROM unnest($1::uuid[]) AS h(id)`,
          [ids],
        );
        const creditOf = new Map(balances.map((b) => [b.household_id, Math.max(0, -Number(b.balance))]));
        // One block of numbers for the whole chunk, in household order: the counter row stays locked
        // until this transaction ends, so parallel runs queue and the series keeps no gap.
        const first = await nextNumbers(m, `F-${year}`, pending.length);
        const issues = pending.map((p, index) => {
          const total = Number(p.total);
          const credit = Math.min(total, creditOf.get(p.household_id) ?? 0);
          const sequence = first + index;
          const mandate = mandateOf.get(p.household_id);
          return {
            householdId: p.household_id,
            total,
            credit,
            sequence,
            number: invoiceNumber(year, sequence),
            mandate,
            // Debit on the due date, never earlier than the pre-notification allows.
            debitDate: mandate ? nextWorkingDay(dueDate) : null,
          };
        });
        const inserted: { id: string; household_id: string; sequence: number }[] = await m.query(
          `INSERT INTO invoices (number, year, sequence, household_id, run_id, period, issue_date, due_date, issued_at,
                                 total_cents, credit_applied_cents, direct_debit_date, mandate_id, addressee)
           SELECT i.number, $1, i.sequence, i.household_id, $2, $3, $4, $5, $6, i.total, i.credit, i.debit_date,
                  i.mandate_id, i.addressee
             FROM unnest($7::text[], $8::int[], $9::uuid[], $10::int[], $11::int[], $12::date[], $13::uuid[], $14::text[])
                  AS i(number, sequence, household_id, total, credit, debit_date, mandate_id, addressee)
            ORDER BY i.sequence
           RETURNING id, household_id, sequence`,
          [
            year,
            run.id,
            run.period,
            issueDate,
            dueDate,
            now,
            issues.map((x) => x.number),
            issues.map((x) => x.sequence),
            issues.map((x) => x.householdId),
            issues.map((x) => x.total),
            issues.map((x) => x.credit),
            issues.map((x) => x.debitDate),
            issues.map((x) => x.mandate?.id ?? null),
            issues.map((x) => labels.get(x.householdId) ?? ''),
          ],
        );
        // Every line of the chunk copied from the draft in one statement.
        await m.query(
          `INSERT INTO invoice_lines (invoice_id, position, child_id, child_name, activity_id, activity_label,
                                      quantity, unit_cents, amount_cents, explanation)
           SELECT i.id, l.position, l.child_id, l.child_name, l.activity_id, l.activity_label, l.quantity, l.unit_cents,
                  l.amount_cents, l.explanation
             FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS i(id, household_id, sequence)
             JOIN billing_run_lines l ON l.run_id = $1 AND l.household_id = i.household_id
            ORDER BY i.sequence, l.position`,
          [
            run.id,
            inserted.map((r) => r.id),
            inserted.map((r) => r.household_id),
            inserted.map((r) => r.sequence),
          ],
        );
        // The mails commit with their invoices: a crash never leaves one without the other. One
        // batch per chunk (a few statements, not a few per invoice).
        const notices: NotificationBatchItem[] = [];
        for (const x of issues) {
          const recipients = (guardians.get(x.householdId) ?? []).map((g) => ({
            userId: g.userId,
            email: g.email || null,
            householdId: x.householdId,
          }));
          notices.push({
            recipients,
            topic: NotificationTopic.InvoiceIssued,
            data: {
              invoiceNumber: x.number,
              periodLabel: periodLabel(run.period),
              amountCents: x.total - x.credit,
              dueDate,
            },
          });
          if (x.mandate && x.debitDate && x.total - x.credit > 0) {
            notices.push({
              recipients,
              topic: NotificationTopic.SepaPrenotification,
              data: {
                amountCents: x.total - x.credit,
                debitDate: x.debitDate,
                mandateReference: x.mandate.reference,
                invoiceNumber: x.number,
              },
            });
          }
        }
        await this.notifications.notifyMany(notices, m);
        count += issues.length;
      });
    }
    this.logger.log(`billing run ${run.id}: ${count} invoices issued in ${Date.now() - started} ms`);
  }
}

/** The date itself, or the next Monday when it falls on a weekend (banks debit on working days). */
export function nextWorkingDay(date: IsoDate): IsoDate {
  const weekday = isoWeekday(date);
  return weekday === 6 ? addDays(date, 2) : weekday === 7 ? addDays(date, 1) : date;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

async function insertRunLines(m: EntityManager, runId: string, lines: PendingLine[]): Promise<void> {
  for (let i = 0; i < lines.length; i += 2000) {
    const batch = lines.slice(i, i + 2000);
    await m.query(
      `INSERT INTO billing_run_lines (run_id, household_id, position, child_id, child_name, activity_id, activity_label,
                                      quantity, unit_cents, amount_cents, explanation)
       SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::int[], $9::int[],
                                $10::int[], $11::jsonb[])`,
      [
        runId,
        batch.map((l) => l.householdId),
        batch.map((l) => l.position),
        batch.map((l) => l.childId),
        batch.map((l) => l.childName),
        batch.map((l) => l.activityId),
        batch.map((l) => l.activityLabel),
        batch.map((l) => l.quantity),
        batch.map((l) => l.unitCents),
        batch.map((l) => l.amountCents),
        batch.map((l) => JSON.stringify(l.explanation)),
      ],
    );
  }
}
