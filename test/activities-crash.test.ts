// A worker dies after handing an SMS to the SMSC and after the provider created a payout, before either
// result is stored; a new worker takes over. Then Bitrix24 delivers both calls 1,000 times more.
// Still exactly one message at the SMSC and one payout at the provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmsProvider } from '../server/integrations/sms/provider.js';
import { workflowsOf } from '../emulator/workflows/register.js';
import type { OutboxWorker } from '../server/jobs/worker.js';
import { startActivityWorld, type ActivityWorld } from './activities-harness.js';

const CLABE = '012298026516924616';

/** A worker "crashes": it stops claiming and its job in flight never reports (its lease runs out). */
function crash(worker: OutboxWorker): void {
  void worker.stop();
}

describe('exactly once after a worker crash', () => {
  let w: ActivityWorld;
  let hangNextSend = false;
  let releaseHang: () => void = () => undefined;
  const hung = new Promise<void>((r) => (releaseHang = r));

  beforeAll(async () => {
    const wrapSms = (real: SmsProvider): SmsProvider => ({
      code: real.code,
      limit: real.limit,
      ...(real.onStatus ? { onStatus: real.onStatus.bind(real) } : {}),
      close: () => real.close?.() ?? Promise.resolve(),
      async send(req) {
        const res = await real.send(req); // the SMSC has the message…
        if (hangNextSend) {
          hangNextSend = false;
          await hung; // …and the worker dies before it can record that
        }
        return res;
      },
    });
    w = await startActivityWorld({ wrapSms, openpayTimeoutMs: 10_000 });
  });
  afterAll(async () => {
    releaseHang();
    await w?.close();
  });

  it('a worker dies mid-send and mid-payout; a new worker finishes without a second SMS or payout', async () => {
    for (const worker of w.workers) crash(worker);
    const dealId = await w.deal({ phone: '+5215500000002', name: 'Luis Vega' });
    const runner = workflowsOf(w.p.em.core);

    // SMS: the first worker hands the message to the SMSC, then dies before recording it.
    hangNextSend = true;
    const w1 = w.startWorker({ leaseMs: 700 });
    const tpl = runner.defineTemplate('crash', [
      { type: 'activity', code: 'send_sms', properties: { text: 'Recordatorio de pago' }, timeoutSec: 30 },
      { type: 'activity', code: 'payout', properties: { amount: '2500.00', clabe: CLABE }, timeoutSec: 30 },
    ]);
    const started = runner.start(tpl.id, dealId);
    await expect.poll(() => w.smsc.messages().filter((m) => m.text === 'Recordatorio de pago').length, { timeout: 10_000 }).toBe(1);
    crash(w1);
    const w2 = w.startWorker({ leaseMs: 700 });
    await expect.poll(() => runner.run(started.id)!.steps.length, { timeout: 15_000 }).toBe(2);
    const smsStep = runner.run(started.id)!.steps[0]!;
    // The sender cannot ask the SMSC whether it got the message: not resent, reported as unknown.
    expect(smsStep.returnValues).toMatchObject({ status: 'unknown' });
    expect(String(smsStep.returnValues!.error)).toMatch(/not resent/);

    // Payout: the provider creates it but the answer never reaches the worker, which dies.
    w.openpay.delayNext(3000);
    await expect.poll(() => w.openpay.payouts.length, { timeout: 10_000 }).toBe(1);
    crash(w2);
    w.startWorker({ leaseMs: 700 });
    const run = await runner.wait(started.id, 30_000);
    expect(run.status).toBe('done');
    expect(run.steps[1]!.returnValues).toMatchObject({ status: 'pending', amount: '2500.00 MXN' });

    // Bitrix24 delivers both calls again, 1,000 times each, after the crash: still one of each.
    for (const s of run.steps) expect((await runner.redeliver(s.eventToken!, 1000)).every((x) => x === 200)).toBe(true);
    releaseHang();
    await new Promise((r) => setTimeout(r, 500));
    expect(w.smsc.messages().filter((m) => m.text === 'Recordatorio de pago')).toHaveLength(1);
    expect(w.openpay.payouts.filter((p) => p.amount.startsWith('2500'))).toHaveLength(1);
    expect(w.openpay.createRequests).toBe(1); // never a second create
  });
});
