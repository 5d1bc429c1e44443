import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue';
import { JobsAdminController } from './jobs-admin.controller';

/** The job queue of the API process (pg-boss). Global: every domain registers its queues on it. */
@Global()
@Module({
  controllers: [JobsAdminController],
  providers: [JobQueue],
  exports: [JobQueue],
})
export class JobsModule {}
