import type { FastifyPluginAsync } from 'fastify';
import { registerDailyResyncJob } from './daily-resync.js';
import { DailyScheduler } from './scheduler.js';

export { DailyScheduler, type SchedulerOptions, type Timers } from './scheduler.js';
export { DAILY_RESYNC_JOB, dailyResyncKey, registerDailyResyncJob, requestDailyResync, utcDay } from './daily-resync.js';

declare module 'fastify' {
  interface FastifyInstance {
    scheduler: DailyScheduler;
  }
}

/**
 * Starts the daily scheduler with the outbox worker (WORKER=on): every process that drains jobs
 * also requests the day's resync; stopped on app close. The job handler is registered either way,
 * so a WORKER=off web process never leaves the job without a handler in a worker process.
 */
export const schedulerPlugin: FastifyPluginAsync = async (app) => {
  registerDailyResyncJob();
  const scheduler = new DailyScheduler({ db: app.db.kysely, log: app.log, intervalMs: app.config.RESYNC_INTERVAL_MS });
  app.decorate('scheduler', scheduler);
  if (app.config.WORKER === 'on') app.addHook('onReady', async () => scheduler.start());
  app.addHook('onClose', async () => scheduler.stop());
};
// Same effect as fastify-plugin: the decorator and hooks belong to the root instance.
(schedulerPlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
