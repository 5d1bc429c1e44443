import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SchoolYearView, SiteView } from '@foyer/shared/contracts';
import { formatDateFr } from '@foyer/shared/domain';
import { AuditService, ConflictError, InvalidInputError, NotFoundError } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { CityService } from './city.service';
import {
  CreateSchoolHolidayDto,
  CreateSiteDto,
  UpdateSchoolYearDto,
  UpdateSiteDto,
} from './dto/city-admin.dto';
import { SchoolHolidayEntity, SchoolYearEntity, SiteEntity } from './entities';

type Actor = Pick<AuthenticatedUser, 'id' | 'role'>;

/** The administrators' changes to sites and school calendars; each is audited with what changed. */
@Injectable()
export class CityAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly city: CityService,
    private readonly audit: AuditService,
  ) {}

  async createSite(dto: CreateSiteDto, actor: Actor): Promise<SiteView> {
    const id = await this.dataSource.transaction(async (m) => {
      const sites = m.getRepository(SiteEntity);
      if (await sites.existsBy({ code: dto.code })) {
        throw new ConflictError(`Un site porte déjà le code « ${dto.code} ».`);
      }
      const site = await sites.save(sites.create({ ...dto }));
      await this.audit.record(
        { actor, action: 'site.create', entity: 'site', entityId: site.id, details: { ...dto } },
        m,
      );
      return site.id;
    });
    return this.city.getSite(id);
  }

  async updateSite(siteId: string, dto: UpdateSiteDto, actor: Actor): Promise<SiteView> {
    await this.dataSource.transaction(async (m) => {
      const sites = m.getRepository(SiteEntity);
      const site = await sites.findOne({ where: { id: siteId }, lock: { mode: 'pessimistic_write' } });
      if (!site) throw new NotFoundError('Ce site est introuvable.');
      const before = { name: site.name, address: site.address };
      if (dto.name !== undefined) site.name = dto.name;
      if (dto.address !== undefined) site.address = dto.address;
      await sites.save(site);
      await this.audit.record(
        {
          actor,
          action: 'site.update',
          entity: 'site',
          entityId: site.id,
          details: { before, after: { name: site.name, address: site.address } },
        },
        m,
      );
    });
    return this.city.getSite(siteId);
  }

  async updateSchoolYear(
    schoolYear: string,
    dto: UpdateSchoolYearDto,
    actor: Actor,
  ): Promise<SchoolYearView> {
    await this.dataSource.transaction(async (m) => {
      const years = m.getRepository(SchoolYearEntity);
      const year = await years.findOne({ where: { id: schoolYear }, lock: { mode: 'pessimistic_write' } });
      if (!year) throw new NotFoundError('Cette année scolaire est introuvable.');
      const before = { firstSchoolDay: year.firstSchoolDay, lastSchoolDay: year.lastSchoolDay };
      const first = dto.firstSchoolDay ?? year.firstSchoolDay;
      const last = dto.lastSchoolDay ?? year.lastSchoolDay;
      this.checkInsideYear(schoolYear, first, 'firstSchoolDay');
      this.checkInsideYear(schoolYear, last, 'lastSchoolDay');
      if (first >= last) {
        throw new InvalidInputError(
          'Le dernier jour de classe doit venir après le premier.',
          dto.lastSchoolDay ? 'lastSchoolDay' : 'firstSchoolDay',
        );
      }
      year.firstSchoolDay = first;
      year.lastSchoolDay = last;
      await years.save(year);
      await this.audit.record(
        {
          actor,
          action: 'school-year.update',
          entity: 'school-year',
          details: { schoolYear, before, after: { firstSchoolDay: first, lastSchoolDay: last } },
        },
        m,
      );
    });
    return this.city.getSchoolYear(schoolYear);
  }

  async addHoliday(schoolYear: string, dto: CreateSchoolHolidayDto, actor: Actor): Promise<SchoolYearView> {
    await this.dataSource.transaction(async (m) => {
      const year = await m
        .getRepository(SchoolYearEntity)
        .findOne({ where: { id: schoolYear }, lock: { mode: 'pessimistic_write' } });
      if (!year) throw new NotFoundError('Cette année scolaire est introuvable.');
      if (dto.from > dto.to) {
        throw new InvalidInputError('La fin des vacances doit venir après leur début.', 'to');
      }
      this.checkInsideYear(schoolYear, dto.from, 'from');
      this.checkInsideYear(schoolYear, dto.to, 'to');
      const holidays = m.getRepository(SchoolHolidayEntity);
      const existing = await holidays.findBy({ schoolYearId: schoolYear });
      if (existing.some((h) => h.name.toLowerCase() === dto.name.toLowerCase())) {
        throw new ConflictError(`Cette année scolaire a déjà une période « ${dto.name} ».`);
      }
      const overlapping = existing.find((h) => h.fromDate <= dto.to && (h.toDate ?? h.fromDate) >= dto.from);
      if (overlapping) {
        throw new ConflictError(
          `Ces dates chevauchent « ${overlapping.name} » (à partir du ${formatDateFr(overlapping.fromDate)}).`,
        );
      }
      const holiday = await holidays.save(
        holidays.create({ schoolYearId: schoolYear, name: dto.name, fromDate: dto.from, toDate: dto.to }),
      );
      await this.audit.record(
        {
          actor,
          action: 'school-holiday.create',
          entity: 'school-holiday',
          entityId: holiday.id,
          details: { schoolYear, name: dto.name, from: dto.from, to: dto.to },
        },
        m,
      );
    });
    return this.city.getSchoolYear(schoolYear);
  }

  async removeHoliday(schoolYear: string, holidayId: string, actor: Actor): Promise<SchoolYearView> {
    await this.dataSource.transaction(async (m) => {
      const holidays = m.getRepository(SchoolHolidayEntity);
      const holiday = await holidays.findOneBy({ id: holidayId, schoolYearId: schoolYear });
      if (!holiday) throw new NotFoundError('Cette période de vacances est introuvable.');
      await holidays.delete({ id: holiday.id });
      await this.audit.record(
        {
          actor,
          action: 'school-holiday.delete',
          entity: 'school-holiday',
          entityId: holiday.id,
          details: { schoolYear, name: holiday.name, from: holiday.fromDate, to: holiday.toDate },
        },
        m,
      );
    });
    return this.city.getSchoolYear(schoolYear);
  }

  /** "2026-2027" runs from 1 September 2026 to 31 August 2027. */
  private checkInsideYear(schoolYear: string, date: string, field: string): void {
    const start = `${schoolYear.slice(0, 4)}-09-01`;
    const end = `${schoolYear.slice(5, 9)}-08-31`;
    if (date < start || date > end) {
      throw new InvalidInputError(
        `Cette date n'appartient pas à l'année scolaire ${schoolYear} (du ${formatDateFr(start)} au ${formatDateFr(end)}).`,
        field,
      );
    }
  }
}
