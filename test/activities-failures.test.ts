// Provider failures are retried with back-off by the outbox and end in a clear failed state whose reason
// is visible in the workflow log (bizproc.activity.log per attempt, bizproc.event.send status=failed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActivityWorld, type ActivityWorld } from './activities-harness.js';

const CLABE = '032180000118359719';

describe('provider failures in the workflow log', () => {
  let w: ActivityWorld;
  beforeAll(async () => {
    w = await startActivityWorld({ payoutMaxAttempts: 3 });
    w.startWorker();
  });
  afterAll(async () => w?.close());

  it('SMPP bind refused on every attempt: retried, then failed with the reason', async () => {
    w.smsc.refuseBindWith = 0x0d; // ESME_RBINDFAIL: the SMSC may accept later, so we retry
    const dealId = await w.deal({ phone: '+5215500000011' });
    const run = await w.runWorkflow([{ type: 'activity', code: 'send_sms', properties: { text: 'Hola' }, timeoutSec: 20 }], dealId);
    const step = run.steps[0]!;
    expect(step.returnValues).toMatchObject({ status: 'failed' });
    expect(String(step.returnValues!.error)).toMatch(/gave up after 6 attempts/);
    const log = step.log.join('\n');
    expect(log).toMatch(/SMS attempt 1 of 6 failed: .*bind/i);
    expect(log).toMatch(/SMS failed: .*gave up after 6 attempts/);
    expect(w.smsc.parts).toHaveLength(0);
    w.smsc.refuseBindWith = undefined;
  });

  it('a throttled SMSC: two retries logged, then sent once', async () => {
    w.smsc.failNextSubmits(0x58, 2); // ESME_RTHROTTLED
    const dealId = await w.deal({ phone: '+5215500000012' });
    const run = await w.runWorkflow(
      [{ type: 'activity', code: 'send_sms', properties: { text: 'Segundo intento' }, timeoutSec: 20 }],
      dealId,
    );
    const step = run.steps[0]!;
    expect(step.returnValues).toMatchObject({ status: 'queued' });
    expect(step.log.filter((l) => /SMS attempt \d of 6 failed/.test(l))).toHaveLength(2);
    expect(w.smsc.messages().filter((m) => m.text === 'Segundo intento')).toHaveLength(1);
  });

  it('OpenPay answering 500: asked before each retry, then failed with the reason; never paid', async () => {
    w.openpay.failNext(500, 20);
    const dealId = await w.deal({ phone: '+5215500000013' });
    const run = await w.runWorkflow(
      [
        { type: 'activity', code: 'payout', properties: { amount: '900.00', clabe: CLABE }, timeoutSec: 20 },
        { type: 'activity', code: 'send_sms', properties: { text: 'Desembolso {=A1:status}' }, timeoutSec: 20 },
      ],
      dealId,
    );
    const step = run.steps[0]!;
    expect(step.returnValues).toMatchObject({ status: 'failed' });
    expect(String(step.returnValues!.error)).toMatch(/gave up after 3 attempts/);
    expect(step.log.filter((l) => /Payout attempt \d of 3 failed/.test(l)).length).toBeGreaterThanOrEqual(2);
    expect(step.log.join('\n')).toMatch(/Payout failed: .*gave up after 3 attempts/);
    expect(w.openpay.payouts).toHaveLength(0);
    // The workflow went on with the failed status.
    expect(w.smsc.messages().map((m) => m.text)).toContain('Desembolso failed');
    w.openpay.clearFaults();
  });
});
