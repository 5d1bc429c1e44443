import {
  AgentScope,
  ClassLevel,
  DocumentType,
  FoyerFieldKind,
  RequestEffect,
  RequestFormSchema,
  SaveRequestTypeRequest,
  SeededRequestTypeCode,
} from '@foyer/shared/contracts';

const SCHEMA = 'https://json-schema.org/draft/2020-12/schema' as const;
const FIVE_MB = 5 * 1024 * 1024;

/** The crèches of the demo commune (the commission allocates places among them). */
export const DEMO_CRECHES = [
  { const: 'creche-les-lutins', title: 'Crèche Les Lutins' },
  { const: 'creche-arc-en-ciel', title: 'Crèche Arc-en-ciel' },
  { const: 'multi-accueil-petits-pas', title: 'Multi-accueil Les Petits Pas' },
];

function form(
  properties: RequestFormSchema['properties'],
  required: string[],
  extra: Record<string, unknown> = {},
) {
  return {
    $schema: SCHEMA,
    type: 'object',
    properties,
    required,
    additionalProperties: false,
    'x-foyer-order': Object.keys(properties),
    ...extra,
  } as RequestFormSchema;
}

/**
 * Every seeded request type, with its form. `schools` are the commune's schools (id, name): the
 * school enrolment form offers them as choices; `activities` the bookings activities when known.
 */
