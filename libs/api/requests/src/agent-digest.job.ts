import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgentScope, NotificationTopic } from '@foyer/shared/contracts';
import { JobQueue } from '@foyer/api/jobs';
import { NotificationsService } from '@foyer/api/notifications';
import { RequestQueueService } from './request-queue.service';

export const AGENT_DIGEST_QUEUE = 'requests.agent-digest';
/** 7:00 in Paris: before the offices open. */
export const AGENT_DIGEST_HOUR = 7;

/**
 * The daily digest: each agent who processes requests gets, through the notifications module, what
 * waits for them (assigned, unassigned in their scopes, overdue, waiting for the resident). One job a
 * day across processes (JobQueue's daily jobs); an agent with nothing waiting gets nothing.
 */
@Injectable()
export class AgentDigestJob implements OnModuleInit {
  private readonly logger = new Logger(AgentDigestJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly queue: RequestQueueService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: AGENT_DIGEST_QUEUE,
      retryLimit: 3,
      retryDelaySeconds: 300,
      retryBackoff: true,
      dailyAtHour: AGENT_DIGEST_HOUR,
      handler: async () => {
        await this.run();
      },
    });
  }

  /** Sends today's digests; returns how many agents got one. */
  async run(): Promise<number> {
    // The users table belongs to accounts: the active agents and their scopes.
    const agents: { id: string; email: string; first_name: string; scopes: AgentScope[] }[] =
      await this.dataSource.query(
        `SELECT id, email, first_name, scopes FROM users
        WHERE role = 'agent' AND active AND anonymised_at IS NULL AND cardinality(scopes) > 0`,
      );
    const types = await this.queue.allTypes();
    let sent = 0;
    for (const agent of agents) {
      const counts = await this.queue.digestCounts(agent, types);
      if (!counts || counts.assigned + counts.unassigned + counts.overdue + counts.waiting === 0) continue;
      await this.dataSource.transaction((m) =>
        this.notifications.notify(
          [{ userId: agent.id, email: agent.email }],
          NotificationTopic.AgentDigest,
          {
            agentFirstName: agent.first_name,
            assigned: counts.assigned,
            unassigned: counts.unassigned,
            overdue: counts.overdue,
            waitingResident: counts.waiting,
          },
          m,
        ),
      );
      sent++;
    }
    this.logger.log({ sent }, 'agent digests sent');
    return sent;
  }
}
