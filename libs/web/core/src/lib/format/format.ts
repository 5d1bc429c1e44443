import { formatDateFr, formatEuros, isIsoDate, PARIS_TIME_ZONE } from '@foyer/shared/domain';

const instantTimeFr = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
});

const instantDateFr = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** « 14/01/2027 » for a calendar date or, in Paris time, for an instant. Empty for nothing. */
export function formatDayFr(value: string | null | undefined): string {
  if (!value) return '';
  if (isIsoDate(value)) return formatDateFr(value);
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : instantDateFr.format(instant);
}

/** « 14/01/2027 à 09:30 », Paris time. */
export function formatInstantFr(value: string | null | undefined): string {
  if (!value) return '';
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return `${instantDateFr.format(instant)} à ${instantTimeFr.format(instant)}`;
}

/** « 1 234,50 € » from cents; empty for nothing. */
export function formatCentsFr(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '' : formatEuros(cents);
}

const sizeFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** « 850 ko », « 2,4 Mo »: the units French residents read. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} octets`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} ko`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} Mo`;
}
