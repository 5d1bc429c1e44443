import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import {
  KIOSK_APPROVE_PATH,
  KIOSK_SESSION_TTL_SECONDS,
  KIOSK_SIGN_IN_TTL_SECONDS,
  KioskCodeView,
  KioskPollView,
  KioskSessionView,
  KioskSignInRequestView,
  KioskSignInStatus,
  KioskStatusView,
  KioskTerminalView,
  Role,
} from '@foyer/shared/contracts';
import {
  APP_CONFIG,
  AuditService,
  Clock,
  ConflictError,
  ForbiddenError,
  hashToken,
  InvalidInputError,
  NotFoundError,
  SessionChecks,
} from '@foyer/api/core';
import type { AccessTokenClaims, AppConfig, AuthenticatedUser } from '@foyer/api/core';
import { AccountsService } from '@foyer/api/accounts';
import { HouseholdAccess } from '@foyer/api/households';
import { KioskSessionEntity, KioskSignInRequestEntity, KioskTerminalEntity } from './entities';

/** The terminal a browser is: an enrolled one (id) or any browser of a KIOSK_MODE deployment (null). */
export interface KioskTerminal {
  id: string | null;
  name: string;
}

const newSecret = (): string => randomBytes(32).toString('base64url');

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** pg answers an UPDATE … RETURNING as [rows, count] through TypeORM's query(). */
function returnedRows<T>(result: unknown): T[] {
  const rows = result as unknown[];
  return (Array.isArray(rows[0]) ? rows[0] : rows) as T[];
}

const toSessionView = (s: KioskSessionEntity): KioskSessionView => ({
  id: s.id,
  terminalName: s.terminalName,
  openedAt: new Date(s.openedAt).toISOString(),
  expiresAt: new Date(s.expiresAt).toISOString(),
});

/**
 * Public touch terminals: which browsers are kiosks, the QR sign-in (a phone where the resident is
 * signed in approves a single-use code shown by the kiosk) and the short kiosk sessions it opens.
 */
