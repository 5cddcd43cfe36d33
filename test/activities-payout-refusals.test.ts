// Pay out refuses at once (issue 11 deliver 8): a RUB deal with OpenPay (pesos only) fails on the
// first run with the reason, nothing reaches OpenPay and no retry is logged; a second Pay out of a deal
// already paid out (another workflow, another event_token) is refused while the first stays the only one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActivityWorld, type ActivityWorld } from './activities-harness.js';

const CLABE = '032180000118359719';

describe('pay out refusals', () => {
  let w: ActivityWorld;
  beforeAll(async () => {
    w = await startActivityWorld({ payoutMaxAttempts: 8 });
    w.startWorker();
  });
  afterAll(async () => w?.close());

  it('a currency the provider does not pay out in fails at once, without retries or a payout', async () => {
    const dealId = await w.deal({ phone: '+79161234567', name: 'Иван Петров', currency: 'RUB', amount: '45000' });
    const run = await w.runWorkflow([{ type: 'activity', code: 'payout', properties: { clabe: CLABE }, timeoutSec: 20 }], dealId);
    const step = run.steps[0]!;
    expect(step.status).toBe('done');
    expect(step.returnValues).toMatchObject({ status: 'failed' });
    expect(String(step.returnValues!.error)).toMatch(/PAYOUT_CURRENCY_UNSUPPORTED: .*MXN.*RUB/);
    expect(step.log.some((l) => /attempt/i.test(l))).toBe(false);
    expect(w.openpay.createRequests).toBe(0);
    const stored = await w.p.db.kysely.selectFrom('payouts').select('id').where('currency', '=', 'RUB').execute();
    expect(stored).toHaveLength(0);
    const jobs = await w.p.db.kysely.selectFrom('outbox_jobs').select(['attempts']).where('kind', '=', 'activity.payout').execute();
    expect(jobs.map((j) => Number(j.attempts))).toEqual([1]);
  });

  it('a second disbursement of a deal already paid out is refused; the first payout stays the only one', async () => {
    const dealId = await w.deal({ phone: '+5215500000077', name: 'Ana Torres' });
    const first = await w.runWorkflow(
      [{ type: 'activity', code: 'payout', properties: { amount: '3000.00', clabe: CLABE }, timeoutSec: 20 }],
      dealId,
    );
    expect(['pending', 'succeeded']).toContain(first.steps[0]!.returnValues!.status);
    const second = await w.runWorkflow(
      [{ type: 'activity', code: 'payout', properties: { amount: '3000.00', clabe: CLABE }, timeoutSec: 20 }],
      dealId,
    );
    expect(second.steps[0]!.returnValues).toMatchObject({ status: 'failed' });
    expect(String(second.steps[0]!.returnValues!.error)).toMatch(/ALREADY_DISBURSED/);
    expect(w.openpay.payouts.filter((p) => p.amount === '3000.00')).toHaveLength(1);
  });
});
