import { Pipe, PipeTransform } from '@angular/core';
import { formatFrenchPhone } from '@foyer/shared/domain';
import { formatCentsFr, formatDayFr, formatFileSize, formatInstantFr } from './format';

/** `{{ child.birthDate | dayFr }}` → « 14/01/2019 ». */
@Pipe({ name: 'dayFr' })
export class DayFrPipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return formatDayFr(value);
  }
}

/** `{{ mail.createdAt | instantFr }}` → « 14/01/2027 à 09:30 ». */
@Pipe({ name: 'instantFr' })
export class InstantFrPipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return formatInstantFr(value);
  }
}

/** `{{ amountCents | euros }}` → « 1 234,50 € ». */
@Pipe({ name: 'euros' })
export class EurosPipe implements PipeTransform {
  transform(cents: number | null | undefined): string {
    return formatCentsFr(cents);
  }
}

/** `{{ document.sizeBytes | fileSize }}` → « 2,4 Mo ». */
@Pipe({ name: 'fileSize' })
export class FileSizePipe implements PipeTransform {
  transform(bytes: number): string {
    return formatFileSize(bytes);
  }
}

/** `{{ guardian.phone | phoneFr }}` → « 06 12 34 56 78 », however it was typed. */
@Pipe({ name: 'phoneFr' })
export class PhoneFrPipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return formatFrenchPhone(value);
  }
}