export function requestTypeDefinitions(
  schools: { id: string; name: string }[],
  activities: { id: string; name: string }[] = [],
): SaveRequestTypeRequest[] {
  const child = { type: 'string', title: 'Enfant concerné', 'x-foyer-kind': FoyerFieldKind.Child } as const;
  return [
    {
      code: SeededRequestTypeCode.SchoolEnrolment,
      title: 'Inscription scolaire',
      description:
        'Inscrire votre enfant à l’école publique de la commune pour la rentrée, ou demander un changement d’école. ' +
        'Le service scolaire affecte l’école selon le secteur et les places disponibles.',
      form: form(
        {
          childId: child,
          schoolSiteId: {
            type: 'string',
            title: 'École souhaitée',
            oneOf: schools.map((s) => ({ const: s.id, title: s.name })),
          },
          classLevel: {
            type: 'string',
            title: 'Niveau à la rentrée',
            enum: Object.values(ClassLevel),
          },
          startOn: { type: 'string', format: 'date', title: 'Date d’entrée souhaitée' },
          reason: {
            type: 'string',
            title: 'Motif (changement d’école, dérogation)',
            maxLength: 1000,
            'x-foyer-widget': 'textarea',
          },
        },
        ['childId', 'schoolSiteId', 'classLevel'],
      ),
      requiredDocuments: [
        { code: DocumentType.ProofOfAddress, label: 'Justificatif de domicile de moins de 3 mois' },
        { code: DocumentType.Vaccination, label: 'Carnet de vaccinations à jour' },
      ],
      scope: AgentScope.Enfance,
      effect: RequestEffect.SchoolEnrolment,
      targetDays: 15,
      severalOpenAllowed: false,
    },
    {
      code: SeededRequestTypeCode.ActivityEnrolment,
      title: 'Inscription à une activité',
      description:
        'Inscrire votre enfant à l’accueil périscolaire, à la restauration scolaire ou au centre de loisirs. ' +
        'Une fois l’inscription acceptée, vous réservez les jours depuis « Réservations ».',
      form: form(
        {
          childId: child,
          activityId: activities.length
            ? {
                type: 'string',
                title: 'Activité',
                oneOf: activities.map((a) => ({ const: a.id, title: a.name })),
              }
            : { type: 'string', title: 'Activité', minLength: 1, maxLength: 100 },
          startOn: { type: 'string', format: 'date', title: 'À partir du' },
          comment: { type: 'string', title: 'Précisions', maxLength: 1000, 'x-foyer-widget': 'textarea' },
        },
        ['childId', 'activityId'],
      ),
      requiredDocuments: [{ code: DocumentType.Insurance, label: 'Attestation d’assurance extrascolaire' }],
      scope: AgentScope.Enfance,
      effect: RequestEffect.ActivityEnrolment,
      targetDays: 7,
      severalOpenAllowed: true,
    },
    {
      code: SeededRequestTypeCode.QuotientUpdate,
      title: 'Mise à jour du quotient familial',
      description:
        'Transmettre votre nouveau quotient familial CAF : il s’applique à vos factures à partir de la date d’effet ' +
        'retenue par le service facturation.',
      form: form(
        {
          cafNumber: { type: 'string', title: 'Numéro d’allocataire CAF', pattern: '^\\d{7}$' },
          quotient: { type: 'integer', title: 'Quotient familial (en euros)', minimum: 0, maximum: 5000 },
          effectiveFrom: { type: 'string', format: 'date', title: 'Date d’effet souhaitée' },
          attestationDocument: {
            type: 'string',
            title: 'Attestation CAF déjà dans votre dossier famille',
            'x-foyer-kind': FoyerFieldKind.FamilyDocument,
            'x-foyer-document-types': [DocumentType.CafAttestation],
          },
          attestationFile: {
            type: 'string',
            title: 'Ou : attestation CAF (fichier)',
            'x-foyer-kind': FoyerFieldKind.File,
            'x-foyer-max-bytes': FIVE_MB,
          },
        },
        ['cafNumber', 'quotient'],
      ),
      requiredDocuments: [
        {
          code: DocumentType.CafAttestation,
          label: 'Attestation de quotient familial CAF de moins de 3 mois',
        },
      ],
      scope: AgentScope.Facturation,
      effect: RequestEffect.QuotientUpdate,
      targetDays: 10,
      severalOpenAllowed: false,
    },
    {
      code: SeededRequestTypeCode.CrechePlace,
      title: 'Demande de place en crèche',
      description:
        'Demander une place en crèche municipale : classez jusqu’à trois établissements par ordre de préférence. ' +
        'La commission d’attribution examine les demandes et vous informe de sa décision.',
      form: form(
        {
          childId: child,
          wishes: {
            type: 'array',
            title: 'Crèches souhaitées, par ordre de préférence',
            items: { type: 'string', oneOf: DEMO_CRECHES },
            minItems: 1,
            maxItems: 3,
            uniqueItems: true,
          },
          desiredStartOn: { type: 'string', format: 'date', title: 'Date d’entrée souhaitée' },
          daysPerWeek: { type: 'integer', title: 'Jours d’accueil par semaine', minimum: 1, maximum: 5 },
        },
        ['childId', 'wishes', 'desiredStartOn', 'daysPerWeek'],
      ),
      requiredDocuments: [{ code: DocumentType.ProofOfAddress, label: 'Justificatif de domicile' }],
      scope: AgentScope.Enfance,
      effect: RequestEffect.CrechePlace,
      targetDays: 60,
      severalOpenAllowed: false,
    },
    {
      code: SeededRequestTypeCode.Certificate,
      title: 'Demande d’attestation',
      description:
        'Obtenir une attestation de présence (inscription de votre enfant à l’école) ou une attestation de ' +
        'paiement (sommes réglées sur l’année, pour vos impôts ou votre employeur).',
      form: form(
        {
          kind: {
            type: 'string',
            title: 'Attestation demandée',
            oneOf: [
              { const: 'presence', title: 'Attestation de présence' },
              { const: 'paiement', title: 'Attestation de paiement' },
            ],
          },
          childId: { ...child, title: 'Enfant concerné (attestation de présence)' },
          year: { type: 'integer', title: 'Année (attestation de paiement)', minimum: 2000, maximum: 2100 },
        },
        ['kind'],
        { if: { properties: { kind: { const: 'presence' } } }, then: { required: ['childId'] } },
      ),
      requiredDocuments: [],
      scope: AgentScope.Demarches,
      effect: RequestEffect.Certificate,
      targetDays: 5,
      severalOpenAllowed: true,
    },
    {
      code: SeededRequestTypeCode.AddressChange,
      title: 'Changement d’adresse',
      description:
        'Signaler votre nouvelle adresse : elle est mise à jour dans votre dossier famille une fois vérifiée.',
      form: form(
        {
          line1: { type: 'string', title: 'Adresse', minLength: 3, maxLength: 200 },
          line2: { type: 'string', title: 'Complément d’adresse', maxLength: 200 },
          postalCode: { type: 'string', title: 'Code postal', pattern: '^\\d{5}$' },
          city: { type: 'string', title: 'Commune', minLength: 1, maxLength: 100 },
          movingOn: { type: 'string', format: 'date', title: 'Date du déménagement' },
          proof: {
            type: 'string',
            title: 'Justificatif de domicile de moins de 3 mois',
            'x-foyer-kind': FoyerFieldKind.File,
            'x-foyer-max-bytes': FIVE_MB,
          },
        },
        ['line1', 'postalCode', 'city'],
      ),
      requiredDocuments: [
        { code: DocumentType.ProofOfAddress, label: 'Justificatif de domicile de moins de 3 mois' },
      ],
      scope: AgentScope.Demarches,
      effect: RequestEffect.AddressChange,
      targetDays: 10,
      severalOpenAllowed: false,
    },
    {
      code: SeededRequestTypeCode.FreeMessage,
      title: 'Écrire à la mairie',
      description: 'Une question, une remarque, une demande qui n’entre dans aucune autre démarche.',
      form: form(
        {
          subject: { type: 'string', title: 'Objet', minLength: 3, maxLength: 150 },
          message: {
            type: 'string',
            title: 'Votre message',
            minLength: 1,
            maxLength: 4000,
            'x-foyer-widget': 'textarea',
          },
        },
        ['subject', 'message'],
      ),
      requiredDocuments: [],
      scope: AgentScope.Demarches,
      effect: RequestEffect.None,
      targetDays: 15,
      severalOpenAllowed: true,
    },
  ];
}
