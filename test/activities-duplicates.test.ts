// Bitrix24 may deliver an activity call more than once: 1,000 concurrent deliveries of the same SMS and
// payout calls must produce exactly one message at the SMSC and one payout at the provider.
// (activities-crash.test.ts repeats them after a worker died mid-job.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActivityWorld, type ActivityWorld } from './activities-harness.js';

const CLABE = '012298026516924616';

describe('exactly once under 1,000 duplicate deliveries', () => {
  let w: ActivityWorld;
  beforeAll(async () => {
    w = await startActivityWorld();
  });
  afterAll(async () => w?.close());

  it('1,000 concurrent deliveries of the same SMS and payout calls: one message, one payout', async () => {
    w.startWorker();
    const dealId = await w.deal({ phone: '+5215500000001', name: 'Ana Torres' });
    const run = await w.runWorkflow(
      [
        { type: 'activity', code: 'send_sms', properties: { text: 'Su préstamo fue aprobado' }, deliveries: 1000, timeoutSec: 30 },
        { type: 'activity', code: 'payout', properties: { amount: '1500.00', clabe: CLABE }, deliveries: 1000, timeoutSec: 30 },
      ],
      dealId,
      50_000,
    );
    expect(run.status).toBe('done');
    for (const s of run.steps) expect(s.deliveries!.filter((d) => d === 200)).toHaveLength(1000);
    expect(run.steps[0]!.returnValues).toMatchObject({ status: 'queued', segments: 1 });
    expect(run.steps[1]!.returnValues).toMatchObject({ status: 'pending', amount: '1500.00 MXN' });
    expect(String(run.steps[1]!.returnValues!.providerReference)).not.toBe('');

    expect(w.smsc.messages().filter((m) => m.text === 'Su préstamo fue aprobado')).toHaveLength(1);
    expect(w.openpay.payouts).toHaveLength(1);
    expect(w.openpay.createRequests).toBe(1);
    const jobs = await w.p.db.kysely.selectFrom('outbox_jobs').select(['kind', 'status']).execute();
    expect(jobs.filter((j) => j.kind === 'activity.send_sms')).toHaveLength(1);
    expect(jobs.filter((j) => j.kind === 'activity.payout')).toHaveLength(1);
  });
});
