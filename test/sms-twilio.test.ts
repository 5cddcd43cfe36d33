// Our messageservice SMS sender over the Twilio-compatible HTTP gateway: the message Bitrix24 hands us is
// sent once, and the gateway's signed status callback becomes messageservice.message.status.update.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActivityWorld, type ActivityWorld } from './activities-harness.js';

describe('SMS sender over the HTTP gateway', () => {
  let w: ActivityWorld;
  beforeAll(async () => {
    w = await startActivityWorld({ smsGateway: 'twilio' });
    w.startWorker();
  });
  afterAll(async () => w?.close());

  it('sends once and reports the signed delivery callback to the portal', async () => {
    const dealId = await w.deal({ phone: '+79161234567', name: 'Иван Петров' });
    const res = await fetch(`${w.p.em.url}/emulator/api/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ senderCode: 'b24lending_sms', dealId, text: 'Ваш платёж получен. Спасибо!' }),
    });
    const { messageId } = (await res.json()) as { messageId: string };
    const msg = () => w.p.em.state.smsMessages.find((m) => m.messageId === messageId)!;
    await expect.poll(() => msg().status, { timeout: 10_000 }).toBe('queued');
    expect(w.twilio.messages).toHaveLength(1);
    expect(w.twilio.messages[0]).toMatchObject({ to: '+79161234567', body: 'Ваш платёж получен. Спасибо!' });

    expect(await w.twilio.sendStatus(w.twilio.messages[0]!.sid, 'delivered')).toBe(200);
    await expect.poll(() => msg().status, { timeout: 10_000 }).toBe('delivered');

    // A forged callback is refused.
    const forged = await fetch(`${w.p.a.url}/sms/status/${w.portalId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAA' },
      body: `MessageSid=${w.twilio.messages[0]!.sid}&MessageStatus=failed`,
    });
    expect(forged.status).toBe(401);
    expect(w.twilio.messages).toHaveLength(1);
  });
});
