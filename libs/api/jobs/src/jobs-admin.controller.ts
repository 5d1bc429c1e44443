import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { FailedJobView, NotificationRoutes, Permission } from '@foyer/shared/contracts';
import { Auth, CurrentUser, ParseIdPipe } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { JobQueue } from './job-queue';

export class FailedJobsQueryDto {
  /** Only failed jobs are listed today; the parameter keeps the route open to other states. */
  @IsIn(['failed'])
  state!: 'failed';
}

/** Administrators see the jobs that failed every attempt and send one again. */
@ApiTags('admin')
@Controller()
export class JobsAdminController {
  constructor(private readonly jobs: JobQueue) {}

  @Auth({ permission: Permission.JobsManage })
  @Get(NotificationRoutes.adminJobs)
  async failed(@Query() _query: FailedJobsQueryDto): Promise<FailedJobView[]> {
    const jobs = await this.jobs.failedJobs();
    return jobs.map((job) => ({ ...job, failedAt: job.failedAt.toISOString() }));
  }

  @Auth({ permission: Permission.JobsManage })
  @Post(`${NotificationRoutes.adminJobs}/:jobId/retry`)
  @HttpCode(HttpStatus.NO_CONTENT)
  async retry(
    @CurrentUser() user: AuthenticatedUser,
    @Param('jobId', new ParseIdPipe()) jobId: string,
  ): Promise<void> {
    await this.jobs.retryFailed(jobId, user);
  }
}
