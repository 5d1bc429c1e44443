import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { AcknowledgementView, RegisterRequest, ApiErrorCode } from '@foyer/shared/contracts';
import {
  APP_CONFIG,
  AuditService,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  Mailer,
  NotFoundError,
  UnauthenticatedError,
} from '@foyer/api/core';
import type { AppConfig, AuthenticatedUser, OutgoingMail } from '@foyer/api/core';
import { UserEntity, UserTokenEntity, UserTokenPurpose } from '../entities';
import {
  agentInvitationMail,
  alreadyRegisteredMail,
  changeEmailMail,
  emailChangeNoticeMail,
  resetPasswordMail,
  verificationMail,
} from '../mail/account-mails';
import { hashPassword, verifyDummyPassword, verifyPassword } from '../passwords/password-policy';
import { hashToken, newToken, normaliseEmail } from '../tokens';
import { canSignIn } from '../users';
import { SessionsService } from './sessions.service';
import { CountedAttempt, THROTTLE_RULES, ThrottleService } from './throttle.service';

const HOUR = 60 * 60 * 1000;
export const TOKEN_TTL_MS: Record<'verify' | 'reset' | 'invitation', number> = {
  verify: 24 * HOUR,
  reset: HOUR,
  invitation: 7 * 24 * HOUR,
};

export const MESSAGES = {
  registered:
    'Merci ! Si cette adresse peut être utilisée, un e-mail vient de vous être envoyé : ouvrez le lien qu’il contient pour activer votre compte.',
  resent:
    'Si un compte en attente de confirmation existe pour cette adresse, un nouveau lien vient de lui être envoyé.',
  forgot:
    'Si un compte existe pour cette adresse, un e-mail avec un lien pour choisir un nouveau mot de passe vient de lui être envoyé.',
  verified: 'Votre adresse e-mail est confirmée. Vous pouvez vous connecter.',
  emailChanged: 'Votre nouvelle adresse e-mail est confirmée.',
  passwordReset: 'Votre mot de passe a été enregistré. Vous pouvez vous connecter.',
  passwordChanged: 'Votre mot de passe a été modifié. Vos autres appareils ont été déconnectés.',
  emailChangeRequested:
    'Un lien de confirmation vient d’être envoyé à votre nouvelle adresse. Elle remplacera l’ancienne quand vous l’aurez ouvert.',
  badCredentials: 'Adresse e-mail ou mot de passe incorrect.',
  notVerified:
    "Votre adresse e-mail n'est pas encore confirmée. Ouvrez le lien que nous vous avons envoyé par e-mail, ou demandez un nouveau lien avec « Renvoyer le lien ».",
  deactivated: 'Ce compte est désactivé. Contactez la mairie pour le réactiver.',
  badVerificationLink:
    'Ce lien de confirmation est invalide, a déjà servi ou a expiré. Demandez-en un nouveau.',
  badResetLink: 'Ce lien de réinitialisation est invalide, a déjà servi ou a expiré. Demandez-en un nouveau.',
} as const;

/**
 * Sign-up, sign-in, e-mail verification, password reset and change. Answers never tell whether an
 * e-mail has an account; security timing and token expiry use real time, not the application Clock.
 */
@Injectable()
export class IdentityService implements OnModuleDestroy {
  private readonly logger = new Logger(IdentityService.name);
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly mailer: Mailer,
    private readonly throttle: ThrottleService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async register(request: RegisterRequest, ip: string): Promise<AcknowledgementView> {
    const ipKey = `register:ip:${ip}`;
    await this.throttle.take(ipKey, THROTTLE_RULES.register);
    const email = normaliseEmail(request.email);
    // Hashed whether or not the account exists: both paths take the same time.
    const passwordHash = await hashPassword(request.password);
    // The unique index on lower(email) settles concurrent sign-ups: exactly one insert wins.
    const inserted: { id: string }[] = await this.db.query(
      `INSERT INTO users (email, password_hash, first_name, last_name, phone, role)
       VALUES ($1, $2, $3, $4, $5, 'resident')
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING id`,
      [email, passwordHash, request.firstName.trim(), request.lastName.trim(), normalisePhone(request.phone)],
    );
    if (inserted.length === 1) {
      await this.sendVerification(inserted[0].id, email, request.firstName.trim());
      return { message: MESSAGES.registered };
    }
    const existing = await this.findByEmail(email);
    if (existing && canSignIn(existing)) {
      if (existing.emailVerifiedAt === null) {
        const replaced = await this.replaceUnverified(existing.id, passwordHash, request);
        if (replaced) {
          await this.mailer.send(
            verificationMail(replaced.email, replaced.firstName, this.verificationLink(replaced.token)),
          );
        } else {
          await this.sendVerification(existing.id, existing.email, existing.firstName);
        }
      } else {
        await this.issueLink(existing.id, UserTokenPurpose.ResetPassword, TOKEN_TTL_MS.reset, (token) => [
          alreadyRegisteredMail(existing.email, existing.firstName, this.resetLink(token)),
        ]);
      }
    }
    return { message: MESSAGES.registered };
  }

