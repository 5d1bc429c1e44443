import { OutgoingMail } from '@foyer/api/core';

/** The account mails, in French, plain text. Links are absolute to PUBLIC_URL. */
const SIGNATURE = `\n\n-- \nLe portail famille de votre mairie\nCe message est envoyé automatiquement, merci de ne pas y répondre.`;

export function verificationMail(to: string, firstName: string, link: string): OutgoingMail {
  return {
    to,
    subject: 'Confirmez votre adresse e-mail',
    text:
      `Bonjour ${firstName},\n\nPour activer votre compte sur le portail famille, confirmez votre adresse e-mail ` +
      `en ouvrant ce lien (valable 24 heures, utilisable une seule fois) :\n\n${link}\n\n` +
      `Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message.${SIGNATURE}`,
  };
}

export function alreadyRegisteredMail(to: string, firstName: string, resetLink: string): OutgoingMail {
  return {
    to,
    subject: 'Tentative d’inscription avec votre adresse e-mail',
    text:
      `Bonjour ${firstName},\n\nQuelqu'un vient d'essayer de créer un compte sur le portail famille avec votre ` +
      `adresse e-mail. Vous avez déjà un compte : aucun nouveau compte n'a été créé.\n\n` +
      `Si c'était vous et que vous avez oublié votre mot de passe, choisissez-en un nouveau avec ce lien ` +
      `(valable 1 heure) :\n\n${resetLink}\n\nSinon, vous pouvez ignorer ce message.${SIGNATURE}`,
  };
}

export function resetPasswordMail(to: string, firstName: string, link: string): OutgoingMail {
  return {
    to,
    subject: 'Réinitialisation de votre mot de passe',
    text:
      `Bonjour ${firstName},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, ` +
      `utilisable une seule fois) :\n\n${link}\n\n` +
      `Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.${SIGNATURE}`,
  };
}

export function agentInvitationMail(to: string, firstName: string, link: string): OutgoingMail {
  return {
    to,
    subject: 'Votre accès agent au portail famille',
    text:
      `Bonjour ${firstName},\n\nUn compte agent vient d'être créé pour vous sur le portail famille. ` +
      `Choisissez votre mot de passe avec ce lien (valable 7 jours, utilisable une seule fois) :\n\n${link}${SIGNATURE}`,
  };
}

export function changeEmailMail(to: string, firstName: string, link: string): OutgoingMail {
  return {
    to,
    subject: 'Confirmez votre nouvelle adresse e-mail',
    text:
      `Bonjour ${firstName},\n\nVous avez demandé à utiliser cette adresse pour votre compte sur le portail ` +
      `famille. Confirmez-la en ouvrant ce lien (valable 24 heures) :\n\n${link}\n\n` +
      `Tant que vous ne l'avez pas ouvert, votre ancienne adresse reste celle du compte.${SIGNATURE}`,
  };
}

export function emailChangeNoticeMail(to: string, firstName: string): OutgoingMail {
  return {
    to,
    subject: 'Changement d’adresse e-mail demandé',
    text:
      `Bonjour ${firstName},\n\nUn changement de l'adresse e-mail de votre compte vient d'être demandé. ` +
      `Si vous n'en êtes pas à l'origine, changez votre mot de passe et contactez la mairie.${SIGNATURE}`,
  };
}
