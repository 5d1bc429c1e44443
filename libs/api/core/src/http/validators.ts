import { registerDecorator, ValidationOptions } from 'class-validator';
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