  /**
   * A sign-up for a resident account nobody has confirmed yet: whoever registered first may not own
   * the address, so the latest sign-up's password and names replace theirs and only its link works.
   * Invited staff accounts are never touched. Returns null when the account does not qualify.
   */
  private async replaceUnverified(
    userId: string,
    passwordHash: string,
    request: RegisterRequest,
  ): Promise<{ email: string; firstName: string; token: string } | null> {
    const token = newToken();
    const now = new Date();
    // One statement: the new password, the end of every earlier link and the new link go together.
    const rows: { email: string; first_name: string }[] = await this.db.query(
      `WITH replaced AS (
         UPDATE users SET password_hash = $2, first_name = $3, last_name = $4, phone = $5, updated_at = $6
         WHERE id = $1 AND email_verified_at IS NULL AND role = 'resident' AND active AND anonymised_at IS NULL
         RETURNING id, email, first_name
       ), ended AS (
         UPDATE user_tokens SET used_at = $6
         WHERE user_id IN (SELECT id FROM replaced) AND purpose = $7 AND used_at IS NULL
       ), created AS (
         INSERT INTO user_tokens (user_id, purpose, token_hash, expires_at)
         SELECT id, $7, $8, $9 FROM replaced
       )
       SELECT email, first_name FROM replaced`,
      [
        userId,
        passwordHash,
        request.firstName.trim(),
        request.lastName.trim(),
        normalisePhone(request.phone),
        now,
        UserTokenPurpose.VerifyEmail,
        hashToken(token),
        new Date(now.getTime() + TOKEN_TTL_MS.verify),
      ],
    );
    if (!rows.length) return null;
    return { email: rows[0].email, firstName: rows[0].first_name, token };
  }

  async resendVerification(emailInput: string, ip: string): Promise<AcknowledgementView> {
    await this.countMailRequest(ip);
    this.inBackground(async () => {
      const user = await this.findByEmail(emailInput);
      if (user && canSignIn(user) && user.emailVerifiedAt === null) {
        await this.sendVerification(user.id, user.email, user.firstName);
      }
    });
    return { message: MESSAGES.resent };
  }

  async forgotPassword(emailInput: string, ip: string): Promise<AcknowledgementView> {
    await this.countMailRequest(ip);
    this.inBackground(async () => {
      const user = await this.findByEmail(emailInput);
      if (user && canSignIn(user)) {
        await this.issueLink(user.id, UserTokenPurpose.ResetPassword, TOKEN_TTL_MS.reset, (token) => [
          resetPasswordMail(user.email, user.firstName, this.resetLink(token)),
        ]);
      }
    });
    return { message: MESSAGES.forgot };
  }

