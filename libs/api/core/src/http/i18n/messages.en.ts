/**
 * The API's error messages in English, keyed by the French message the code throws (French is the
 * source language). A message built from a template literal is keyed by its template with numbered
 * holes, `{0}`, `{1}`… in the order of the `${…}`; the English places each hole where English
 * wants it. Values (names, French dates, numbers) are inserted as they are.
 * message-catalogue.spec.ts fails on a thrown message without an entry and on an entry no longer
 * thrown; `PRINT_MISSING=1` lists the missing ones in tmp/api-i18n-missing.txt.
 */
export const ENGLISH_MESSAGES: Readonly<Record<string, string>> = {
  'Ce compte est introuvable.': 'This account cannot be found.',
  'La date de fin doit venir après la date de début.': 'The end date must come after the start date.',
  'Un compte existe déjà avec cette adresse e-mail.': 'An account already exists with this e-mail address.',
  'Indiquez les périmètres ou le statut à modifier.': 'Give the scopes or the status to change.',
  'Vous ne pouvez pas désactiver votre propre compte.': 'You cannot deactivate your own account.',
  'Cet agent est introuvable.': 'This agent cannot be found.',
  'Merci ! Si cette adresse peut être utilisée, un e-mail vient de vous être envoyé : ouvrez le lien qu’il contient pour activer votre compte.':
    'Thank you! If this address can be used, an e-mail has just been sent to it: open the link it contains to activate your account.',
  'Si un compte en attente de confirmation existe pour cette adresse, un nouveau lien vient de lui être envoyé.':
    'If an account awaiting confirmation exists for this address, a new link has just been sent to it.',
  'Si un compte existe pour cette adresse, un e-mail avec un lien pour choisir un nouveau mot de passe vient de lui être envoyé.':
    'If an account exists for this address, an e-mail with a link to choose a new password has just been sent to it.',
  'Ce lien de confirmation est invalide, a déjà servi ou a expiré. Demandez-en un nouveau.':
    'This confirmation link is invalid, has already been used or has expired. Ask for a new one.',
  'Votre adresse e-mail est confirmée. Vous pouvez vous connecter.':
    'Your e-mail address is confirmed. You can sign in.',
  'Cette adresse e-mail est déjà utilisée par un autre compte.':
    'This e-mail address is already used by another account.',
  'Votre nouvelle adresse e-mail est confirmée.': 'Your new e-mail address is confirmed.',
  'Ce lien de réinitialisation est invalide, a déjà servi ou a expiré. Demandez-en un nouveau.':
    'This reset link is invalid, has already been used or has expired. Ask for a new one.',
  'Votre mot de passe a été enregistré. Vous pouvez vous connecter.':
    'Your password has been saved. You can sign in.',
  'Adresse e-mail ou mot de passe incorrect.': 'Incorrect e-mail address or password.',
  'Ce compte est désactivé. Contactez la mairie pour le réactiver.':
    'This account is deactivated. Contact the town hall to reactivate it.',
  "Votre adresse e-mail n'est pas encore confirmée. Ouvrez le lien que nous vous avons envoyé par e-mail, ou demandez un nouveau lien avec « Renvoyer le lien ».":
    'Your e-mail address is not confirmed yet. Open the link we sent you by e-mail, or ask for a new link with “Resend the link”.',
  'Votre mot de passe a été modifié. Vos autres appareils ont été déconnectés.':
    'Your password has been changed. Your other devices have been signed out.',
  'La nouvelle adresse est identique à l’adresse actuelle.':
    'The new address is the same as the current one.',
  'Un lien de confirmation vient d’être envoyé à votre nouvelle adresse. Elle remplacera l’ancienne quand vous l’aurez ouvert.':
    'A confirmation link has just been sent to your new address. It will replace the old one once you have opened it.',
  "Votre compte n'a pas encore de mot de passe : choisissez-en un avec « Mot de passe oublié ».":
    'Your account has no password yet: choose one with “Forgotten password”.',
  'Le mot de passe est incorrect.': 'The password is incorrect.',
  'Votre session a expiré. Veuillez vous reconnecter.': 'Your session has expired. Please sign in again.',
  '{0} secondes': '{0} seconds',
  '{0} minutes': '{0} minutes',
  'Trop de tentatives. Réessayez dans {0}.': 'Too many attempts. Try again in {0}.',
  'doit être une adresse e-mail valide': 'must be a valid e-mail address',
  'ne contient que des périmètres parmi enfance, facturation, demarches':
    'may only contain scopes among enfance, facturation, demarches',
  'doit être un identifiant valide': 'must be a valid identifier',
  'doit être une action, par exemple quotient.validate': 'must be an action, for example quotient.validate',
  'doit être un instant ISO 8601, par exemple 2027-01-14T08:30:00Z':
    'must be an ISO 8601 instant, for example 2027-01-14T08:30:00Z',
  "FranceConnect n'est pas configuré sur ce portail.": 'FranceConnect is not configured on this portal.',
  'est trop courant : choisissez un mot de passe moins prévisible':
    'is too common: choose a less predictable password',
  'Cette annonce est introuvable.': 'This announcement cannot be found.',
  'La fin de diffusion doit être après le début.': 'The end of publication must come after its start.',
  'Ce champ est obligatoire pour cette audience.': 'This field is required for this audience.',
  'Ce champ ne s’applique pas à cette audience.': 'This field does not apply to this audience.',
  'Ce site est introuvable.': 'This site cannot be found.',
  'Cette activité est introuvable.': 'This activity cannot be found.',
  'Cette date n’existe pas.': 'This date does not exist.',
  'doit être une date et une heure avec fuseau, par exemple 2027-01-14T08:30:00+01:00':
    'must be a date and time with a time zone, for example 2027-01-14T08:30:00+01:00',
  'On ne facture pas un mois qui n’a pas commencé.': 'A month that has not started cannot be billed.',
  'Une campagne existe déjà pour {0} : relancez-la.': 'A billing run already exists for {0}: run it again.',
  'Cette campagne est finalisée (ou en cours de finalisation) : elle ne se relance plus.':
    'This billing run is finalised (or being finalised): it can no longer be run again.',
  'Cette campagne de facturation est introuvable.': 'This billing run cannot be found.',
  'Ce foyer n’a rien à facturer dans cette campagne.':
    'This household has nothing to bill in this billing run.',
  'Cette campagne a {0} point(s) bloquant(s) : corrigez-les et relancez-la, ou confirmez la finalisation malgré eux.':
    'This billing run has {0} blocking issue(s): fix them and run it again, or confirm the finalisation despite them.',
  'Aucun paiement n’est encore enregistré pour cette facture.':
    'No payment has been recorded for this invoice yet.',
  'doit être fixed ou percent': 'must be fixed or percent',
  'doit être brackets, effort_rate ou flat': 'must be brackets, effort_rate or flat',
  'doit être un mois au format AAAA-MM': 'must be a month in the format YYYY-MM',
  'doit être un IBAN, par exemple FR76 3000 …': 'must be an IBAN, for example FR76 3000 …',
  'doit être un BIC de 8 ou 11 caractères': 'must be a BIC of 8 or 11 characters',
  'La fin de la période doit suivre son début.': 'The end of the period must come after its start.',
  'Cette facture est introuvable.': 'This invoice cannot be found.',
  "Le montant de l'avoir dépasse ce que la facture porte encore ({0} centimes).":
    'The credit note amount exceeds what is left on the invoice ({0} cents).',
  'Cette facture est déjà entièrement annulée par des avoirs.':
    'This invoice is already fully cancelled by credit notes.',
  "Cet IBAN n'est pas valide (clé de contrôle).": 'This IBAN is not valid (check digits).',
  "Ce BIC n'est pas valide.": 'This BIC is not valid.',
  'Un mandat de prélèvement est déjà actif : révoquez-le avant d’en signer un autre.':
    'A direct debit mandate is already active: revoke it before signing another one.',
  "Vous n'avez pas de mandat de prélèvement actif.": 'You have no active direct debit mandate.',
  'Ce tarif est introuvable.': 'This tariff cannot be found.',
  'Ce tarif a déjà servi à facturer : créez un nouveau tarif à partir d’une date, il remplacera celui-ci.':
    'This tariff has already been used for billing: create a new tariff from a date, it will replace this one.',
  'Des factures ont déjà été émises pour des jours à partir de cette date : choisissez un début après le dernier mois facturé.':
    'Invoices have already been issued for days from this date on: choose a start after the last billed month.',
  'Indiquez au moins une tranche.': 'Give at least one bracket.',
  'La fin de validité doit suivre son début.': 'The end of validity must come after its start.',
  'Un autre tarif de cette activité couvre déjà une partie de cette période.':
    'Another tariff of this activity already covers part of this period.',
  'On ne peut pointer un jour à venir.': 'Attendance cannot be taken for a day still to come.',
  'Cet enfant est introuvable.': 'This child cannot be found.',
  'Un enfant sans réservation ne peut être pointé que présent.':
    'A child without a booking can only be marked present.',
  'Cette période est facturée : le pointage est verrouillé.':
    'This period has been billed: attendance is locked.',
  'Cette activité n’est pas proposée sur ce site.': 'This activity is not offered at this site.',
  'La date de fin doit suivre la date de début.': 'The end date must come after the start date.',
  'La période ne peut dépasser {0} jours.': 'The period cannot exceed {0} days.',
  'Aucun jour de service dans cette période pour ces jours de la semaine.':
    'No service day in this period for these days of the week.',
  'Indiquez au moins un jour.': 'Give at least one day.',
  'Au plus {0} changements par demande ({1} reçus).': 'At most {0} changes per request ({1} received).',
  'Ce jour apparaît deux fois pour la même activité.': 'This day appears twice for the same activity.',
  'Le {0} est hors des années scolaires ouvertes aux réservations.':
    '{0} is outside the school years open for bookings.',
  '{0} n’est pas inscrit(e) à « {1} » pour l’année {2}.': '{0} is not enrolled in “{1}” for the year {2}.',
  '« {0} » ne permet pas l’annulation pour maladie en ligne.':
    '“{0}” does not allow cancelling online for illness.',
  'L’annulation pour maladie se fait le jour même.': 'Cancelling for illness is done on the day itself.',
  'L’annulation pour maladie est possible jusqu’à {0} le jour même.':
    'Cancelling for illness is possible until {0} on the day itself.',
  'Aucune réservation ce jour pour cette activité.': 'No booking on this day for this activity.',
  'Joignez le certificat médical.': 'Attach the medical certificate.',
  'Le certificat doit être un PDF, JPEG ou PNG.': 'The certificate must be a PDF, JPEG or PNG.',
  'Cette réservation est introuvable.': 'This booking cannot be found.',
  'Ce jour n’est pas une absence pour maladie.': 'This day is not an absence for illness.',
  'Un certificat a déjà été envoyé pour ce jour.': 'A certificate has already been sent for this day.',
  'Le certificat devait être envoyé au plus tard le {0}.':
    'The certificate had to be sent by {0} at the latest.',
  'Ce calendrier est introuvable.': 'This calendar cannot be found.',
  'La période demandée ne peut dépasser {0} jours.': 'The requested period cannot exceed {0} days.',
  'Une activité porte déjà ce code.': 'An activity already has this code.',
  'Cette activité est déjà proposée sur ce site.': 'This activity is already offered at this site.',
  'Cette offre est introuvable.': 'This offer cannot be found.',
  'Ce jour est passé.': 'This day is over.',
  'La fin doit suivre le début.': 'The end must come after the start.',
  'La clôture doit suivre l’ouverture.': 'The closing must come after the opening.',
  'Une campagne existe déjà pour cette période.': 'A campaign already exists for this period.',
  'Une fermeture ne peut dépasser {0} jours.': 'A closure cannot exceed {0} days.',
  'Une fermeture ne peut commencer dans le passé.': 'A closure cannot start in the past.',
  'Cette année scolaire n’est pas ouverte aux inscriptions.': 'This school year is not open for enrolments.',
  '{0} est déjà inscrit(e) ou en attente pour « {1} » cette année.':
    '{0} is already enrolled or waiting for “{1}” this year.',
  'Indiquez le motif du refus.': 'Give the reason for the refusal.',
  'Cette inscription est introuvable.': 'This enrolment cannot be found.',
  'Cette inscription a déjà été traitée.': 'This enrolment has already been processed.',
  'Année scolaire invalide (AAAA-AAAA).': 'Invalid school year (YYYY-YYYY).',
  'Cette proposition est introuvable.': 'This offer of a place cannot be found.',
  'Cette proposition n’est plus valable.': 'This offer of a place is no longer valid.',
  'Un site porte déjà le code « {0} ».': 'A site already has the code “{0}”.',
  'Cette année scolaire est introuvable.': 'This school year cannot be found.',
  'Le dernier jour de classe doit venir après le premier.':
    'The last day of school must come after the first.',
  'La fin des vacances doit venir après leur début.': 'The end of the holidays must come after their start.',
  'Cette année scolaire a déjà une période « {0} ».': 'This school year already has a period “{0}”.',
  'Ces dates chevauchent « {0} » (à partir du {1}).': 'These dates overlap “{0}” (from {1}).',
  'Cette période de vacances est introuvable.': 'This holiday period cannot be found.',
  "Cette date n'appartient pas à l'année scolaire {0} (du {1} au {2}).":
    'This date is not in the school year {0} (from {1} to {2}).',
  'La période demandée ne peut dépasser 93 jours.': 'The requested period cannot exceed 93 days.',
  'doit être en minuscules, chiffres et tirets, par exemple ecole-jean-jaures':
    'must be lowercase letters, digits and hyphens, for example ecole-jean-jaures',
  'doit être school ou leisure_centre': 'must be school or leisure_centre',
  'La requête est invalide.': 'The request is invalid.',
  'Veuillez vous connecter.': 'Please sign in.',
  "Vous n'avez pas les droits nécessaires pour cette action.":
    'You do not have the rights needed for this action.',
  'Ressource introuvable.': 'Resource not found.',
  'Cette méthode n’est pas permise sur cette adresse.': 'This method is not allowed on this address.',
  "L'opération est impossible dans l'état actuel.": 'The operation is impossible in the current state.',
  'La requête est trop volumineuse.': 'The request is too large.',
  "Ce type de contenu n'est pas accepté.": 'This content type is not accepted.',
  'Trop de tentatives. Réessayez plus tard.': 'Too many attempts. Try again later.',
  'Une erreur interne est survenue. Réessayez plus tard ; si le problème persiste, contactez la mairie.':
    'An internal error occurred. Try again later; if the problem persists, contact the town hall.',
  'Le service est momentanément indisponible.': 'The service is temporarily unavailable.',
  "Le corps de la requête n'est pas un JSON valide.": 'The request body is not valid JSON.',
  "L'adresse demandée est mal formée.": 'The requested address is malformed.',
  'Cet élément existe déjà.': 'This item already exists.',
  'Le champ « {0} » est obligatoire.': 'The field “{0}” is required.',
  'Un champ obligatoire est manquant.': 'A required field is missing.',
  'Cette période chevauche une période existante.': 'This period overlaps an existing period.',
  'Cet élément est lié à un autre et ne peut être modifié ainsi.':
    'This item is linked to another one and cannot be changed this way.',
  'Une autre opération était en cours. Réessayez.': 'Another operation was in progress. Try again.',
  'Le corps de la requête est imbriqué trop profondément.': 'The request body is nested too deeply.',
  "Aucune ressource à l'adresse {0} {1}.": 'No resource at the address {0} {1}.',
  'doit être un numéro de téléphone français, par exemple 06 12 34 56 78':
    'must be a French phone number, for example 06 12 34 56 78',
  'ne doit pas contenir de caractère nul': 'must not contain a null character',
  'contient un caractère Unicode invalide': 'contains an invalid Unicode character',
  'doit contenir au plus {0} élément(s)': 'must contain at most {0} item(s)',
  "n'est pas un champ attendu": 'is not an expected field',
  'Le champ « {0} » {1}.': 'The field “{0}” {1}.',
  "L'adresse ou les en-têtes de la requête sont trop longs.":
    'The address or the headers of the request are too long.',
  'La requête est mal formée.': 'The request is malformed.',
  "L'identifiant dans l'adresse n'est pas valide.": 'The identifier in the address is not valid.',
  'est obligatoire': 'is required',
  'doit être un texte': 'must be a text',
  'doit être un nombre entier': 'must be an integer',
  'doit être un nombre': 'must be a number',
  'doit valoir vrai ou faux': 'must be true or false',
  "n'est pas une valeur autorisée": 'is not an allowed value',
  "n'a pas la longueur attendue": 'does not have the expected length',
  'doit être un nombre positif': 'must be a positive number',
  'doit être une date valide': 'must be a valid date',
  'doit être un numéro de téléphone mobile valide': 'must be a valid mobile phone number',
  'doit être une date valide au format AAAA-MM-JJ': 'must be a valid date in the format YYYY-MM-DD',
  'doit être une date et une heure valides (AAAA-MM-JJTHH:MM, avec le fuseau)':
    'must be a valid date and time (YYYY-MM-DDTHH:MM, with the time zone)',
  'doit être une liste': 'must be a list',
  'doit être un objet': 'must be an object',
  'doit être une adresse web valide': 'must be a valid web address',
  'doit être un numéro de téléphone valide': 'must be a valid phone number',
  'doit être un code postal valide': 'must be a valid postal code',
  "n'a pas le format attendu": 'does not have the expected format',
  'doit contenir au moins {0} caractères': 'must contain at least {0} characters',
  'doit contenir au plus {0} caractères': 'must contain at most {0} characters',
  'doit être supérieur ou égal à {0}': 'must be greater than or equal to {0}',
  'doit être inférieur ou égal à {0}': 'must be less than or equal to {0}',
  'doit contenir au moins {0} élément(s)': 'must contain at least {0} item(s)',
  'ne doit pas être vide': 'must not be empty',
  "n'est pas valide": 'is not valid',
  'ne doit pas contenir deux fois le même élément': 'must not contain the same item twice',
  'est trop courant': 'is too common',
  'est trop facile à deviner': 'is too easy to guess',
  'est trop facile à deviner : {0}': 'is too easy to guess: {0}',
  "n'est pas la valeur attendue": 'is not the expected value',
  'doit être un nombre ou un texte': 'must be a number or a text',
  'La date de naissance doit être dans le passé.': 'The date of birth must be in the past.',
  'Le portail accueille les enfants de {0} à {1} ans : cet enfant a {2} an{3}.':
    'The portal welcomes children aged {0} to {1}: this child is {2} year{3} old.',
  'Cette école est introuvable.': 'This school cannot be found.',
  'Ce site n’est pas une école.': 'This site is not a school.',
  'Un document PAI ne peut être joint que si l’enfant a un PAI.':
    'A PAI document can only be attached if the child has a PAI (individual care plan).',
  'Le panier-repas est réservé aux enfants qui ont un PAI.':
    'The packed lunch is reserved for children who have a PAI (individual care plan).',
  'Ce document est introuvable.': 'This document cannot be found.',
  'Ce document n’est pas un PAI.': 'This document is not a PAI.',
  'Ce contact est introuvable.': 'This contact cannot be found.',
  'Joignez un fichier PDF, JPEG ou PNG.': 'Attach a PDF, JPEG or PNG file.',
  'Le fichier dépasse la taille maximale de 10 Mo.': 'The file exceeds the maximum size of 10 MB.',
  'Le fichier doit être un PDF, une image JPEG ou une image PNG : son contenu ne correspond à aucun de ces formats.':
    'The file must be a PDF, a JPEG image or a PNG image: its content matches none of these formats.',
  'La date d’expiration est déjà passée.': 'The expiry date has already passed.',
  'Votre périmètre ne donne pas accès aux justificatifs des familles.':
    "Your scope does not give access to families' supporting documents.",
  'Votre périmètre ne donne pas accès à ce type de justificatif.':
    'Your scope does not give access to this type of supporting document.',
  'doit être un code postal à 5 chiffres': 'must be a 5-digit postal code',
  "doit être un numéro d'allocataire CAF à 7 chiffres": 'must be a 7-digit CAF beneficiary number',
  'Ce foyer est introuvable.': 'This household cannot be found.',
  'Ce compte famille est clôturé.': 'This family account is closed.',
  'Cette adresse est déjà celle d’un responsable du foyer.':
    'This address already belongs to a guardian of the household.',
  'Ce foyer a déjà deux responsables légaux.': 'This household already has two legal guardians.',
  'Cette invitation n’est plus valable. Demandez au responsable du foyer de vous en envoyer une nouvelle.':
    "This invitation is no longer valid. Ask the household's guardian to send you a new one.",
  'Cette invitation a été envoyée à une autre adresse e-mail.':
    'This invitation was sent to another e-mail address.',
  'Vous faites déjà partie de ce foyer.': 'You are already part of this household.',
  'Votre compte est déjà rattaché à un foyer qui contient des informations : il ne peut en rejoindre un autre.':
    'Your account is already linked to a household that holds information: it cannot join another one.',
  'Une demande de clôture est déjà en cours de traitement.': 'A closure request is already being processed.',
  'Cette demande de clôture est introuvable.': 'This closure request cannot be found.',
  'Cette demande de clôture a déjà été exécutée.': 'This closure request has already been carried out.',
  'Un responsable a rejoint ce foyer pendant la clôture : relancez-la.':
    'A guardian joined this household during the closure: start it again.',
  'Le nombre de parts doit être un multiple de 0,5 (ex. 2,5).':
    'The number of shares must be a multiple of 0.5 (e.g. 2.5).',
  'Joignez votre attestation CAF.': 'Attach your CAF certificate.',
  'Joignez votre avis d’imposition.': 'Attach your tax notice.',
  'Ce quotient familial est introuvable.': 'This quotient familial cannot be found.',
  'Ce quotient familial a déjà été traité.': 'This quotient familial has already been processed.',
  'La date d’effet ne peut pas être antérieure au {0} : ni avant la rentrée scolaire en cours, ni plus de {1} mois avant le mois de la déclaration.':
    'The effective date cannot be earlier than {0}: neither before the start of the current school year, nor more than {1} months before the month of the declaration.',
  'Un quotient familial est déjà en vigueur à partir de cette date ou après : choisissez une date d’effet plus tardive.':
    'A quotient familial already applies from this date or later: choose a later effective date.',
  'Envoyez un seul fichier PDF, JPEG ou PNG, dans le champ « file ».':
    'Send a single PDF, JPEG or PNG file, in the field “file”.',
  'Cette tâche en échec est introuvable.': 'This failed task cannot be found.',
  "Cette boîte de développement n'est pas disponible sur ce serveur.":
    'This development mailbox is not available on this server.',
  'Ce message est introuvable.': 'This message cannot be found.',
  'Ce sujet de message n’existe pas.': 'This message topic does not exist.',
  'Ce canal ne se règle pas (la messagerie du portail est toujours active).':
    "This channel cannot be set (the portal's messaging is always on).",
  '« {0} » est obligatoire par e-mail : {1}': '“{0}” is required by e-mail: {1}',
  'doit être une clé publique P-256 en base64url': 'must be a base64url P-256 public key',
  'doit être un secret de 16 octets en base64url': 'must be a 16-byte secret in base64url',
  'Ce service de notification n’est pas accepté : l’adresse doit être en https sur un domaine public.':
    'This notification service is not accepted: the address must use https on a public domain.',
  'doit être cash, cheque, cesu, holiday_vouchers ou transfer':
    'must be cash, cheque, cesu, holiday_vouchers or transfer',
  'doit contenir des lettres, des chiffres, des tirets ou des barres':
    'must contain letters, digits, hyphens or slashes',
  'doit être paid, refused ou abandoned': 'must be paid, refused or abandoned',
  'Ce paiement est introuvable.': 'This payment cannot be found.',
  "Le paiement en ligne n'est pas disponible pour le moment.":
    'Online payment is not available at the moment.',
  'Un paiement de cette facture est déjà en cours de confirmation.':
    'A payment of this invoice is already being confirmed.',
  'Cette facture est déjà réglée.': 'This invoice is already paid.',
  'Cette facture sera prélevée sur votre compte : elle ne se paie pas en ligne.':
    'This invoice will be debited from your account: it cannot be paid online.',
  'Le paiement en ligne demande au moins 1,00 € : réglez ce montant au guichet.':
    'Online payment requires at least €1.00: pay this amount at the counter.',
  'Le service de paiement ne répond pas : réessayez dans quelques minutes.':
    'The payment service is not answering: try again in a few minutes.',
  'Ce service de paiement est inconnu.': 'This payment service is unknown.',
  'Notification refusée : signature invalide.': 'Notification refused: invalid signature.',
  'Ce paiement est déjà traité.': 'This payment has already been processed.',
  'Un paiement en espèces est limité à 300 € par facture.': 'A cash payment is limited to €300 per invoice.',
  'Cette facture est annulée par avoir : elle ne se paie plus.':
    'This invoice is cancelled by a credit note: it can no longer be paid.',
  'Les paiements en espèces d’une même facture sont limités à 300 € au total.':
    'Cash payments for the same invoice are limited to €300 in total.',
  'Ce numéro de quittance est déjà utilisé.': 'This receipt number is already used.',
  'doit être en minuscules, chiffres et tirets (ex. inscription-scolaire)':
    'must be lowercase letters, digits and hyphens (e.g. inscription-scolaire)',
  'doit être un objet (les réponses du formulaire)': "must be an object (the form's answers)",
  'doit être counter (guichet), phone (téléphone) ou mail (courrier)': 'must be counter, phone or mail',
  'doit valoir true ou false': 'must be true or false',
  'doit être l’un de : {0}': 'must be one of: {0}',
  'Cette activité n’existe plus au catalogue.': 'This activity is no longer in the catalogue.',
  'Cet enfant n’est plus dans le foyer.': 'This child is no longer in the household.',
  'Indiquez le site où l’activité est proposée pour cet enfant.':
    'Give the site where the activity is offered for this child.',
  'Choisissez l’enfant concerné par l’attestation.': 'Choose the child the certificate is for.',
  '{0} n’est inscrit·e dans aucune école de la commune : pas d’attestation de présence possible.':
    '{0} is not enrolled in any school of the town: no attendance certificate is possible.',
  'Aucun paiement n’est enregistré pour ce foyer en {0} : il n’y a rien à attester.':
    'No payment is recorded for this household in {0}: there is nothing to certify.',
  'Choisissez le type d’attestation.': 'Choose the type of certificate.',
  'Indiquez la crèche attribuée par la commission.': 'Give the nursery allocated by the committee.',
  'Indiquez une date d’entrée à venir (AAAA-MM-JJ).': 'Give an entry date still to come (YYYY-MM-DD).',
  'La date d’effet doit être une date au format AAAA-MM-JJ.':
    'The effective date must be a date in the format YYYY-MM-DD.',
  'La date d’effet ne peut pas être antérieure au {0}.': 'The effective date cannot be earlier than {0}.',
  'Choisissez une école de la commune.': 'Choose a school of the town.',
  'Ce niveau de classe n’existe pas.': 'This class level does not exist.',
  'n’est pas un champ de ce formulaire': 'is not a field of this form',
  'doit être une date au format AAAA-MM-JJ': 'must be a date in the format YYYY-MM-DD',
  'n’est pas valide': 'is not valid',
  'Statut inconnu : {0}.': 'Unknown status: {0}.',
  'Type de démarche inconnu : {0}.': 'Unknown request type: {0}.',
  'Indiquez un identifiant d’agent, « me » ou « none ».': 'Give an agent identifier, “me” or “none”.',
  'Tapez au moins deux caractères.': 'Type at least two characters.',
  'Utilisez soit « cursor », soit « page ».': 'Use either “cursor” or “page”.',
  'Ce curseur de pagination n’est pas valide : repartez de la première page.':
    'This pagination cursor is not valid: start again from the first page.',
  'Ce type de démarche est introuvable.': 'This request type cannot be found.',
  'Un type de démarche porte déjà ce code.': 'A request type already has this code.',
  'Des demandes de ce type sont en cours : son effet ne peut pas changer maintenant.':
    'Requests of this type are in progress: its effect cannot change now.',
  'Ce type de démarche n’existe pas.': 'This request type does not exist.',
  'Cette démarche est introuvable.': 'This request cannot be found.',
  'Vous avez déjà une démarche « {0} » en cours : complétez-la ou retirez-la avant d’en commencer une autre.':
    'You already have a request “{0}” in progress: complete it or withdraw it before starting another one.',
  'Une démarche « {0} » ne peut pas passer à l’état « {1} ».':
    'A request “{0}” cannot move to the status “{1}”.',
  'Cette démarche est déjà envoyée : elle ne peut plus être modifiée.':
    'This request has already been sent: it can no longer be changed.',
  'Cette démarche est déjà envoyée.': 'This request has already been sent.',
  'Seul un agent peut poser une question.': 'Only an agent can ask a question.',
  'Cette démarche n’est pas en cours de traitement : vous ne pouvez plus y écrire.':
    'This request is not being processed: you can no longer write in it.',
  'Ces pièces jointes ne sont pas celles de cette démarche.':
    'These attachments do not belong to this request.',
  'Cette démarche est terminée : vous ne pouvez plus y joindre de fichier.':
    'This request is closed: you can no longer attach a file to it.',
  'Cette démarche est terminée : vous ne pouvez plus y joindre de document.':
    'This request is closed: you can no longer attach a document to it.',
  'Ce document est introuvable dans votre dossier famille.':
    'This document cannot be found in your family file.',
  'Cette pièce jointe est introuvable.': 'This attachment cannot be found.',
  'Ce document n’est plus dans le dossier famille.': 'This document is no longer in the family file.',
  'Ce justificatif se consulte depuis le dossier famille, selon votre périmètre.':
    'This supporting document is viewed from the family file, according to your scope.',
  'Un agent ne peut pas mettre une démarche à l’état « {0} ».':
    'An agent cannot set a request to the status “{0}”.',
  'Écrivez la question posée à l’usager.': 'Write the question asked to the resident.',
  'Cette personne n’est pas un agent habilité pour ce type de démarche.':
    'This person is not an agent authorised for this request type.',
  'Ce type de démarche ne relève pas de votre périmètre.': 'This request type is not within your scope.',
  // libs/api/requests: request forms (their definition, the portal's field kinds)
  'ne désigne pas un enfant de votre foyer': 'is not a child of your household',
  'ne désigne pas un fichier joint à cette démarche': 'is not a file attached to this request',
  'dépasse la taille maximale autorisée ({0})': 'exceeds the maximum size allowed ({0})',
  'ne désigne pas un document de votre dossier famille': 'is not a document of your family file',
  'n’est pas un document du type attendu': 'is not a document of the expected type',
  'doit être un schéma JSON (un objet)': 'must be a JSON schema (an object)',
  'doit être https://json-schema.org/draft/2020-12/schema':
    'must be https://json-schema.org/draft/2020-12/schema',
  'doit valoir « object »': 'must be “object”',
  'doit valoir false : un champ inconnu doit être refusé': 'must be false: an unknown field must be refused',
  'ne doit pas utiliser de références ($ref, $id) : chaque champ est décrit sur place':
    'must not use references ($ref, $id): each field is described in place',
  'doit décrire au moins un champ': 'must describe at least one field',
  'nom de champ invalide : lettres, chiffres et « _ », en commençant par une lettre':
    'invalid field name: letters, digits and “_”, starting with a letter',
  'doit être un objet décrivant le champ': 'must be an object describing the field',
  'chaque champ doit avoir un libellé (title) en français': 'every field must have a label (title) in French',
  'type de champ inconnu : {0}': 'unknown field type: {0}',
  'ne s’applique qu’à un champ de type « string » (un identifiant)':
    'only applies to a field of type “string” (an identifier)',
  'une liste doit décrire ses éléments (type string, number ou integer)':
    'a list must describe its items (type string, number or integer)',
  '« {0} » n’est pas un champ du formulaire': '“{0}” is not a field of the form',
  'utilise un mot-clé inconnu : « {0} »': 'uses an unknown keyword: “{0}”',
  'ne peut pas être compilé : vérifiez les mots-clés et les formats utilisés':
    'cannot be compiled: check the keywords and formats used',
  // libs/shared/domain: deadline rules (bookings' catalog)
  'La règle doit finir par « at HH:MM ».': 'The rule must end with “at HH:MM”.',
  'Heure invalide « {0} » (attendu HH:MM).': 'Invalid time “{0}” (expected HH:MM).',
  'Le nombre de jours doit être entre 1 et 60.': 'The number of days must be between 1 and 60.',
  'Jour inconnu « {0} » (monday … sunday).': 'Unknown day “{0}” (monday … sunday).',
  'Règle inconnue : « N calendar|working days before at HH:MM », « the day before at HH:MM », « thursday of the week before at HH:MM » ou « the same day at HH:MM ».':
    'Unknown rule: “N calendar|working days before at HH:MM”, “the day before at HH:MM”, “thursday of the week before at HH:MM” or “the same day at HH:MM”.',
  // libs/api/kiosk and the kiosk guard
  'Cette modification du compte n’est pas possible depuis une borne : faites-la sur votre appareil.':
    'This account change cannot be made from a kiosk: make it on your own device.',
  'Ce lien d’activation de borne est inconnu ou a déjà servi.':
    'This kiosk activation link is unknown or has already been used.',
  'Seule une borne de la ville peut demander une connexion par QR code.':
    'Only a city kiosk can ask for a QR code sign-in.',
  'Cette demande de connexion est introuvable.': 'This sign-in request cannot be found.',
  'Ce code a déjà été utilisé.': 'This code has already been used.',
  'Cette session de borne est introuvable ou déjà terminée.':
    'This kiosk session cannot be found or has already ended.',
  'Aucune session de borne n’est ouverte ici.': 'No kiosk session is open here.',
  'Validez la connexion depuis votre téléphone, pas depuis une borne.':
    'Approve the sign-in from your phone, not from a kiosk.',
  'Seul un parent dont le foyer est enregistré peut ouvrir une session sur une borne.':
    'Only a parent whose household is registered can open a session on a kiosk.',
  'Ce code de connexion est inconnu.': 'This sign-in code is unknown.',
  'Ce nombre ne correspond pas à celui affiché sur la borne : touchez « Commencer » sur la borne pour un nouveau code.':
    'This number does not match the one shown on the kiosk: touch “Start” on the kiosk for a new code.',
  'Ce code a expiré : demandez-en un nouveau sur la borne.':
    'This code has expired: ask the kiosk for a new one.',
};

