import { FoyerFieldKind, RequestFormSchema } from '@foyer/shared/contracts';
import { FormContext, FormValidator } from './form-validator';

const form: RequestFormSchema = {
  type: 'object',
  properties: {
    childId: { type: 'string', title: 'Enfant', 'x-foyer-kind': FoyerFieldKind.Child },
    proof: {
      type: 'string',
      title: 'Justificatif',
      'x-foyer-kind': FoyerFieldKind.File,
      'x-foyer-max-bytes': 1000,
    },
    insurance: {
      type: 'string',
      title: 'Assurance',
      'x-foyer-kind': FoyerFieldKind.FamilyDocument,
      'x-foyer-document-types': ['insurance'],
    },
    startOn: { type: 'string', format: 'date', title: 'Début' },
    days: { type: 'integer', title: 'Jours', minimum: 1, maximum: 5 },
  },
  required: ['childId', 'days'],
  additionalProperties: false,
};

const context: FormContext = {
  childIds: new Set(['child-1']),
  attachments: new Map([
    ['small', 500],
    ['big', 5000],
  ]),
  familyDocuments: new Map([
    ['doc-insurance', 'insurance'],
    ['doc-pai', 'pai'],
  ]),
};

describe('FormValidator', () => {
  const validator = new FormValidator();
  const problems = (data: unknown, mode: 'draft' | 'full' = 'full') =>
    Object.fromEntries(
      validator.dataProblems('t1', form, data, context, mode).map((p) => [p.field, p.messages]),
    );

  it('accepts a complete submission', () => {
    expect(
      problems({
        childId: 'child-1',
        days: 3,
        proof: 'small',
        insurance: 'doc-insurance',
        startOn: '2027-02-01',
      }),
    ).toEqual({});
  });

  it('names each problem in French: missing, unknown, wrong type, out of range, bad date', () => {
    expect(problems({ days: 9, pets: 1, startOn: '01/02/2027', childId: 4 })).toEqual({
      'data.childId': ['doit être de type string'],
      'data.days': ['doit être <= 5'],
      'data.pets': ['n’est pas un champ de ce formulaire'],
      'data.startOn': ['doit être une date au format AAAA-MM-JJ'],
    });
    expect(problems({})).toEqual({ 'data.childId': ['est obligatoire'], 'data.days': ['est obligatoire'] });
  });

  it('checks the portal kinds against the household and the request', () => {
    expect(problems({ childId: 'child-2', days: 1, proof: 'big', insurance: 'doc-pai' })).toEqual({
      'data.childId': ['ne désigne pas un enfant de votre foyer'],
      'data.proof': ['dépasse la taille maximale autorisée (1 Ko)'],
      'data.insurance': ['n’est pas un document du type attendu'],
    });
    expect(problems({ childId: 'child-1', days: 1, proof: 'elsewhere' })).toEqual({
      'data.proof': ['ne désigne pas un fichier joint à cette démarche'],
    });
  });

  it('lets a draft miss required fields, never have unknown ones', () => {
    expect(problems({ days: 2 }, 'draft')).toEqual({});
    expect(problems({ pets: 1 }, 'draft')).toEqual({ 'data.pets': ['n’est pas un champ de ce formulaire'] });
  });

  it('refuses definitions that break the meta-schema or the portal rules, naming where', () => {
    const fields = (definition: unknown) => validator.definitionProblems(definition).map((p) => p.field);
    expect(fields(form)).toEqual([]);
    expect(fields({ ...form, required: [], properties: { x: { type: 'string' } } })).toEqual([
      'form.properties.x.title',
    ]);
    expect(fields({ ...form, additionalProperties: true })).toEqual(['form.additionalProperties']);
    expect(fields({ ...form, required: [], properties: { x: { type: 'strin', title: 'X' } } })).toEqual([
      'form.properties.x.type',
    ]);
    expect(
      fields({ ...form, required: [], properties: { x: { type: 'string', title: 'X', maxLenght: 3 } } }),
    ).toEqual(['form']);
    expect(
      fields({
        ...form,
        required: [],
        properties: { x: { type: 'integer', title: 'X', 'x-foyer-kind': 'child' } },
      }),
    ).toEqual(['form.properties.x.x-foyer-kind']);
    expect(
      fields({ ...form, required: [], properties: { x: { type: 'string', title: 'X', $ref: '#/x' } } }),
    ).toContain('form');
    expect(fields('nope')).toEqual(['form']);
  });
});
