import { ValidationError } from 'class-validator';
import { flattenValidationErrors } from './validation-messages';

function error(
  property: string,
  constraints: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('French validation messages', () => {
  it('translates class-validator defaults and keeps explicit French messages', () => {
    const fields = flattenValidationErrors([
      error('password', { minLength: 'password must be longer than or equal to 12 characters' }),
      error('email', { isEmail: 'email must be an email' }),
      error('siteId', { isUuid: 'siteId must be a UUID' }),
      error('phone', { matches: 'Le numéro de téléphone doit contenir 10 chiffres.' }),
    ]);
    expect(fields).toEqual([
      { field: 'password', messages: ['doit contenir au moins 12 caractères'] },
      { field: 'email', messages: ['doit être une adresse e-mail valide'] },
      { field: 'siteId', messages: ['doit être un identifiant valide'] },
      { field: 'phone', messages: ['Le numéro de téléphone doit contenir 10 chiffres.'] },
    ]);
  });

  it('names nested fields with their path', () => {
    const fields = flattenValidationErrors([
      error('children', {}, [
        error('0', {}, [error('birthDate', { isIsoDate: 'birthDate must be an ISO date' })]),
      ]),
    ]);
    expect(fields).toEqual([
      { field: 'children.0.birthDate', messages: ['doit être une date valide au format AAAA-MM-JJ'] },
    ]);
  });
});
