import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { AgentView, CreateAgentRequest, Role, UpdateAgentRequest } from '@foyer/shared/contracts';
import {
  AuditService,
  AuthenticatedUser,
  ConflictError,
  InvalidInputError,
  NotFoundError,
} from '@foyer/api/core';
import { IdentityService } from '../auth/identity.service';
import { SessionsService } from '../auth/sessions.service';
import { UserEntity } from '../entities';
import { normaliseEmail } from '../tokens';

function toAgentView(user: UserEntity): AgentView {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role as Role.Agent | Role.Admin,
    scopes: user.scopes ?? [],
    active: user.active,
  };
}

/** The city's staff accounts. Every change of role, scope or status goes to the audit log. */
@Injectable()
export class AgentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly identity: IdentityService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<AgentView[]> {
    const users = await this.users.find({
      where: { role: In([Role.Agent, Role.Admin]) },
      order: { lastName: 'ASC', firstName: 'ASC', email: 'ASC' },
    });
    return users.filter((u) => !u.anonymisedAt).map(toAgentView);
  }

  /** Creates the account and mails the agent a link to choose a password (valid 7 days). */
  async create(actor: AuthenticatedUser, request: CreateAgentRequest): Promise<AgentView> {
    const email = normaliseEmail(request.email);
    if (await this.identity.findByEmail(email)) {
      throw new ConflictError('Un compte existe déjà avec cette adresse e-mail.', 'email');
    }
    const scopes = [...new Set(request.scopes)];
    const agent = await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(UserEntity);
      const created = await repository.save(
        repository.create({
          email,
          passwordHash: null,
          firstName: request.firstName,
          lastName: request.lastName,
          phone: null,
          role: Role.Agent,
          scopes,
          emailVerifiedAt: null,
          active: true,
        }),
      );
      await this.audit.record(
        {
          actor,
          action: 'agent.create',
          entity: 'user',
          entityId: created.id,
          details: {
            email,
            role: { before: null, after: Role.Agent },
            scopes: { before: [], after: scopes },
          },
        },
        manager,
      );
      return created;
    });
    await this.identity.sendInvitation(agent);
    return toAgentView(agent);
  }

  async update(actor: AuthenticatedUser, agentId: string, request: UpdateAgentRequest): Promise<AgentView> {
    if (request.scopes === undefined && request.active === undefined) {
      throw new InvalidInputError('Indiquez les périmètres ou le statut à modifier.', 'scopes');
    }
    if (agentId === actor.id && request.active === false) {
      throw new InvalidInputError('Vous ne pouvez pas désactiver votre propre compte.', 'active');
    }
    const updated = await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(UserEntity);
      const agent = await repository.findOne({ where: { id: agentId }, lock: { mode: 'pessimistic_write' } });
      if (!agent || agent.anonymisedAt || (agent.role !== Role.Agent && agent.role !== Role.Admin)) {
        throw new NotFoundError('Cet agent est introuvable.');
      }
      const details: Record<string, unknown> = {};
      if (request.scopes !== undefined) {
        const scopes = [...new Set(request.scopes)];
        if (!sameSet(scopes, agent.scopes)) details['scopes'] = { before: agent.scopes, after: scopes };
        agent.scopes = scopes;
      }
      if (request.active !== undefined && request.active !== agent.active) {
        details['active'] = { before: agent.active, after: request.active };
        agent.active = request.active;
      }
      if (Object.keys(details).length === 0) return { agent, changed: false };
      await repository.update({ id: agent.id }, { scopes: agent.scopes, active: agent.active });
      await this.audit.record(
        {
          actor,
          action: details['active'] ? 'agent.status.update' : 'agent.scopes.update',
          entity: 'user',
          entityId: agent.id,
          details,
        },
        manager,
      );
      return { agent, changed: true };
    });
    // New scopes or a deactivation take effect at the next refresh at the latest: end the sessions.
    if (updated.changed) await this.sessions.revokeAll(updated.agent.id);
    return toAgentView(updated.agent);
  }
}

function sameSet<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
