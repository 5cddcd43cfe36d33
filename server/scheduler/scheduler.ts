import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { requestReminderPlans } from '../reminders/jobs.js';
import { requestDailyResync, utcDay } from './daily-resync.js';

// In-process clock for the daily resync: checks at start and then every `intervalMs` whether the
// UTC day has a scan queued yet. Ticking more often than daily costs one no-op insert per tick and
// picks up a new day within one interval; the database (idempotency key per day) is what makes
// N processes agree, so no leader election is needed.

export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface SchedulerOptions {
  db: Kysely<Database>;
  log: Pick<FastifyBaseLogger, 'info' | 'error'>;
  intervalMs: number;
  now?: () => Date;
  timers?: Timers;
}

const realTimers: Timers = {
  setInterval: (fn, ms) => {
    const h = setInterval(fn, ms);
    // The scheduler alone must not keep a process alive (CLI runs, tests).
    h.unref();
    return h;
  },
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

export class DailyScheduler {
  private handle: unknown = null;
  private lastDay: string | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly o: SchedulerOptions) {}

  /** One check: queue today's scan if this process has not seen it queued yet. Never throws. */
  async tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.check().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async check(): Promise<void> {
    const now = (this.o.now ?? (() => new Date()))();
    const day = utcDay(now);
    if (day !== this.lastDay && !(await this.requestResync(day))) return;
    // Reminders are planned per portal on its debtors' local day, so asked on every tick (one
    // no-op insert per portal once the day's plan exists).
    try {
      await requestReminderPlans(this.o.db, now);
    } catch (e) {
      this.o.log.error({ err: e }, 'reminder plan request failed');
    }
  }

  /** True once the day's resync is queued (by this process or another). */
  private async requestResync(day: string): Promise<boolean> {
    try {
      const created = await requestDailyResync(this.o.db, day);
      this.lastDay = day;
      if (created) this.o.log.info({ day }, 'daily resync requested');
      return true;
    } catch (e) {
      // Next tick tries again; lastDay stays unset for this day.
      this.o.log.error({ err: e, day }, 'daily resync request failed');
      return false;
    }
  }

  start(): void {
    if (this.handle !== null) return;
    const timers = this.o.timers ?? realTimers;
    this.handle = timers.setInterval(() => void this.tick(), this.o.intervalMs);
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.handle !== null) (this.o.timers ?? realTimers).clearInterval(this.handle);
    this.handle = null;
    if (this.running) await this.running;
  }
}
