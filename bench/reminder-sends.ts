// The send half of the nightly reminder run (issue 14 "done when"), beside reminders.bench.ts's plan:
// a SAMPLE of loans — each a deal with its own contact and phone in the emulator, the app installed
// over HTTP, client SMS through SMPP to a local SMSC — planned for one day and sent by the app's own
// job table while the portal enforces its limit (leaky bucket: burst 50, 2 req/s), as production runs.
// Half the loans are due that day (payment reminder), half one day overdue (the 230-FZ-counted
// notice, whose debtor is read once per loan); both to the client by SMS and to the responsible by
// im.notify.system.add, so every kind of send is in the sample. Measured from the emulator's own
// counters: HTTP requests (a batch is one), REST methods run (a batch's commands counted by method too),
// limit refusals, and the time the sends took; the per-reminder figure projects the whole night's run
// planned for 100,000 installments. The sends batch their reads and writes (server/reminders/deal-reads.ts,
// write-batch.ts), so the figure depends on how many sends the worker runs side by side (a claim of 10).
// BENCH_REMINDER_SENDS=n loans (default 16: 48 reminders, about a minute at 2 req/s).
import { startActivityWorld } from '../test/activities-harness.js';
import type { Kysely } from 'kysely';
import type { Database } from '../server/db/schema.js';
import type { OutboxWorker } from '../server/jobs/worker.js';
import { lifecycleClockWorker } from '../test/support/app-worker.js';
import { defaultLoanDeps } from '../server/loans/operations/deps.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { planReminders } from '../server/reminders/plan.js';
import { saveReminderSettings } from '../server/reminders/settings-repo.js';
import { sampleTerms } from '../test/support/sample-terms.js';

const DAY = 24 * 3600_000;
const BUDGET_PER_S = 2;
/** 230-FZ's working-day window for messages about a debt, 08:00–22:00 in the debtor's time: 14 h. */
const WINDOW_H = 14;

/** The next Monday 07:00 UTC: 10:00 in Moscow, inside the contact hours; near the real clock for the tokens. */
function nextMonday(): Date {
  const d = new Date();
  d.setUTCHours(7, 0, 0, 0);
  do d.setTime(d.getTime() + DAY);
  while (d.getUTCDay() !== 1);
  return d;
}

/** Runs the worker until no job is waiting that is due within seconds (a postponed send may wait for its hour). */
async function drainDue(worker: OutboxWorker, db: Kysely<Database>): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    await worker.drain();
    const open = await db
      .selectFrom('outbox_jobs')
      .select('id')
      .where('status', 'in', ['pending', 'running'])
      .where('run_after', '<=', Date.now() + 5000)
      .execute();
    if (open.length === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function remindersSendBench(plannedForNight: number, installmentsForNight: number): Promise<void> {
  const loans = Number(process.env.BENCH_REMINDER_SENDS ?? 16);
  const w = await startActivityWorld({ companyName: () => 'Быстрозайм' });
  const { p, portalId } = w;
  const monday = nextMonday();
  const dayOf = (n: number) => new Date(monday.getTime() + n * DAY).toISOString().slice(0, 10);
  try {
    // Set-up with the portal's limit off (the harness); not measured.
    for (let i = 0; i < loans; i++) {
      const dealId = await w.deal({ phone: `+7916555${String(i).padStart(4, '0')}`, currency: 'RUB' });
      const due = i % 2 === 0 ? dayOf(0) : dayOf(-1);
      const start = new Date(new Date(`${due}T00:00:00Z`).getTime() - 31 * DAY).toISOString().slice(0, 10);
      const terms = sampleTerms(6, { contractDate: start, disbursementDate: start, firstDueDate: due });
      await saveLoan(
        p.db.kysely,
        portalId,
        dealId,
        { terms },
        { userId: 1 },
        defaultLoanDeps({ now: () => new Date(`${start}T09:00:00Z`) }),
      );
    }
    await saveReminderSettings(
      p.db.kysely,
      portalId,
      { offsets: [-3, 0, 1, 3, 7, 30], clientSms: true, employee: true, timeZone: 'Europe/Moscow', law: 'RU', smsProvider: null },
      1,
    );
    // The sends' clock is Monday 10:00 in Moscow (the law's hours); the worker's own clock is real.
    const worker = lifecycleClockWorker(p, monday);
    // The set-up's own deal events (the lifecycle's drain of the offline queue) settle before measuring.
    await drainDue(worker, p.db.kysely);
    const planned = await planReminders(p.db.kysely, portalId, monday);
    // The plan queues each send for Monday; the worker's clock is today's, so the jobs are made due now
    // (the jobs' own clock below is Monday 10:00 in Moscow).
    await p.db.kysely.updateTable('outbox_jobs').set({ run_after: Date.now() }).where('kind', '=', 'reminders.send').execute();
    p.em.core.opts.rateLimit = { burst: 50, drainPerSec: BUDGET_PER_S };
    p.em.resetLimits();
    const before = structuredClone(p.em.stats());
    const t0 = performance.now();
    await drainDue(worker, p.db.kysely);
    const s = (performance.now() - t0) / 1000;
    const after = p.em.stats();
    const requests = after.restCallsTotal - before.restCallsTotal;
    const methods = Object.entries(after.restCalls)
      .map(([m, n]) => [m, n - (before.restCalls[m] ?? 0)] as const)
      .filter(([, n]) => n > 0);
    const refused = Object.values(after.rejected).reduce((a, b) => a + b, 0) - Object.values(before.rejected).reduce((a, b) => a + b, 0);
    const rows = await p.db.kysely.selectFrom('reminders').select(['status']).where('portal_id', '=', portalId).execute();
    const byStatus = rows.reduce<Record<string, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
    const sent = byStatus.sent ?? 0;
    const perReminder = sent > 0 ? requests / sent : 0;
    // Beyond the bucket's burst of 50 the portal drains 2 a second: the sample's steady rate.
    const steady = s > 0 ? Math.max(0, requests - 50) / s : 0;
    const projectedS = (plannedForNight * perReminder) / BUDGET_PER_S;
    const projectedH = projectedS / 3600;
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(
      `reminder sends, SAMPLED: ${loans} loans → ${planned} reminders planned, ${sent} sent (${JSON.stringify(byStatus)}), SMS at the SMSC ${w.smsc.messages().length}`,
    );
    console.log(`  REST methods run: ${methods.map(([m, n]) => `${m} ${n}`).join(', ')}`);
    console.log(
      `  REST calls: ${requests} HTTP requests in ${s.toFixed(1)} s = ${(requests / s).toFixed(2)} req/s observed, ${steady.toFixed(2)} req/s past the 50-request burst (budget ${BUDGET_PER_S} req/s); refused by the portal's limit: ${refused} (target 0)`,
    );
    console.log(
      `  batching: ${perReminder.toFixed(2)} requests per reminder sent (target: batched, < 1 request per reminder — ${met(perReminder > 0 && perReminder < 1)}; 3.17 before the sends were batched), ${after.batchSubCalls - before.batchSubCalls} calls inside batches`,
    );
    console.log(
      `  the night of ${installmentsForNight} installments (${plannedForNight} reminders planned): ${(plannedForNight * perReminder).toFixed(0)} requests ≈ ${projectedH.toFixed(1)} h at ${BUDGET_PER_S} req/s (targets: the ${WINDOW_H} h contact window ${met(projectedH <= WINDOW_H)}; the run's ≤ 60 s ${met(projectedS <= 60)})`,
    );
  } finally {
    await w.close();
  }
}
