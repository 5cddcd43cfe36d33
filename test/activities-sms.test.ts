// A workflow in the emulator runs our "Send SMS" block end to end: the portal POSTs the activity call,
// our app stores it and answers at once, the outbox sends through SMPP to a local SMSC, and
// bizproc.event.send returns status/messageId/segments that the next step uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeSms } from '../server/integrations/sms/encoding/index.js';
import { startActivityWorld, type ActivityWorld } from './activities-harness.js';

const ES =
  'Hola Lucía: su próximo pago vence el 15 de diciembre. Si ya pagó, ignore este mensaje. ¡Gracias por su preferencia! Atención a clientes: 55 1234 5678.';
const RU =
  'Здравствуйте, Иван! Напоминаем, что очередной платёж по займу нужно внести до 15 декабря. Если вы уже оплатили, не обращайте внимания на это сообщение.';

describe('send_sms activity end to end', () => {
  let w: ActivityWorld;
  beforeAll(async () => {
    w = await startActivityWorld({ maxSegments: 6 });
    w.startWorker();
  });
  afterAll(async () => w?.close());

  it('renders the template from deal and contact, sends once, and the next step continues on the return values', async () => {
    const dealId = await w.deal({ phone: '+52 55 1234 5678', name: 'Lucía Ramírez' });
    const run = await w.runWorkflow(
      [
        // A deal without a loan yet: the approval template, with what the robot is given for the rest.
        {
          type: 'activity',
          code: 'send_sms',
          properties: { template: 'approval', signLink: 'https://pl.example/f/8K2Q', pin: '4821', companyName: 'Prestalatino' },
          timeoutSec: 15,
        },
        { type: 'activity', code: 'send_sms', properties: { text: 'Estado {=A1:status}, partes {=A1:segments}' }, timeoutSec: 15 },
        { type: 'changeStage', stageId: 'WON' },
      ],
      dealId,
    );
    expect(run.status).toBe('done');
    const [first, second] = run.steps;
    expect(first!.returnValues).toMatchObject({ status: 'queued', segments: expect.anything() });
    expect(String(first!.returnValues!.messageId)).toMatch(/^M\d+/);
    expect(first!.log.some((l) => l.includes('accepted'))).toBe(true);
    expect(second!.properties).toEqual({ text: `Estado queued, partes ${String(first!.returnValues!.segments)}` });
    const texts = w.smsc.messages().map((m) => m.text);
    expect(texts[0]).toBe(
      '¡Felicidades Lucia! Su préstamo por $15,000.00 MXN fue aprobado. Firme su contrato en https://pl.example/f/8K2Q con el PIN 4821. Prestalatino',
    );
    expect(texts).toContain(`Estado queued, partes ${String(first!.returnValues!.segments)}`);
    expect(w.smsc.messages().every((m) => m.to.replace(/\D/g, '').endsWith('525512345678'))).toBe(true);
    const deal = await w.p.portalCall<{ STAGE_ID: string }>('crm.deal.get', { id: dealId });
    expect(deal.STAGE_ID).toBe('WON');
  });

  it('Spanish and Russian arrive intact at the SMSC, split into the right number of UCS-2 parts', async () => {
    const dealId = await w.deal({ phone: '+7 916 123-45-67', name: 'Иван Петров' });
    const before = w.smsc.messages().length;
    const run = await w.runWorkflow(
      [
        { type: 'activity', code: 'send_sms', properties: { text: ES }, timeoutSec: 15 },
        { type: 'activity', code: 'send_sms', properties: { text: RU }, timeoutSec: 15 },
      ],
      dealId,
    );
    expect(run.status).toBe('done');
    const got = w.smsc.messages().slice(before);
    expect(got.map((m) => m.text)).toEqual([analyzeSms(ES).text, analyzeSms(RU).text]);
    for (const [i, text] of [ES, RU].entries()) {
      const a = analyzeSms(text);
      expect(a.encoding).toBe('UCS2');
      expect(got[i]!.partIds).toHaveLength(a.segments);
      expect(got[i]!.dataCoding).toBe(8);
      expect(Number(run.steps[i]!.returnValues!.segments)).toBe(a.segments);
    }
  });

  it('refuses an over-limit message with the limit in the error, sends nothing, and the workflow goes on', async () => {
    const dealId = await w.deal({ phone: '+5215511112222' });
    const before = w.smsc.parts.length;
    const long = 'Заём '.repeat(90); // UCS-2, 450 chars → 7 parts > 6
    const run = await w.runWorkflow(
      [
        { type: 'activity', code: 'send_sms', properties: { text: long }, timeoutSec: 15 },
        { type: 'changeStage', stageId: 'LOSE' },
      ],
      dealId,
    );
    expect(run.status).toBe('done');
    expect(run.steps[0]!.returnValues).toMatchObject({ status: 'failed' });
    expect(String(run.steps[0]!.returnValues!.error)).toMatch(/limit is 6/);
    expect(run.steps[0]!.log.join('\n')).toMatch(/SMS failed: SMS_OVER_LIMIT.*limit is 6/);
    expect(w.smsc.parts.length).toBe(before);
  });

  it('SMS sent from the deal card through our messageservice sender: sent once, statuses reported back', async () => {
    const dealId = await w.deal({ phone: '+5215533334444' });
    w.smsc.autoReceipt = 'DELIVRD';
    const res = await fetch(`${w.p.em.url}/emulator/api/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ senderCode: 'b24lending_sms', dealId, text: 'Su código: 1234' }),
    });
    const body = (await res.json()) as { messageId: string; handlerStatus: number };
    expect(body.handlerStatus).toBe(200);
    const msg = () => w.p.em.state.smsMessages.find((m) => m.messageId === body.messageId)!;
    await expect.poll(() => msg().status, { timeout: 10_000 }).toBe('delivered');
    expect(msg().history.map((h) => h.status)).toEqual(['created', 'queued', 'delivered']);
    expect(w.smsc.messages().filter((m) => m.text === 'Su código: 1234')).toHaveLength(1);
    w.smsc.autoReceipt = undefined;
  });
});
