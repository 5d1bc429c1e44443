import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AgentScope,
  OPEN_REQUEST_STATUSES,
  RequestDashboardView,
  RequestQueuePageView,
  RequestQueueSort,
  RequestStatus,
} from '@foyer/shared/contracts';
import { foldText, REQUEST_CLOCK_RUNNING } from '@foyer/shared/domain';
import { AuthenticatedUser, Clock, escapeLike, InvalidInputError } from '@foyer/api/core';
import { RequestQueueQueryDto } from './dto/request.dto';
import { RequestTypeEntity } from './entities';
import { QueueRow, toQueueItem } from './mappers';
import { RequestTypesService } from './request-types.service';
import { RequestsService } from './requests.service';

const STATUSES = new Set<string>(Object.values(RequestStatus));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A request number as typed: « D-2026-000123 », « d2026000123 », « 2026-123 ». */
const NUMBER = /^d?-?\s*(\d{4})\s*-?\s*(\d{1,6})$/i;

/** Sort → the column and direction; every sort ends with the id so keyset pagination is total. */
const SORTS: Record<RequestQueueSort, { column: string; desc: boolean; kind: 'date' | 'instant' | 'text' }> =
  {
    due: { column: 'r.due_on', desc: false, kind: 'date' },
    '-due': { column: 'r.due_on', desc: true, kind: 'date' },
    submitted: { column: 'r.submitted_at', desc: false, kind: 'instant' },
    '-submitted': { column: 'r.submitted_at', desc: true, kind: 'instant' },
    number: { column: 'r.number', desc: false, kind: 'text' },
    '-number': { column: 'r.number', desc: true, kind: 'text' },
    updated: { column: 'r.updated_at', desc: false, kind: 'instant' },
    '-updated': { column: 'r.updated_at', desc: true, kind: 'instant' },
  };

/** The queue's SQL for a query, shared by the API and the benchmark's raw comparison. */
export interface QueueSql {
  text: string;
  values: unknown[];
  countText: string | null;
  countValues: unknown[];
}

/**
 * The agents' queue, their dashboard and the daily digest's counts. Only submitted requests reach it
 * (a draft is the family's own). Each filter maps to an indexed column (status, type, assignee, due,
 * school); the search runs on `search_text` (number and names, folded).
 */
