import { DataSource } from 'typeorm';
import { SiteKind } from '@foyer/shared/contracts';
import { PublicHolidayEntity, SchoolHolidayEntity, SchoolYearEntity, SiteEntity } from '../entities';
import calendar from './calendar-zone-c.json';

/** The demo city's sites. Codes are stable so that other seeds can refer to them. */
export const DEMO_SITES = [
  {
    code: 'ecole-jean-jaures',
    kind: SiteKind.School,
    name: 'École Jean-Jaurès',
    address: '12 rue Jean-Jaurès, 94999 Foyer-sur-Marne',
  },
  {
    code: 'ecole-victor-hugo',
    kind: SiteKind.School,
    name: 'École Victor-Hugo',
    address: '3 avenue Victor-Hugo, 94999 Foyer-sur-Marne',
  },
  {
    code: 'ecole-paul-bert',
    kind: SiteKind.School,
    name: 'École Paul-Bert',
    address: '45 rue Paul-Bert, 94999 Foyer-sur-Marne',
  },
  {
    code: 'ecole-louise-michel',
    kind: SiteKind.School,
    name: 'École Louise-Michel',
    address: '8 quai Blanqui, 94999 Foyer-sur-Marne',
  },
  {
    code: 'centre-loisirs-les-iles',
    kind: SiteKind.LeisureCentre,
    name: 'Centre de loisirs Les Îles',
    address: '2 chemin de Halage, 94999 Foyer-sur-Marne',
  },
] as const;

/** Sites and the 2026-2027 zone C calendar. Upserts on natural keys: running it twice changes nothing. */
export async function seedCity(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(SiteEntity).upsert(
      DEMO_SITES.map((s) => ({ ...s })),
      { conflictPaths: ['code'], skipUpdateIfNoValuesChanged: true },
    );
    for (const year of calendar.schoolYears) {
      await manager.getRepository(SchoolYearEntity).upsert(
        {
          id: year.schoolYear,
          zone: year.zone as 'C',
          firstSchoolDay: year.firstSchoolDay,
          lastSchoolDay: year.lastSchoolDay,
          classWeekdays: year.classWeekdays,
        },
        { conflictPaths: ['id'], skipUpdateIfNoValuesChanged: true },
      );
      await manager.getRepository(SchoolHolidayEntity).upsert(
        year.holidays.map((h) => ({
          schoolYearId: year.schoolYear,
          name: h.name,
          fromDate: h.from,
          toDate: h.to,
        })),
        { conflictPaths: ['schoolYearId', 'name'], skipUpdateIfNoValuesChanged: true },
      );
    }
    await manager
      .getRepository(PublicHolidayEntity)
      .upsert(calendar.publicHolidays, { conflictPaths: ['date'], skipUpdateIfNoValuesChanged: true });
  });
}