/**
 * The password strength advice (zxcvbn-ts's French feedback, libs/api/accounts' IsStrongPassword),
 * inserted into « est trop facile à deviner : {0} » as several sentences: each is replaced where it
 * appears. translate.spec.ts checks that every sentence of @zxcvbn-ts/language-fr has one.
 */
export const ENGLISH_PASSWORD_ADVICE: Readonly<Record<string, string>> = {
  'Les lignes droites de touches de votre clavier sont faciles à deviner':
    'Straight rows of keys on your keyboard are easy to guess.',
  'Des motifs de clavier courts sont faciles à deviner': 'Short keyboard patterns are easy to guess.',
  "Les caractères répétés comme 'aaa' sont faciles à deviner":
    "Repeated characters like 'aaa' are easy to guess.",
  "Les caractères répétés comme 'abcabcabc' sont faciles à deviner":
    "Repeated character patterns like 'abcabcabc' are easy to guess.",
  "Des séquences de caractères communs comme 'abc' sont faciles à deviner":
    "Common character sequences like 'abc' are easy to guess.",
  'Les années récentes sont faciles à deviner.': 'Recent years are easy to guess.',
  'Les dates sont faciles à deviner.': 'Dates are easy to guess.',
  'Ce mot de passe est très utilisé.': 'This is a heavily used password.',
  'Ce mot de passe est fréquemment utilisé.': 'This is a frequently used password.',
  'Ce mot de passe est couramment utilisé.': 'This is a commonly used password.',
  'Ce mot de passe est similaire à un mot de passe couramment utilisé.':
    'This is similar to a commonly used password.',
  'Les mots simples sont faciles à deviner.': 'Single words are easy to guess.',
  'Des noms ou des prénoms simples sont faciles à deviner.': 'Single names or surnames are easy to guess.',
  'Les noms communs et les noms de famille sont faciles à deviner.':
    'Common names and surnames are easy to guess.',
  'Le mot de passe ne doit pas comporter de données personnelles ou liées au site.':
    'The password must not contain personal or site-related data.',
  'Votre mot de passe a été divulgué suite à une violation de données sur Internet.':
    'Your password was exposed by a data breach on the Internet.',
  "Évitez les substitutions de lettres prévisibles comme '@' pour 'a'.":
    "Avoid predictable letter substitutions like '@' for 'a'.",
  'Évitez les orthographes inversées des mots courants': 'Avoid reversed spellings of common words.',
  'Mettez quelques lettres en majuscules, mais pas toutes.': 'Capitalise some, but not all letters.',
  'Utilisez des majuscules mais pas seulement sur la première lettre.':
    'Capitalise more than the first letter.',
  'Évitez les dates et les années qui vous sont associées. (ex: date ou année de naissance)':
    'Avoid dates and years that are associated with you (e.g. your date or year of birth).',
  'Évitez les dernières années.': 'Avoid recent years.',
  'Évitez les années qui vous sont associées. (ex: date de naissance)':
    'Avoid years that are associated with you (e.g. your date of birth).',
  'Évitez les séquences de caractères courantes.': 'Avoid common character sequences.',
  'Évitez les mots et les caractères répétés.': 'Avoid repeated words and characters.',
  'Utilisez des motifs de clavier plus longs et changez de sens de frappe plusieurs fois.':
    'Use longer keyboard patterns and change typing direction several times.',
  'Ajoutez des mots moins courants.': 'Add more words that are less common.',
  'Utilisez plusieurs mots, mais évitez les phrases courantes.':
    'Use multiple words, but avoid common phrases.',
  'Vous pouvez créer des mots de passe forts sans utiliser de symboles, de chiffres ou de lettres majuscules.':
    'You can create strong passwords without using symbols, numbers, or uppercase letters.',
  'Si vous utilisez ce mot de passe ailleurs, vous devriez le modifier.':
    'If you use this password elsewhere, you should change it.',
  // libs/api/accounts/src/passwords/password-strength.ts, when zxcvbn gives no advice.
  'Ajoutez des mots ou des caractères moins prévisibles.':
    'Add words or characters that are less predictable.',
};

