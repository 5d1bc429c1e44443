import { parisDateOf } from '@foyer/shared/domain';
import { periodTitleFr } from './labels';

/** "YYYY-MM" of the month `offset` months from the month of `today` (Paris). */
export function monthOffset(today: Date, offset: number): string {
  const [year, month] = parisDateOf(today).split('-').map(Number);
  const index = year * 12 + (month - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months an agent may pick, newest first: this month and the `count - 1` before it. */
export function recentMonths(today: Date, count = 13): { value: string; label: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const value = monthOffset(today, -i);
    return { value, label: periodTitleFr(value) };
  });
}
