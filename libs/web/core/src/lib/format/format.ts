import { formatDateFr, formatEuros, isIsoDate, PARIS_TIME_ZONE } from '@foyer/shared/domain';
import { angularLocaleId, storedLocale } from '../i18n/locale';

/**
 * Dates, amounts and sizes follow the page's language (fr-FR, or en-GB on the English pages),
 * always in Paris time. The names keep « Fr »: French is the default and what most residents read.
 */
function pageLocale(): string {
  return angularLocaleId(storedLocale());
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(kind: 'date' | 'time'): Intl.DateTimeFormat {
  const locale = pageLocale();
  const key = `${locale}|${kind}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      kind === 'date'
        ? { timeZone: PARIS_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }
        : { timeZone: PARIS_TIME_ZONE, hour: '2-digit', minute: '2-digit' },
    );
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** « 14/01/2027 » for a calendar date or, in Paris time, for an instant. Empty for nothing. */
export function formatDayFr(value: string | null | undefined): string {
  if (!value) return '';
  if (isIsoDate(value)) return formatDateFr(value, pageLocale());
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : dateTimeFormat('date').format(instant);
}

/** « 14/01/2027 à 09:30 » (« 14/01/2027 at 09:30 » in English), Paris time. */
export function formatInstantFr(value: string | null | undefined): string {
  if (!value) return '';
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const date = dateTimeFormat('date').format(instant);
  const time = dateTimeFormat('time').format(instant);
  return $localize`:@@core.format.instant:${date}:date: à ${time}:time:`;
}

/** « 1 234,50 € » (« €1,234.50 » in English) from cents; empty for nothing. */
export function formatCentsFr(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '' : formatEuros(cents, pageLocale());
}

/** « 850 ko », « 2,4 Mo »: the units French residents read (« 850 KB », « 2.4 MB » in English). */
export function formatFileSize(bytes: number): string {
  const size = new Intl.NumberFormat(pageLocale(), { maximumFractionDigits: 1 });
  if (bytes < 1024) {
    const count = size.format(bytes);
    return $localize`:@@core.format.bytes:${count}:count: octets`;
  }
  if (bytes < 1024 * 1024) {
    const kilobytes = size.format(bytes / 1024);
    return $localize`:@@core.format.kilobytes:${kilobytes}:size: ko`;
  }
  const megabytes = size.format(bytes / (1024 * 1024));
  return $localize`:@@core.format.megabytes:${megabytes}:size: Mo`;
}