/**
 * Request form answers are checked by Ajv with ajv-i18n's French messages (libs/api/requests'
 * FormValidator): its templates, `{n}` being a limit or a name and a last `{n}` the plural « s »
 * (which the English may leave out).
 * translate.spec.ts runs ajv-i18n over every keyword and checks each message has its English.
 */
export const ENGLISH_FORM_MESSAGES: Readonly<Record<string, string>> = {
  'ne doit pas contenir plus de {0} élémént{1}': 'must not have more than {0} item{1}',
  'ne doit pas contenir de propriétés additionnelles': 'must not have additional properties',
  'doit correspondre à un schéma de "anyOf"': 'must match a schema in "anyOf"',
  'doit être égal à la constante': 'must be equal to the constant',
  'doit contenir un élément valide': 'must contain a valid item',
  'doit avoir la propriété {0} quand la propriété {1} est présente':
    'must have the property {0} when the property {1} is present',
  'doit être valide selon le critère "{0}"': 'must pass the "{0}" keyword validation',
  'doit être égal à une des valeurs prédéfinies': 'must be equal to one of the allowed values',
  'le schema est "false"': 'the schema is "false"',
  'doit correspondre au format "{0}"': 'must match the format "{0}"',
  'doit être <= {0}': 'must be <= {0}',
  'doit être >= {0}': 'must be >= {0}',
  'doit être < {0}': 'must be < {0}',
  'doit être > {0}': 'must be > {0}',
  'doit correspondre au schéma "{0}"': 'must match the schema "{0}"',
  'ne doit pas contenir plus de {0} élément{1}': 'must not have more than {0} item{1}',
  'ne doit pas dépasser {0} caractère{1}': 'must not be longer than {0} character{1}',
  'ne doit pas contenir plus de {0} propriété{1}': 'must not have more properties than {0}',
  'ne doit pas contenir moins de {0} élément{1}': 'must not have fewer than {0} item{1}',
  'ne doit pas faire moins de {0} caractère{1}': 'must not be shorter than {0} character{1}',
  'ne doit pas contenir moins de {0} propriété{1}': 'must not have fewer properties than {0}',
  'doit être un multiple de {0}': 'must be a multiple of {0}',
  'est invalide selon le schéma "not"': 'must not be valid according to the schema in "not"',
  'doit correspondre à exactement un schéma de "oneOf"': 'must match exactly one schema in "oneOf"',
  'la propriété doit correspondre au format "{0}"': 'the property must match the format "{0}"',
  'le nom de propriété est invalide': 'the property name is invalid',
  'requiert la propriété {0}': 'requires the property {0}',
  'doit être de type {0}': 'must be of type {0}',
  'ne doit pas contenir de doublons (les éléments ## {0} et {1} sont identiques)':
    'must not contain duplicates (items ## {0} and {1} are identical)',
};
