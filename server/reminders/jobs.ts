import type { Executor } from '../db/executor.js';
import { enqueueMany } from '../jobs/outbox.js';
import { jobEntry, type JobHandler } from '../jobs/job.js';
import { localTime } from './local-time.js';
import { planReminders, REMINDER_SEND_JOB } from './plan.js';
import { reminderSendJob, type ReminderSendDeps } from './send.js';
import { listReminderPortals } from './settings-repo.js';

// The reminder job kinds (listed in server/jobs/handlers.ts): a plan per portal per debtors' local
// day — keyed by both, so every process's scheduler tick asks and one job runs — and a send per reminder.

export const REMINDER_PLAN_JOB = 'reminders.plan';

export function reminderPlanKey(portalId: string, day: string): string {
  return `${REMINDER_PLAN_JOB}:${portalId}:${day}`;
}

/** Asks for today's plan of every portal with reminders on (the day is the portal's debtors' day). */
export async function requestReminderPlans(db: Executor, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const portals = await listReminderPortals(trx);
    return enqueueMany(
      trx,
      portals.map((p) => {
        const day = localTime(now, p.timeZone).day;
        return { portalId: p.portalId, kind: REMINDER_PLAN_JOB, idempotencyKey: reminderPlanKey(p.portalId, day), payload: { day } };
      }),
    );
  });
}

export function reminderJobEntries(deps: ReminderSendDeps) {
  const plan: JobHandler<{ day: string }> = async (job, ctx) => {
    const created = await planReminders(ctx.db, job.portalId!, deps.now());
    ctx.log.info({ day: job.payload.day, created }, 'reminders planned');
  };
  return [jobEntry(REMINDER_PLAN_JOB, plan), jobEntry(REMINDER_SEND_JOB, reminderSendJob(deps))];
}