@Injectable()
export class RequestQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
    private readonly requestTypes: RequestTypesService,
    private readonly clock: Clock,
  ) {}

  private types(): Promise<Map<string, RequestTypeEntity>> {
    return this.requestTypes.byIdCached();
  }

  /** The WHERE clause every agent view shares: submitted requests of the types the agent's scopes reach. */
  private reach(user: AuthenticatedUser, types: Map<string, RequestTypeEntity>, values: unknown[]): string[] {
    const where = ['r.submitted_at IS NOT NULL'];
    const scopes = this.requests.reachOf(user);
    if (scopes !== null) {
      const ids = [...types.values()].filter((t) => scopes.includes(t.scope)).map((t) => t.id);
      values.push(ids);
      where.push(`r.type_id = ANY($${values.length}::uuid[])`);
    }
    return where;
  }

  buildQueueSql(
    user: AuthenticatedUser,
    query: RequestQueueQueryDto,
    types: Map<string, RequestTypeEntity>,
  ): { sql: QueueSql; pageSize: number; page: number | null } {
    const values: unknown[] = [];
    const where = this.reach(user, types, values);
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    if (query.status) {
      const statuses = query.status
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = statuses.filter((s) => !STATUSES.has(s));
      if (unknown.length) throw new InvalidInputError(`Statut inconnu : ${unknown.join(', ')}.`, 'status');
      where.push(`r.status = ANY(${param(statuses)}::text[])`);
    }
    if (query.type) {
      const codes = query.type
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const byCode = new Map([...types.values()].map((t) => [t.code, t.id]));
      const unknown = codes.filter((c) => !byCode.has(c));
      if (unknown.length)
        throw new InvalidInputError(`Type de démarche inconnu : ${unknown.join(', ')}.`, 'type');
      where.push(`r.type_id = ANY(${param(codes.map((c) => byCode.get(c)))}::uuid[])`);
    }
    if (query.assignee) {
      if (query.assignee === 'none') where.push('r.assignee_id IS NULL');
      else if (query.assignee === 'me') where.push(`r.assignee_id = ${param(user.id)}`);
      else if (UUID.test(query.assignee)) where.push(`r.assignee_id = ${param(query.assignee)}`);
      else throw new InvalidInputError('Indiquez un identifiant d’agent, « me » ou « none ».', 'assignee');
    }
    if (query.overdue === 'true') {
      where.push(
        `r.status = ANY(${param(REQUEST_CLOCK_RUNNING)}::text[]) AND r.due_on < ${param(this.clock.today())}`,
      );
    } else if (query.overdue === 'false') {
      where.push(
        `NOT (r.status = ANY(${param(REQUEST_CLOCK_RUNNING)}::text[]) AND r.due_on < ${param(this.clock.today())})`,
      );
    }
    if (query.school) where.push(`r.school_site_id = ${param(query.school)}`);
    const q = query.q?.trim();
    if (q) {
      const number = NUMBER.exec(q);
      const folded = foldText(q);
      if (number) {
        where.push(`r.number = ${param(`D-${number[1]}-${number[2].padStart(6, '0')}`)}`);
      } else if (folded.length >= 2) {
        where.push(`r.search_text LIKE ${param(`%${escapeLike(folded)}%`)}`);
      } else {
        throw new InvalidInputError('Tapez au moins deux caractères.', 'q');
      }
    }
    const sort = SORTS[query.sort ?? 'due'];
    const pageSize = query.pageSize ?? 25;
    const direction = sort.desc ? 'DESC' : 'ASC';
    const filterWhere = [...where];
    const filterValues = [...values];
    let page: number | null = null;
    let offset = '';
    if (query.cursor) {
      const [value, id] = decodeCursor(query.cursor);
      const cast = sort.kind === 'date' ? '::date' : sort.kind === 'instant' ? '::timestamptz' : '::text';
      where.push(
        `(${sort.column}, r.id) ${sort.desc ? '<' : '>'} (${param(value)}${cast}, ${param(id)}::uuid)`,
      );
    } else if (query.page) {
      page = query.page;
      offset = ` OFFSET ${(page - 1) * pageSize}`;
    }
    const columns = `r.id, r.number, r.type_id, r.status, r.household_id, r.resident_name, r.assignee_id, r.channel,
      r.submitted_at, r.updated_at, to_char(r.due_on, 'YYYY-MM-DD') AS due_on, r.school_site_id,
      (SELECT trim(u.first_name || ' ' || u.last_name) FROM users u WHERE u.id = r.assignee_id) AS assignee_name,
      ${sort.kind === 'instant' ? `to_char(${sort.column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : sort.kind === 'date' ? `to_char(${sort.column}, 'YYYY-MM-DD')` : sort.column} AS sort_value`;
    return {
      sql: {
        text:
          `SELECT ${columns} FROM requests r WHERE ${where.join(' AND ')} ` +
          `ORDER BY ${sort.column} ${direction}, r.id ${direction} LIMIT ${pageSize + 1}${offset}`,
        values,
        countText:
          page !== null
            ? `SELECT count(*)::int AS total FROM requests r WHERE ${filterWhere.join(' AND ')}`
            : null,
        countValues: filterValues,
      },
      pageSize,
      page,
    };
  }

  async queue(user: AuthenticatedUser, query: RequestQueueQueryDto): Promise<RequestQueuePageView> {
    if (query.cursor && query.page) {
      throw new InvalidInputError('Utilisez soit « cursor », soit « page ».', 'page');
    }
    const types = await this.types();
    const { sql, pageSize, page } = this.buildQueueSql(user, query, types);
    const [rows, count] = await Promise.all([
      // The assignee's name comes from the accounts table in the same statement (one round trip less).
      this.dataSource.query(sql.text, sql.values) as Promise<
        (QueueRow & { sort_value: string; assignee_name: string | null })[]
      >,
      sql.countText
        ? (this.dataSource.query(sql.countText, sql.countValues) as Promise<{ total: number }[]>)
        : Promise.resolve(null),
    ]);
    const more = rows.length > pageSize;
    const items = rows.slice(0, pageSize);
    const today = this.clock.today();
    const last = items[items.length - 1];
    return {
      items: items.map((r) => toQueueItem(r, types.get(r.type_id), r.assignee_name ?? null, today)),
      nextCursor: more && page === null && last ? encodeCursor(last.sort_value, last.id) : null,
      total: count ? count[0].total : null,
      page,
      pageSize,
    };
  }

  /** Counts for the agent's dashboard, over the types their scopes reach. */
  async dashboard(user: AuthenticatedUser): Promise<RequestDashboardView> {
    const types = await this.types();
    const values: unknown[] = [];
    const where = this.reach(user, types, values).join(' AND ');
    const today = this.clock.today();
    const n = values.length;
    const [byStatus, totals, byType, average] = await Promise.all([
      this.dataSource.query(
        `SELECT status, count(*)::int AS count FROM requests r WHERE ${where} GROUP BY status`,
        values,
      ) as Promise<{ status: RequestStatus; count: number }[]>,
      this.dataSource.query(
        `SELECT
           count(*) FILTER (WHERE r.status = ANY($${n + 1}::text[]) AND r.due_on < $${n + 2})::int AS overdue,
           count(*) FILTER (WHERE r.status = ANY($${n + 3}::text[]) AND r.assignee_id = $${n + 4})::int AS mine,
           count(*) FILTER (WHERE r.status = ANY($${n + 3}::text[]) AND r.assignee_id IS NULL)::int AS unassigned
         FROM requests r WHERE ${where}`,
        [...values, REQUEST_CLOCK_RUNNING, today, OPEN_REQUEST_STATUSES, user.id],
      ) as Promise<{ overdue: number; mine: number; unassigned: number }[]>,
      this.dataSource.query(
        `SELECT r.type_id,
           count(*)::int AS open,
           count(*) FILTER (WHERE r.status = ANY($${n + 1}::text[]) AND r.due_on < $${n + 2})::int AS overdue
         FROM requests r WHERE ${where} AND r.status = ANY($${n + 3}::text[]) GROUP BY r.type_id`,
        [...values, REQUEST_CLOCK_RUNNING, today, OPEN_REQUEST_STATUSES],
      ) as Promise<{ type_id: string; open: number; overdue: number }[]>,
      // Days from submission to decision minus the days spent waiting for the resident, last 90 days.
      this.dataSource.query(
        `SELECT avg(greatest(0, ((r.decided_at AT TIME ZONE 'Europe/Paris')::date
                  - (r.submitted_at AT TIME ZONE 'Europe/Paris')::date) - r.paused_days))::float AS days
           FROM requests r WHERE ${where} AND r.decided_at IS NOT NULL AND r.decided_at >= $${n + 1}`,
        [...values, new Date(this.clock.now().getTime() - 90 * 86_400_000)],
      ) as Promise<{ days: number | null }[]>,
    ]);
    const counts = Object.fromEntries(Object.values(RequestStatus).map((s) => [s, 0])) as Record<
      RequestStatus,
      number
    >;
    for (const row of byStatus) counts[row.status] = row.count;
    return {
      byStatus: counts,
      overdue: totals[0]?.overdue ?? 0,
      mine: totals[0]?.mine ?? 0,
      unassigned: totals[0]?.unassigned ?? 0,
      averageProcessingDays:
        average[0]?.days === null || average[0]?.days === undefined
          ? null
          : Math.round(average[0].days * 10) / 10,
      byType: byType
        .map((row) => ({
          typeCode: types.get(row.type_id)?.code ?? '',
          typeTitle: types.get(row.type_id)?.title ?? '',
          open: row.open,
          overdue: row.overdue,
        }))
        .sort((a, b) => a.typeTitle.localeCompare(b.typeTitle, 'fr')),
    };
  }

  /** What waits for one agent (the daily digest): their own, the unassigned they reach, overdue, waiting. */
  async digestCounts(agent: { id: string; scopes: AgentScope[] }, types: Map<string, RequestTypeEntity>) {
    const user = { id: agent.id, role: 'agent', scopes: agent.scopes } as AuthenticatedUser;
    const values: unknown[] = [];
    const where = this.reach(user, types, values).join(' AND ');
    const n = values.length;
    const [row]: { assigned: number; unassigned: number; overdue: number; waiting: number }[] =
      await this.dataSource.query(
        `SELECT
           count(*) FILTER (WHERE r.status = ANY($${n + 1}::text[]) AND r.assignee_id = $${n + 2})::int AS assigned,
           count(*) FILTER (WHERE r.status = ANY($${n + 1}::text[]) AND r.assignee_id IS NULL)::int AS unassigned,
           count(*) FILTER (WHERE r.status = ANY($${n + 3}::text[]) AND r.due_on < $${n + 4}
                              AND (r.assignee_id = $${n + 2} OR r.assignee_id IS NULL))::int AS overdue,
           count(*) FILTER (WHERE r.status = 'waiting_resident' AND r.assignee_id = $${n + 2})::int AS waiting
         FROM requests r WHERE ${where}`,
        [
          ...values,
          OPEN_REQUEST_STATUSES.filter((s) => s !== RequestStatus.Draft),
          agent.id,
          REQUEST_CLOCK_RUNNING,
          this.clock.today(),
        ],
      );
    return row;
  }

  allTypes(): Promise<Map<string, RequestTypeEntity>> {
    return this.types();
  }
}

function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      parsed[0].length <= 40 &&
      typeof parsed[1] === 'string' &&
      UUID.test(parsed[1])
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // falls through to the refusal
  }
  throw new InvalidInputError(
    'Ce curseur de pagination n’est pas valide : repartez de la première page.',
    'cursor',
  );
}
