import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { isIsoDate } from '@foyer/shared/domain';

/** A real calendar date written YYYY-MM-DD (2027-02-30 is refused). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: propertyKey as string,
      options,
      validator: {
        validate: (value: unknown) => isIsoDate(value),
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
