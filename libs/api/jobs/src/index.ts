export * from './jobs.module';
export { JobQueue } from './job-queue';
export type { QueueDefinition, SendJobOptions } from './job-queue';
