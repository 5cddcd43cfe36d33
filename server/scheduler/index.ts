import fp from 'fastify-plugin';
import { DailyScheduler } from './scheduler.js';

export { DailyScheduler, type SchedulerOptions, type Timers } from './scheduler.js';
export { DAILY_RESYNC_JOB, dailyResyncJob, dailyResyncKey, requestDailyResync, utcDay } from './daily-resync.js';

declare module 'fastify' {
  interface FastifyInstance {
    scheduler: DailyScheduler;
  }
}

/**
 * Starts the daily scheduler with the outbox worker (WORKER=on): every process that drains jobs
 * also requests the day's resync; stopped on app close. The scan's handler is in the jobs plugin's
 * table (server/jobs/handlers.ts), so every worker process can run it.
 */
export const schedulerPlugin = fp(
  async (app) => {
    const scheduler = new DailyScheduler({ db: app.db.kysely, log: app.log, intervalMs: app.config.RESYNC_INTERVAL_MS });
    app.decorate('scheduler', scheduler);
    if (app.config.WORKER === 'on') app.addHook('onReady', async () => scheduler.start());
    app.addHook('onClose', async () => scheduler.stop());
  },
  // Starts with the worker it feeds (WORKER=on).
  { name: 'scheduler', dependencies: ['jobs'] },
);
