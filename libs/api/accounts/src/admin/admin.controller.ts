import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminRoutes, AgentView, AuditEntryView, Permission } from '@foyer/shared/contracts';
import { addDays, parisInstant } from '@foyer/shared/domain';
import { Auth, AuditService, CurrentUser, InvalidInputError, ParseIdPipe } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { AuditQueryDto, CreateAgentDto, UpdateAgentDto } from '../dto/agent.dto';
import { AgentsService } from './agents.service';

/** Back office of the administrators: agents and the audit log. */
@ApiTags('admin')
@Controller()
export class AdminController {
  constructor(
    private readonly agents: AgentsService,
    private readonly audit: AuditService,
  ) {}

  @Auth({ permission: Permission.AgentsManage })
  @Get(AdminRoutes.agents)
  listAgents(): Promise<AgentView[]> {
    return this.agents.list();
  }

  @Auth({ permission: Permission.AgentsManage })
  @Post(AdminRoutes.agents)
  createAgent(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateAgentDto): Promise<AgentView> {
    return this.agents.create(user, body);
  }

  @Auth({ permission: Permission.AgentsManage })
  @Patch(`${AdminRoutes.agents}/:agentId`)
  updateAgent(
    @CurrentUser() user: AuthenticatedUser,
    @Param('agentId', new ParseIdPipe()) agentId: string,
    @Body() body: UpdateAgentDto,
  ): Promise<AgentView> {
    return this.agents.update(user, agentId, body);
  }

  @Auth({ permission: Permission.AuditRead })
  @Get(AdminRoutes.audit)
  listAudit(@Query() query: AuditQueryDto): Promise<AuditEntryView[]> {
    if (query.from && query.to && query.from > query.to) {
      throw new InvalidInputError('La date de fin doit venir après la date de début.', 'to');
    }
    return this.audit.list({
      householdId: query.householdId,
      actorId: query.actorId,
      action: query.action,
      // Days in Paris: from its midnight to the next day's midnight.
      since: query.from ? parisInstant(query.from) : undefined,
      until: query.to ? parisInstant(addDays(query.to, 1)) : undefined,
      limit: query.limit,
      before: query.before ? new Date(query.before) : undefined,
    });
  }
}
