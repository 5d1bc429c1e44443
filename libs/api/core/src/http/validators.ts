import { Transform } from 'class-transformer';
import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { isIsoDate } from '@foyer/shared/domain';

/** Years a date the portal handles can fall in: birth dates to far-off validity ends. */
export const SENSIBLE_YEARS = { from: 1900, to: 2199 } as const;

/**
 * A real calendar date written YYYY-MM-DD (2027-02-30 is refused), in a sensible year, so that a
 * date range built from it stays small (9999-12-31 once overflowed a RangeError into a 500).
 */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: propertyKey as string,
      options,
      validator: {
        validate: (value: unknown) => {
          if (!isIsoDate(value)) return false;
          const year = Number(value.slice(0, 4));
          return year >= SENSIBLE_YEARS.from && year <= SENSIBLE_YEARS.to;
        },
        defaultMessage: () => '$property must be an ISO date',
      },
    });
}

/**
 * For PATCH bodies: the field may be left out, but when it is there it must be valid, and null is
 * refused (unlike @IsOptional(), which lets null through to a NOT NULL column).
 */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/**
 * An integer query parameter: decimal digits only. `Number()` would read 0x10 as 16, " 12" as 12
 * and "1e3" as 1000; anything but digits stays a string and fails @IsInt().
 */
export function ToInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value,
  );
}
