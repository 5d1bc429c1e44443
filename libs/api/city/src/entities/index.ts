import { PublicHolidayEntity } from './public-holiday.entity';
import { SchoolHolidayEntity } from './school-holiday.entity';
import { SchoolYearEntity } from './school-year.entity';
import { SiteEntity } from './site.entity';

export const cityEntities = [SiteEntity, SchoolYearEntity, SchoolHolidayEntity, PublicHolidayEntity];
export { PublicHolidayEntity, SchoolHolidayEntity, SchoolYearEntity, SiteEntity };
