// The call-script block end to end: the workflow waits, the responsible employee gets a to-do, works the
// script in the deal card (our API with the widget's session: answers saved as they talk, a telephony
// call registered), finishes — the telephony call is finished (a call activity on the deal), the deal
// fields, a timeline Q&A comment and the return values follow, and
// the workflow continues: the payout reads the CLABE the call put into the deal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowsOf } from '../emulator/workflows/register.js';
import { startActivityWorld, type ActivityWorld } from './activities-harness.js';

describe('call_script activity', () => {
  let w: ActivityWorld;
  beforeAll(async () => {
    w = await startActivityWorld();
    w.startWorker();
  });
  afterAll(async () => w?.close());

  it('to-do → answers in the deal card → deal, timeline and workflow updated', async () => {
    const dealId = await w.deal({ phone: '+5215500000021', name: 'Marta Ruiz', assignedBy: 1 });
    const runner = workflowsOf(w.p.em.core);
    // Seed 000's final call fills the CLABE into the deal; the payout reads it from there.
    const tpl = runner.defineTemplate('issuance', [
      { type: 'activity', code: 'call_script', properties: { script: 'final-call' }, timeoutSec: 30 },
      {
        type: 'activity',
        code: 'payout',
        properties: { amount: '3000.00', clabe: '{=Document:UF_CRM_LOAN_PAYOUT_CLABE}' },
        timeoutSec: 20,
      },
      { type: 'activity', code: 'send_sms', properties: { text: 'Llamada {=A1:outcome}, desembolso {=A2:status}' }, timeoutSec: 20 },
    ]);
    const run = runner.start(tpl.id, dealId);
    await expect.poll(() => w.p.em.state.todos.filter((t) => t.ownerId === dealId).length, { timeout: 10_000 }).toBe(1);
    const todo = w.p.em.state.todos.find((t) => t.ownerId === dealId)!;
    expect(todo).toMatchObject({ ownerTypeId: 2, responsibleId: 1 });
    // In the deal's language (a +52 phone): Spanish, as the script.
    expect(todo.description).toMatch(/Guion de llamada/);

    const session = w.p.a.app.sessions.issue({ portalId: w.portalId, userId: 1, dealId, isAdmin: false });
    const api = async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${w.p.a.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${session}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    };
    await expect
      .poll(async () => ((await api('GET', `/api/v1/deals/${dealId}/call-scripts`)).body.calls as unknown[]).length, { timeout: 5000 })
      .toBe(1);
    const list = await api('GET', `/api/v1/deals/${dealId}/call-scripts`);
    const open = (
      list.body.calls as { callId: string; status: string; script: { id: string; lang: string }; vars: Record<string, string> }[]
    )[0]!;
    expect(open.status).toBe('waiting');
    expect(open.script).toMatchObject({ id: 'final-call', lang: 'es' });
    expect(open.vars).toMatchObject({ client_name: 'Marta Ruiz', currency: 'MXN' });

    const call = await api('POST', `/api/v1/call-scripts/${open.callId}/call`);
    expect(call.status).toBe(200);
    expect(String(call.body.callId)).toMatch(/^externalCall\./);
    expect(w.p.em.state.calls.at(-1)).toMatchObject({ userId: 1, type: 1 });

    // Finishing before the path is answered is refused; a bad option is refused.
    expect((await api('POST', `/api/v1/call-scripts/${open.callId}/finish`)).status).toBe(400);
    expect((await api('POST', `/api/v1/call-scripts/${open.callId}/answers`, { questionId: 'identity', value: 'maybe' })).status).toBe(400);
    expect(
      (await api('POST', `/api/v1/call-scripts/${open.callId}/answers`, { questionId: 'clabe', value: '012298026516924617' })).status,
    ).toBe(400);
    for (const [questionId, value] of [
      ['identity', 'yes'],
      ['terms', 'yes'],
      ['payout_method', 'clabe'],
      ['clabe', '012298026516924616'],
      ['holder', 'yes'],
      ['sms_consent', 'yes'],
    ]) {
      expect((await api('POST', `/api/v1/call-scripts/${open.callId}/answers`, { questionId, value })).status).toBe(200);
    }
    expect((await api('POST', `/api/v1/call-scripts/${open.callId}/finish`)).status).toBe(202);
    const done = await runner.wait(run.id, 20_000);
    expect(done.status).toBe('done');
    expect(done.steps[0]!.returnValues).toMatchObject({ outcome: 'verified' });
    expect(JSON.parse(String(done.steps[0]!.returnValues!.answers))).toMatchObject({ payout_method: 'clabe', clabe: '012298026516924616' });
    expect(done.steps[1]!.properties).toEqual({ amount: '3000.00', clabe: '012298026516924616' });
    expect(done.steps[1]!.returnValues).toMatchObject({ status: 'pending', amount: '3000.00 MXN' });
    expect(done.steps[2]!.properties).toEqual({ text: 'Llamada verified, desembolso pending' });
    expect(w.openpay.payouts).toHaveLength(1);
    expect(w.openpay.payouts[0]).toMatchObject({ clabe: '012298026516924616', holder_name: 'Marta Ruiz' });

    const deal = await w.p.portalCall<Record<string, unknown>>('crm.deal.get', { id: dealId });
    expect(deal.UF_CRM_LOAN_PAYOUT_CLABE).toBe('012298026516924616');
    expect(deal.UF_CRM_LOAN_PAYOUT_METHOD).toBe('clabe');
    const comment = w.p.em.state.timeline.find((c) => c.entityId === dealId && c.entityType === 'deal')!;
    expect(comment.comment).toContain('¿Cómo quiere recibir el dinero? → Transferencia SPEI a su cuenta (CLABE)');
    expect(comment.comment).toContain('Marta Ruiz');
    expect(comment.comment).toContain('= verificado:');
    // The call dialled from the tab was finished with the script (telephony.externalCall.finish), so the
    // portal logged it as a call activity that reaches the deal.
    const telephonyCall = w.p.em.state.calls.find((c) => c.callId === call.body.callId)!;
    expect(telephonyCall).toMatchObject({ finished: true, userId: 1 });
    const activity = w.p.em.state.crmActivities.find((a) => a.ORIGIN_ID === call.body.callId);
    expect(activity).toMatchObject({ TYPE_ID: 2, DIRECTION: 2, RESPONSIBLE_ID: 1 });
    expect(activity?.BINDINGS).toContainEqual({ OWNER_TYPE_ID: 2, OWNER_ID: dealId });
    // A second finish is a no-op (and finishes no call twice).
    expect((await api('POST', `/api/v1/call-scripts/${open.callId}/finish`)).status).toBe(202);
    expect(w.p.em.state.crmActivities.filter((a) => a.ORIGIN_ID === call.body.callId)).toHaveLength(1);
  });
});