  /**
   * Work whose duration would tell whether an account exists (creating a link, queueing a mail) runs
   * after the answer, so that every answer takes the same time. Shutdown waits for it.
   */
  private inBackground(work: () => Promise<void>): void {
    const task = work()
      .catch((error: unknown) => this.logger.error({ err: error }, 'account mail could not be prepared'))
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  /** Runs before the mail queue stops (beforeApplicationShutdown), so pending mails still get queued. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  /** Confirms a sign-up address, or a new address after a change of e-mail. */
  async verifyEmail(token: string): Promise<AcknowledgementView> {
    const used = await this.db.transaction(async (manager) => {
      // The account's row first, as a sign-up replacing an unconfirmed password takes it: a link
      // opened meanwhile is either ended by that sign-up or confirms the account before it.
      await manager.query(
        `SELECT 1 FROM users WHERE id IN (SELECT user_id FROM user_tokens WHERE token_hash = $1) FOR UPDATE`,
        [hashToken(token)],
      );
      const consumed = await this.consumeToken(
        token,
        [UserTokenPurpose.VerifyEmail, UserTokenPurpose.ChangeEmail],
        manager,
      );
      if (consumed?.purpose === UserTokenPurpose.VerifyEmail) {
        await manager.query(
          `UPDATE users SET email_verified_at = $2
           WHERE id = $1 AND email_verified_at IS NULL AND anonymised_at IS NULL`,
          [consumed.userId, new Date()],
        );
      }
      return consumed;
    });
    if (!used) throw new InvalidInputError(MESSAGES.badVerificationLink, 'token');
    const user = await this.users.findOneBy({ id: used.userId });
    if (!user || user.anonymisedAt) throw new InvalidInputError(MESSAGES.badVerificationLink, 'token');
    if (used.purpose === UserTokenPurpose.VerifyEmail) return { message: MESSAGES.verified };
    const newEmail = used.newEmail as string;
    const taken = await this.findByEmail(newEmail);
    if (taken && taken.id !== user.id) {
      throw new ConflictError('Cette adresse e-mail est déjà utilisée par un autre compte.', 'token');
    }
    await this.db.transaction(async (manager) => {
      await manager
        .getRepository(UserEntity)
        .update({ id: user.id }, { email: newEmail, emailVerifiedAt: new Date() });
      await this.audit.record(
        {
          actor: { id: user.id, role: user.role },
          action: 'user.email.change',
          entity: 'user',
          entityId: user.id,
          details: { email: { before: user.email, after: newEmail } },
        },
        manager,
      );
    });
    return { message: MESSAGES.emailChanged };
  }

  /** Sets a password from a reset link (or an agent's invitation) and ends every session. */
  async resetPassword(token: string, password: string): Promise<AcknowledgementView> {
    const used = await this.consumeToken(token, [UserTokenPurpose.ResetPassword]);
    if (!used) throw new InvalidInputError(MESSAGES.badResetLink, 'token');
    const user = await this.users.findOneBy({ id: used.userId });
    if (!user || !canSignIn(user)) throw new InvalidInputError(MESSAGES.badResetLink, 'token');
    await this.users.update(
      { id: user.id },
      // The link reached the mailbox: the address is proven.
      { passwordHash: await hashPassword(password), emailVerifiedAt: user.emailVerifiedAt ?? new Date() },
    );
    await this.sessions.revokeAll(user.id);
    await this.throttle.reset(accountKey(user.email));
    return { message: MESSAGES.passwordReset };
  }

  /**
   * Sign-in with e-mail and password (called by the Passport local strategy). Unknown e-mail and
   * wrong password give the same answer in about the same time, and both count as failures.
   */
  async authenticate(emailInput: string, password: string, ip: string): Promise<UserEntity> {
    const email = normaliseEmail(emailInput);
    const ipKey = `login:ip:${ip}`;
    // Counted before the password is checked, so that parallel guesses cannot pass the limit;
    // an attempt that turns out not to be a failure is forgiven.
    const accountAttempt = await this.throttle.take(accountKey(email), THROTTLE_RULES.loginAccount);
    let ipAttempt: CountedAttempt;
    try {
      ipAttempt = await this.throttle.take(ipKey, THROTTLE_RULES.loginIp);
    } catch (error) {
      await this.throttle.forgive(accountAttempt);
      throw error;
    }
    const user = await this.findByEmail(email);
    const valid =
      user?.passwordHash && !user.anonymisedAt
        ? await verifyPassword(user.passwordHash, password)
        : await verifyDummyPassword(password);
    if (!user || !valid) throw new UnauthenticatedError(MESSAGES.badCredentials);
    await this.throttle.forgive(ipAttempt);
    if (!canSignIn(user) || !user.emailVerifiedAt) {
      await this.throttle.forgive(accountAttempt);
      if (!canSignIn(user)) throw new ForbiddenError(MESSAGES.deactivated);
      throw new ForbiddenError(MESSAGES.notVerified).withCode(ApiErrorCode.EmailNotVerified);
    }
    await this.throttle.reset(accountKey(email));
    return user;
  }

  async changePassword(
    caller: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
  ): Promise<AcknowledgementView> {
    const user = await this.requireUser(caller.id);
    await this.checkPassword(user, currentPassword, 'currentPassword');
    await this.users.update({ id: user.id }, { passwordHash: await hashPassword(newPassword) });
    await this.sessions.revokeAll(user.id, caller.sessionId);
    return { message: MESSAGES.passwordChanged };
  }

  /** The new address receives a link; the e-mail changes only when it is opened. */
  async requestEmailChange(
    caller: AuthenticatedUser,
    newEmailInput: string,
    password: string,
  ): Promise<AcknowledgementView> {
    const user = await this.requireUser(caller.id);
    await this.checkPassword(user, password, 'password');
    const newEmail = normaliseEmail(newEmailInput);
    if (newEmail === user.email) {
      throw new InvalidInputError('La nouvelle adresse est identique à l’adresse actuelle.', 'newEmail');
    }
    await this.issueLink(
      user.id,
      UserTokenPurpose.ChangeEmail,
      TOKEN_TTL_MS.verify,
      (token) => [
        changeEmailMail(newEmail, user.firstName, this.verificationLink(token)),
        emailChangeNoticeMail(user.email, user.firstName),
      ],
      newEmail,
    );
    return { message: MESSAGES.emailChangeRequested };
  }

  /** An agent's first password: a reset link valid 7 days. */
  async sendInvitation(user: UserEntity): Promise<void> {
    await this.issueLink(user.id, UserTokenPurpose.ResetPassword, TOKEN_TTL_MS.invitation, (token) => [
      agentInvitationMail(user.email, user.firstName, this.resetLink(token)),
    ]);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .where('lower(u.email) = :email', { email: normaliseEmail(email) })
      .getOne();
  }

  private async requireUser(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user || !canSignIn(user)) throw new NotFoundError('Ce compte est introuvable.');
    return user;
  }

