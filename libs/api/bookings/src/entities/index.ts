import { ActivityEntity } from './activity.entity';
import { ActivityOfferEntity, CapacityOverrideEntity, OfferDayEntity } from './activity-offer.entity';
import { AttendanceEntity } from './attendance.entity';
import { BookingEntity } from './booking.entity';
import { CalendarFeedEntity } from './calendar-feed.entity';
import { ClosureEntity } from './closure.entity';
import { EnrollmentEntity } from './enrollment.entity';
import { HolidayCampaignEntity } from './holiday-campaign.entity';

export const bookingsEntities = [
  ActivityEntity,
  ActivityOfferEntity,
  CapacityOverrideEntity,
  OfferDayEntity,
  EnrollmentEntity,
  HolidayCampaignEntity,
  BookingEntity,
  AttendanceEntity,
  ClosureEntity,
  CalendarFeedEntity,
];
export {
  ActivityEntity,
  ActivityOfferEntity,
  AttendanceEntity,
  BookingEntity,
  CalendarFeedEntity,
  CapacityOverrideEntity,
  ClosureEntity,
  EnrollmentEntity,
  HolidayCampaignEntity,
  OfferDayEntity,
};
export type { BookingStatus } from './booking.entity';
export { LIVE_BOOKING_STATUSES } from './booking.entity';
