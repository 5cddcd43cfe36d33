// 30 % of the portal's REST answers are injected errors (500 INTERNAL_SERVER_ERROR / 503
// QUERY_LIMIT_EXCEEDED, seeded so the run is repeatable) while 8 workflows run a Pay out and a Send SMS
// step each (16 robot steps). Every step must get its answer (bizproc.event.send is retried by the
// step's own job after its result is stored, never lost behind a `done` call), and no SMS or payout may
// happen twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../emulator/test-support/seeded-random.js';
import { startActivityWorld, type ActivityWorld } from './activities-harness.js';

const CLABE = '032180000118359719';
const RUNS = 8;
const SMS_SENT = new Set(['queued', 'sent', 'delivered']);

describe('robots under 30 % portal errors', () => {
  let w: ActivityWorld;
  beforeAll(async () => {
    // A fast client-side bucket drain: the 503s are waited out in ~0.3 s steps instead of ~1 s.
    w = await startActivityWorld({ emulator: { random: seededRandom(20261203) }, env: { B24_RATE_DRAIN: '50' } });
  });
  afterAll(async () => w?.close());

  it('every step gets its result, exactly one SMS and one payout per workflow', async () => {
    const deals: number[] = [];
    for (let i = 0; i < RUNS; i++)
      deals.push(await w.deal({ phone: `+52155000010${String(i).padStart(2, '0')}`, name: `Cliente Prueba${i}` }));
    w.p.em.setFaults({ errorRate: 0.3 });
    w.startWorker();
    const runs = await Promise.all(
      deals.map((dealId, i) =>
        w.runWorkflow(
          [
            { type: 'activity', code: 'payout', properties: { amount: `${1000 + i}.00`, clabe: CLABE }, timeoutSec: 90 },
            { type: 'activity', code: 'send_sms', properties: { text: `Pago ${i}` }, timeoutSec: 90 },
          ],
          dealId,
          110_000,
        ),
      ),
    );
    w.p.em.setFaults({ errorRate: 0 });
    expect(w.p.em.core.stats.faultsInjected).toBeGreaterThan(10);

    const steps = runs.flatMap((r) => r.steps);
    expect(steps).toHaveLength(2 * RUNS);
    // Every step answered (none timed out) with a status the workflow can branch on.
    expect(steps.map((s) => s.status)).toEqual(steps.map(() => 'done'));
    for (const s of steps) expect(typeof s.returnValues?.status).toBe('string');

    const orderIds = w.openpay.payouts.map((p) => p.order_id);
    expect(new Set(orderIds).size).toBe(orderIds.length);
    runs.forEach((run, i) => {
      const [payout, sms] = run.steps;
      // No payout twice; one exists exactly when the workflow was told it succeeded (or is pending).
      const made = w.openpay.payouts.filter((p) => p.amount === `${1000 + i}.00`);
      expect(made.length).toBeLessThanOrEqual(1);
      if (['succeeded', 'pending'].includes(String(payout!.returnValues!.status))) expect(made).toHaveLength(1);
      // No SMS twice; one reached the SMSC exactly when the workflow was told it was sent.
      const texts = w.smsc.messages().filter((m) => m.text === `Pago ${i}`);
      expect(texts.length).toBeLessThanOrEqual(1);
      expect(texts.length).toBe(SMS_SENT.has(String(sms!.returnValues!.status)) ? 1 : 0);
    });

    // Each answer is recorded as delivered: every job of the steps ends done (the worker marks the one
    // that answered just after the portal's answer, which may be after the workflow moved on), none
    // dead, and every call holds its result. No separate report job exists.
    const ROBOT_JOBS = ['activity.payout', 'activity.send_sms'];
    const jobStatuses = async () =>
      new Set(
        (await w.p.db.kysely.selectFrom('outbox_jobs').select(['status']).where('kind', 'in', ROBOT_JOBS).execute()).map((r) => r.status),
      );
    await expect.poll(jobStatuses, { timeout: 10_000 }).toEqual(new Set(['done']));
    const calls = await w.p.db.kysely.selectFrom('activity_calls').select(['status', 'result']).execute();
    expect(calls).toHaveLength(2 * RUNS);
    for (const c of calls) {
      expect(['done', 'failed']).toContain(c.status);
      expect(c.result).not.toBeNull();
    }
    expect(await w.p.db.kysely.selectFrom('outbox_jobs').select('id').where('kind', '=', 'activity.report').execute()).toEqual([]);
  });

  it('an answer that reached the portal but was never recorded (crash) counts as delivered on its rerun', async () => {
    const [job] = await w.p.db.kysely.selectFrom('outbox_jobs').select(['id']).where('kind', '=', 'activity.send_sms').limit(1).execute();
    const sendsBefore = w.p.em.core.stats.restCallsTotal;
    const smsBefore = w.smsc.messages().length;
    // As if the worker died after bizproc.event.send and before marking the job done.
    await w.p.db.kysely
      .updateTable('outbox_jobs')
      .set({ status: 'pending', run_after: 0, attempts: 1 })
      .where('id', '=', job!.id)
      .execute();
    const status = async () =>
      (await w.p.db.kysely.selectFrom('outbox_jobs').select('status').where('id', '=', job!.id).executeTakeFirstOrThrow()).status;
    await expect.poll(status, { timeout: 10_000 }).toBe('done');
    // The portal answered ACCESS_DENIED for the spent token (doc: bizproc-event-send.md via contract.md §5.3).
    expect(w.p.em.core.stats.restCallsTotal).toBeGreaterThan(sendsBefore);
    expect(w.p.em.core.stats.rejected.ACCESS_DENIED ?? 0).toBeGreaterThanOrEqual(1);
    // The rerun only answered: the call was settled, so nothing was sent again.
    expect(w.smsc.messages()).toHaveLength(smsBefore);
  });
});
