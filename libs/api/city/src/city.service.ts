import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CalendarDayView, SchoolYearView, SiteView } from '@foyer/shared/contracts';
import {
  daysBetween,
  dayKind,
  eachDay,
  publicHolidayOn,
  SchoolYearCalendar,
  schoolHolidayOn,
} from '@foyer/shared/domain';
import { InvalidInputError, NotFoundError } from '@foyer/api/core';
import { PublicHolidayEntity, SchoolYearEntity, SiteEntity } from './entities';

function toSiteView(site: SiteEntity): SiteView {
  return { id: site.id, code: site.code, kind: site.kind, name: site.name, address: site.address };
}

/** Sites and school calendars of the city: what other domains ask to know where and when. */
@Injectable()
export class CityService {
  constructor(
    @InjectRepository(SiteEntity) private readonly sites: Repository<SiteEntity>,
    @InjectRepository(SchoolYearEntity) private readonly schoolYears: Repository<SchoolYearEntity>,
    @InjectRepository(PublicHolidayEntity) private readonly publicHolidays: Repository<PublicHolidayEntity>,
  ) {}

  async listSites(): Promise<SiteView[]> {
    const sites = await this.sites.find({ order: { kind: 'DESC', name: 'ASC' } });
    return sites.map(toSiteView);
  }

  async getSite(id: string): Promise<SiteView> {
    const site = await this.sites.findOneBy({ id });
    if (!site) throw new NotFoundError('Ce site est introuvable.');
    return toSiteView(site);
  }

  async listSchoolYears(): Promise<SchoolYearView[]> {
    const years = await this.schoolYears.find({ order: { id: 'ASC' } });
    return Promise.all(years.map((y) => this.getSchoolYear(y.id)));
  }

  /** The calendar of a school year, with the public holidays that fall inside it. */
  async getSchoolYear(id: string): Promise<SchoolYearView> {
    const year = await this.schoolYears.findOne({ where: { id }, relations: { holidays: true } });
    if (!year) throw new NotFoundError('Cette année scolaire est introuvable.');
    const summerEnd = `${Number(id.slice(5, 9))}-08-31`;
    const holidays = await this.publicHolidays
      .createQueryBuilder('h')
      .where('h.date BETWEEN :from AND :to', { from: `${id.slice(0, 4)}-09-01`, to: summerEnd })
      .orderBy('h.date')
      .getMany();
    return {
      schoolYear: year.id,
      zone: year.zone,
      firstSchoolDay: year.firstSchoolDay,
      lastSchoolDay: year.lastSchoolDay,
      classWeekdays: year.classWeekdays,
      holidays: (year.holidays ?? [])
        .sort((a, b) => a.fromDate.localeCompare(b.fromDate))
        .map((h) => ({ id: h.id, name: h.name, from: h.fromDate, to: h.toDate })),
      publicHolidays: holidays.map((h) => ({ date: h.date, name: h.name })),
    };
  }

  /** The same calendar as the pure domain type the booking and billing rules take. */
  async getCalendar(id: string): Promise<SchoolYearCalendar> {
    return this.getSchoolYear(id);
  }

  /** What each day of a range is (class day, leisure-centre day, closed), for calendars and bookings. */
  async listDays(schoolYear: string, from: string, to: string): Promise<CalendarDayView[]> {
    if (to < from) throw new InvalidInputError('La date de fin doit suivre la date de début.', 'to');
    if (daysBetween(from, to) > 92) {
      throw new InvalidInputError('La période demandée ne peut dépasser 93 jours.', 'to');
    }
    const calendar = await this.getCalendar(schoolYear);
    return eachDay(from, to).map((date) => ({
      date,
      kind: dayKind(calendar, date),
      label: publicHolidayOn(calendar, date)?.name ?? schoolHolidayOn(calendar, date)?.name ?? null,
    }));
  }
}
