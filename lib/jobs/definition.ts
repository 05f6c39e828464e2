import type PgBoss from 'pg-boss';
import type { Database } from '@/db/client';

export type QueueDefinition = { name: string; options?: Omit<PgBoss.Queue, 'name'> };

/**
 * What a domain hands to the job runtime: the queues it owns and the workers and schedules
 * it runs on them. lib/jobs knows no domain; lib/server/jobs.ts lists every definition.
 */
export type JobDefinition = {
  /** Created (or brought up to date) in this order: a dead-letter queue before its queue. */
  queues: QueueDefinition[];
  /** Registers the workers and schedules, in a process that works (inline or the worker). */
  work(boss: PgBoss, database: Database): Promise<void>;
};
