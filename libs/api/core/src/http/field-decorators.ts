import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { FRENCH_PHONE_PATTERN } from '@foyer/shared/domain';

/** Spaces around a text field are never meant: removed before validation. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}

/** A first or last name: a non-blank text of at most 100 characters, trimmed. */
export function PersonName(): PropertyDecorator {
  return (target, key) => {
    Trim()(target, key);
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(100)(target, key);
  };
}

/** A French phone number, as the web form accepts it (`FRENCH_PHONE_PATTERN`, shared/domain), trimmed. */
export function FrenchPhone(): PropertyDecorator {
  return (target, key) => {
    Trim()(target, key);
    IsString()(target, key);
    Matches(FRENCH_PHONE_PATTERN, {
      message: 'doit être un numéro de téléphone français, par exemple 06 12 34 56 78',
    })(target, key);
  };
}
