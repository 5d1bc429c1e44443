import { addDays, daysBetween, IsoDate } from './paris-dates';

/**
 * The processing target of a service request (démarche): due `targetDays` calendar days after
 * submission; the clock pauses while the city waits for the resident's answer, so the due date moves
 * later by the days spent waiting.
 */
export function requestDueOn(submittedOn: IsoDate, targetDays: number): IsoDate {
  return addDays(submittedOn, targetDays);
}

/** When the resident answers: the days the request waited, and the due date pushed by them. */
export function resumeRequestClock(
  dueOn: IsoDate,
  pausedSince: IsoDate,
  today: IsoDate,
): { dueOn: IsoDate; pausedDays: number } {
  const pausedDays = Math.max(0, daysBetween(pausedSince, today));
  return { dueOn: addDays(dueOn, pausedDays), pausedDays };
}

/** Statuses in which the city's clock runs (waiting for the resident pauses it; decided stops it). */
export const REQUEST_CLOCK_RUNNING: readonly string[] = ['submitted', 'in_review'];

/** Overdue: the city's clock runs and the due date is past. */
export function isRequestOverdue(status: string, dueOn: IsoDate | null, today: IsoDate): boolean {
  return dueOn !== null && REQUEST_CLOCK_RUNNING.includes(status) && dueOn < today;
}

/** Days from submission to decision, minus the days spent waiting for the resident. */
export function processingDays(submittedOn: IsoDate, decidedOn: IsoDate, pausedDays: number): number {
  return Math.max(0, daysBetween(submittedOn, decidedOn) - pausedDays);
}