@Injectable()
export class KioskService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(KioskTerminalEntity) private readonly terminals: Repository<KioskTerminalEntity>,
    @InjectRepository(KioskSignInRequestEntity)
    private readonly requests: Repository<KioskSignInRequestEntity>,
    @InjectRepository(KioskSessionEntity) private readonly sessions: Repository<KioskSessionEntity>,
    private readonly jwt: JwtService,
    private readonly sessionChecks: SessionChecks,
    private readonly accounts: AccountsService,
    private readonly households: HouseholdAccess,
    private readonly audit: AuditService,
  ) {}

  /** Every request made with a kiosk token checks that its kiosk session is still open. */
  onModuleInit(): void {
    this.sessionChecks.useKiosk((id) => this.isOpen(id));
  }

  async isOpen(sessionId: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM kiosk_sessions WHERE id = $1 AND ended_at IS NULL AND expires_at > $2`,
      [sessionId, this.clock.now()],
    )) as unknown[];
    return rows.length > 0;
  }

  // ---- Terminals -------------------------------------------------------------------------------

  /** The value of the terminal cookie: its id, signed with the server's secret. */
  cookieValueFor(terminalId: string): string {
    return `${terminalId}.${this.sign(terminalId)}`;
  }

  /** The terminal this browser is, from its cookie or the deployment's KIOSK_MODE; null if none. */
  async terminalOf(cookie: string | undefined): Promise<KioskTerminal | null> {
    const [id, signature] = (cookie ?? '').split('.');
    if (id && signature && sameHash(signature, this.sign(id)) && /^[0-9a-f-]{36}$/.test(id)) {
      const terminal = await this.terminals.findOneBy({ id });
      if (terminal && !terminal.revokedAt) return { id: terminal.id, name: terminal.name };
    }
    return this.config.kioskMode ? { id: null, name: `Borne de ${this.config.communeName}` } : null;
  }

  async status(cookie: string | undefined): Promise<KioskStatusView> {
    const terminal = await this.terminalOf(cookie);
    return { kiosk: terminal !== null, terminalName: terminal?.name ?? null };
  }

  async createTerminal(name: string, actor: AuthenticatedUser): Promise<KioskTerminalView> {
    const token = newSecret();
    const terminal = await this.db.transaction(async (m) => {
      const repo = m.getRepository(KioskTerminalEntity);
      const saved = await repo.save(repo.create({ name, activationTokenHash: hashToken(token) }));
      await this.audit.record(
        {
          actor,
          action: 'kiosk.terminal.create',
          entity: 'kiosk_terminal',
          entityId: saved.id,
          details: { name },
        },
        m,
      );
      return saved;
    });
    return {
      id: terminal.id,
      name: terminal.name,
      activationUrl: `${this.config.publicUrl}/borne/activer?jeton=${token}`,
    };
  }

  /** Uses a one-time activation token; answers the terminal whose cookie the browser gets. */
  async activate(token: string): Promise<KioskTerminal & { id: string }> {
    const rows = returnedRows<{ id: string; name: string }>(
      await this.db.query(
        `UPDATE kiosk_terminals SET activation_token_hash = NULL, activated_at = $2
          WHERE activation_token_hash = $1 AND revoked_at IS NULL RETURNING id, name`,
        [hashToken(token), this.clock.now()],
      ),
    );
    if (!rows[0]) throw new NotFoundError('Ce lien d’activation de borne est inconnu ou a déjà servi.');
    return rows[0];
  }

  // ---- QR sign-in ------------------------------------------------------------------------------

  async createSignInRequest(terminal: KioskTerminal | null): Promise<KioskSignInRequestView> {
    if (!terminal)
      throw new ForbiddenError('Seule une borne de la ville peut demander une connexion par QR code.');
    const code = newSecret();
    const pollSecret = newSecret();
    const confirmation = randomInt(10, 100);
    const expiresAt = new Date(this.clock.now().getTime() + KIOSK_SIGN_IN_TTL_SECONDS * 1000);
    const saved = await this.requests.save(
      this.requests.create({
        terminalId: terminal.id,
        terminalName: terminal.name,
        codeHash: hashToken(code),
        pollSecretHash: hashToken(pollSecret),
        confirmation,
        expiresAt,
      }),
    );
    return {
      id: saved.id,
      pollSecret,
      approveUrl: `${this.config.publicUrl}${KIOSK_APPROVE_PATH}?code=${code}`,
      confirmation,
      expiresAt: expiresAt.toISOString(),
    };
  }

  /**
   * The kiosk's poll. Pending until a phone approves; then, once, the kiosk session's access token
   * (no refresh cookie: it dies with the session, at the latest after KIOSK_SESSION_TTL_SECONDS).
   */
  async poll(requestId: string, pollSecret: string): Promise<KioskPollView> {
    const request = await this.requests.findOneBy({ id: requestId });
    if (!request || !sameHash(hashToken(pollSecret), request.pollSecretHash) || request.claimedAt) {
      throw new NotFoundError('Cette demande de connexion est introuvable.');
    }
    if (!request.sessionId) {
      const expired = request.expiresAt.getTime() <= this.clock.now().getTime();
      return { status: expired ? KioskSignInStatus.Expired : KioskSignInStatus.Pending };
    }
    const claimed = returnedRows<{ id: string }>(
      await this.db.query(
        `UPDATE kiosk_sign_in_requests SET claimed_at = $2 WHERE id = $1 AND claimed_at IS NULL RETURNING id`,
        [request.id, this.clock.now()],
      ),
    );
    if (!claimed[0]) throw new NotFoundError('Cette demande de connexion est introuvable.');
    const session = await this.sessions.findOneBy({ id: request.sessionId });
    if (!session || !(await this.isOpen(session.id))) return { status: KioskSignInStatus.Expired };
    const version = await this.accounts.sessionVersionOf(session.userId);
    if (version === null) return { status: KioskSignInStatus.Expired };
    const user = await this.accounts.getMe(session.userId);
    const claims: AccessTokenClaims = {
      sub: user.id,
      role: user.role,
      scopes: user.scopes,
      sv: version,
      ks: session.id,
    };
    const expiresIn = Math.max(
      1,
      Math.floor((session.expiresAt.getTime() - this.clock.now().getTime()) / 1000),
    );
    const accessToken = await this.jwt.signAsync({ ...claims }, { expiresIn });
    return { status: KioskSignInStatus.Approved, session: { accessToken, expiresIn, user } };
  }

  /** The phone reads which terminal asks before approving. */
  async lookup(code: string, user: AuthenticatedUser): Promise<KioskCodeView> {
    await this.requireApprover(user);
    const request = await this.requests.findOneBy({ codeHash: hashToken(code) });
    this.refuseUnusable(request);
    return { terminalName: request.terminalName, expiresAt: request.expiresAt.toISOString() };
  }

  /**
   * Approves a code once: the UPDATE claims it only if nobody did and it has not expired, so two
   * phones cannot both open a session with it. Opens the kiosk session of the approving resident.
   */
  /**
   * The phone approves with the code (from the QR) and the number the kiosk shows: the code is spent
   * by one conditional UPDATE (single use under concurrency); a wrong number spends it too, so the
   * number cannot be guessed by trying (the kiosk then shows a new code).
   */
  async approve(code: string, confirmation: number, user: AuthenticatedUser): Promise<KioskSessionView> {
    const householdId = await this.requireApprover(user);
    const now = this.clock.now();
    const session = await this.db.transaction(async (m) => {
      const rows = returnedRows<{ id: string; terminal_name: string; matches: boolean }>(
        await m.query(
          `UPDATE kiosk_sign_in_requests SET used_at = $2
            WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
        RETURNING id, terminal_name, confirmation = $3 AS matches`,
          [hashToken(code), now, confirmation],
        ),
      );
      if (!rows[0]) return null;
      if (!rows[0].matches) return 'mismatch' as const;
      const repo = m.getRepository(KioskSessionEntity);
      const opened = await repo.save(
        repo.create({
          userId: user.id,
          terminalName: rows[0].terminal_name,
          expiresAt: new Date(now.getTime() + KIOSK_SESSION_TTL_SECONDS * 1000),
        }),
      );
      await m.query(`UPDATE kiosk_sign_in_requests SET session_id = $2 WHERE id = $1`, [
        rows[0].id,
        opened.id,
      ]);
      await this.audit.record(
        {
          actor: user,
          action: 'kiosk.session.open',
          entity: 'kiosk_session',
          entityId: opened.id,
          householdId,
          details: { terminal: opened.terminalName },
        },
        m,
      );
      return opened;
    });
    if (session === 'mismatch') {
      throw new InvalidInputError(
        'Ce nombre ne correspond pas à celui affiché sur la borne : touchez « Commencer » sur la borne pour un nouveau code.',
        'confirmation',
      );
    }
    if (!session) {
      this.refuseUnusable(await this.requests.findOneBy({ codeHash: hashToken(code) }));
      throw new ConflictError('Ce code a déjà été utilisé.');
    }
    return toSessionView(session);
  }

  async mySessions(user: AuthenticatedUser): Promise<KioskSessionView[]> {
    const rows = await this.sessions
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.ended_at IS NULL AND s.expires_at > :now', {
        userId: user.id,
        now: this.clock.now(),
      })
      .orderBy('s.opened_at', 'DESC')
      .getMany();
    return rows.map(toSessionView);
  }

  /** The phone ends one of its kiosk sessions: the kiosk's next request is refused (401). */
  async end(sessionId: string, user: AuthenticatedUser): Promise<void> {
    const rows = returnedRows<{ id: string }>(
      await this.db.query(
        `UPDATE kiosk_sessions SET ended_at = $3 WHERE id = $1 AND user_id = $2 AND ended_at IS NULL RETURNING id`,
        [sessionId, user.id, this.clock.now()],
      ),
    );
    if (!rows[0]) throw new NotFoundError('Cette session de borne est introuvable ou déjà terminée.');
    await this.audit.record({
      actor: user,
      action: 'kiosk.session.end',
      entity: 'kiosk_session',
      entityId: sessionId,
    });
  }

  /** « Terminer » on the kiosk itself. */
  async endCurrent(user: AuthenticatedUser): Promise<void> {
    if (!user.kioskSessionId) throw new NotFoundError('Aucune session de borne n’est ouverte ici.');
    await this.end(user.kioskSessionId, user);
  }

  private async requireApprover(user: AuthenticatedUser): Promise<string> {
    if (user.kioskSessionId)
      throw new ForbiddenError('Validez la connexion depuis votre téléphone, pas depuis une borne.');
    const householdId = user.role === Role.Resident ? await this.households.findHouseholdIdOf(user.id) : null;
    if (!householdId) {
      throw new ForbiddenError(
        'Seul un parent dont le foyer est enregistré peut ouvrir une session sur une borne.',
      );
    }
    return householdId;
  }

  private refuseUnusable(
    request: KioskSignInRequestEntity | null,
  ): asserts request is KioskSignInRequestEntity {
    if (!request) throw new NotFoundError('Ce code de connexion est inconnu.');
    if (request.usedAt) throw new ConflictError('Ce code a déjà été utilisé.');
    if (request.expiresAt.getTime() <= this.clock.now().getTime()) {
      throw new InvalidInputError('Ce code a expiré : demandez-en un nouveau sur la borne.', 'code');
    }
  }

  private sign(terminalId: string): string {
    return createHmac('sha256', this.config.jwtSecret)
      .update(`kiosk-terminal:${terminalId}`)
      .digest('base64url');
  }
}