  /** A wrong password here counts as a failed sign-in: these routes must not help guess it. */
  private async checkPassword(user: UserEntity, password: string, field: string): Promise<void> {
    const attempt = await this.throttle.take(accountKey(user.email), THROTTLE_RULES.loginAccount);
    if (!user.passwordHash) {
      await this.throttle.forgive(attempt);
      throw new InvalidInputError(
        "Votre compte n'a pas encore de mot de passe : choisissez-en un avec « Mot de passe oublié ».",
        field,
      );
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new InvalidInputError('Le mot de passe est incorrect.', field);
    }
    await this.throttle.forgive(attempt);
  }

  private async countMailRequest(ip: string): Promise<void> {
    const key = `mail-request:ip:${ip}`;
    await this.throttle.take(key, THROTTLE_RULES.mailRequest);
  }

  private async sendVerification(userId: string, email: string, firstName: string): Promise<void> {
    await this.issueLink(userId, UserTokenPurpose.VerifyEmail, TOKEN_TTL_MS.verify, (token) => [
      verificationMail(email, firstName, this.verificationLink(token)),
    ]);
  }

  /**
   * A new single-use link (earlier unused links of the same purpose stop working) and the mails that
   * carry it, in one transaction: the link exists only if its mail is queued, and the other way round.
   */
  private async issueLink(
    userId: string,
    purpose: UserTokenPurpose,
    ttlMs: number,
    mails: (token: string) => OutgoingMail[],
    newEmail?: string,
  ): Promise<void> {
    const token = newToken();
    const now = new Date();
    await this.db.transaction(async (m) => {
      const tokens = m.getRepository(UserTokenEntity);
      await tokens.update({ userId, purpose, usedAt: IsNull() }, { usedAt: now });
      await tokens.insert({
        userId,
        purpose,
        tokenHash: hashToken(token),
        newEmail: newEmail ?? null,
        expiresAt: new Date(now.getTime() + ttlMs),
      });
      for (const mail of mails(token)) await this.mailer.send(mail, m);
    });
  }

  /** Marks the token used if it is unused and unexpired, in one statement (no double use). */
  private async consumeToken(
    token: string,
    purposes: UserTokenPurpose[],
    manager: EntityManager = this.db.manager,
  ): Promise<UserTokenEntity | null> {
    const result: unknown = await manager.query(
      `UPDATE user_tokens SET used_at = $2
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 AND purpose = ANY($3)
       RETURNING id`,
      [hashToken(token), new Date(), purposes],
    );
    const rows = rowsOf<{ id: string }>(result);
    if (!rows.length) return null;
    return manager.getRepository(UserTokenEntity).findOneBy({ id: rows[0].id });
  }

  private verificationLink(token: string): string {
    return `${this.config.publicUrl}/verification-email?token=${token}`;
  }

  private resetLink(token: string): string {
    return `${this.config.publicUrl}/reinitialisation?token=${token}`;
  }
}

export function accountKey(email: string): string {
  return `login:account:${normaliseEmail(email)}`;
}

/** "06 12 34 56 78", "+33 6 12 34 56 78" → "0612345678" / "+33612345678". */
export function normalisePhone(phone: string): string {
  return phone.replace(/[\s.-]/g, '');
}

/** pg answers an UPDATE … RETURNING as [rows, count] through TypeORM's query(), a SELECT as rows. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
