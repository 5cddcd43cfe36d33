import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startInstalled, type Installed } from '../test-support/setup.js';
import { workflowsOf } from './runner.js';
import { evaluate } from './expressions.js';

const fixtureKeys = [
  'workflow_id',
  'code',
  'document_id',
  'document_type',
  'event_token',
  'properties',
  'use_subscription',
  'timeout_duration',
  'ts',
  'auth',
];

describe('workflow runner', () => {
  let t: Installed;
  let dealId: number;
  beforeEach(async () => {
    t = await startInstalled();
    await t.call('bizproc.robot.add', {
      CODE: 'echo',
      HANDLER: `${t.sink.url}/robot`,
      AUTH_USER_ID: 1,
      USE_SUBSCRIPTION: 'Y',
      NAME: 'Echo',
      PROPERTIES: { title: { Name: 'Title', Type: 'string' }, prev: { Name: 'Prev', Type: 'string' } },
      RETURN_PROPERTIES: { answer: { Name: 'Answer', Type: 'string' } },
    });
    const r = await t.call('crm.deal.add', { fields: { TITLE: 'Préstamo Ana', UF_CRM_LOAN_RATE: '45.5' } });
    dealId = r.body.result as number;
  });
  afterEach(async () => t.close());

  const answerAll = (answer: (token: string, n: number) => Record<string, unknown> | null) => {
    let seen = 0;
    const timer = setInterval(() => {
      const robot = t.sink.requests.filter((r) => r.path === '/robot');
      for (; seen < robot.length; seen++) {
        const body = robot[seen]!.body as { event_token?: string };
        const rv = body.event_token ? answer(body.event_token, seen) : null;
        if (rv) void t.call('bizproc.event.send', { EVENT_TOKEN: body.event_token, RETURN_VALUES: rv, LOG_MESSAGE: `done ${seen}` });
      }
    }, 10);
    return () => clearInterval(timer);
  };

  it('POSTs the documented payload, waits for bizproc.event.send and feeds return values to later steps', async () => {
    const stop = answerAll((_tok, n) => ({ answer: `A${n}` }));
    const runner = workflowsOf(t.em.core);
    const tpl = runner.defineTemplate('t', [
      { type: 'activity', code: 'echo', properties: { title: '{=Document:TITLE} @ {=Document:UF_CRM_LOAN_RATE}' } },
      { type: 'changeStage', stageId: 'EXECUTING' },
      { type: 'activity', code: 'echo', properties: { prev: 'got {=A1:answer}' } },
    ]);
    const run = await runner.wait(runner.start(tpl.id, dealId).id, 10_000);
    stop();
    expect(run.status).toBe('done');
    const [first, second] = t.sink.requests.filter((r) => r.path === '/robot').map((r) => r.body as Record<string, unknown>);
    expect(Object.keys(first!).sort()).toEqual([...fixtureKeys].sort());
    expect(first!.document_id).toEqual(['crm', 'CCrmDocumentDeal', `DEAL_${dealId}`]);
    expect(first!.properties).toEqual({ title: 'Préstamo Ana @ 45.5' });
    expect(first!.auth).toMatchObject({ application_token: t.install.applicationToken, member_id: t.em.memberId, user_id: '1' });
    expect((first!.auth as Record<string, string>).refresh_token).toBeTruthy();
    expect(second!.properties).toEqual({ prev: 'got A0' });
    expect(run.steps[2]!.returnValues).toEqual({ answer: 'A1' });
    expect(run.steps[0]!.log).toEqual(['done 0']);
    // A used token is refused (contract.md §5.3).
    const again = await t.call('bizproc.event.send', { EVENT_TOKEN: first!.event_token, RETURN_VALUES: {} });
    expect(again.status).toBe(403);
    expect(again.body.error).toBe('ACCESS_DENIED');
  });

  it('honours the timeout: continues with empty return values and the token is spent', async () => {
    const runner = workflowsOf(t.em.core);
    const tpl = runner.defineTemplate('t', [
      { type: 'activity', code: 'echo', timeoutSec: 0.2 },
      { type: 'wait', ms: 1 },
    ]);
    const run = await runner.wait(runner.start(tpl.id, dealId).id, 10_000);
    expect(run.status).toBe('done');
    expect(run.steps[0]).toMatchObject({ status: 'timeout', returnValues: {} });
    const late = await t.call('bizproc.event.send', { EVENT_TOKEN: run.steps[0]!.eventToken, RETURN_VALUES: {} });
    expect(late.status).toBe(403);
  });

  it('delivers the same call N times and redelivers on demand', async () => {
    const stop = answerAll((_tok, n) => (n === 4 ? { answer: 'x' } : null));
    const runner = workflowsOf(t.em.core);
    const tpl = runner.defineTemplate('t', [{ type: 'activity', code: 'echo', deliveries: 5 }]);
    const run = await runner.wait(runner.start(tpl.id, dealId).id, 10_000);
    stop();
    expect(run.steps[0]!.deliveries).toEqual([200, 200, 200, 200, 200]);
    const bodies = t.sink.requests.filter((r) => r.path === '/robot').map((r) => r.raw);
    expect(new Set(bodies).size).toBe(1);
    expect(await runner.redeliver(run.steps[0]!.eventToken!, 3)).toEqual([200, 200, 200]);
  });

  it('admin endpoints define and run a template; SMS from a deal goes to the sender handler', async () => {
    await t.call('messageservice.sender.add', { CODE: 'sms1', TYPE: 'SMS', HANDLER: `${t.sink.url}/sms`, NAME: 'SMS' });
    const post = (path: string, body: unknown) =>
      fetch(`${t.em.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
        (r) => r.json() as Promise<Record<string, unknown>>,
      );
    const tpl = await post('/emulator/api/workflows', {
      name: 'x',
      steps: [{ type: 'sms', senderCode: 'sms1', text: 'Hola {=Document:TITLE}', phone: '+5215512345678' }],
    });
    const started = await post(`/emulator/api/workflows/${String(tpl.id)}/run`, { dealId });
    await workflowsOf(t.em.core).wait(String(started.runId));
    const run = (await fetch(`${t.em.url}/emulator/api/workflow-runs/${String(started.runId)}`).then((r) => r.json())) as {
      status: string;
    };
    expect(run.status).toBe('done');
    const bp = t.sink.requests.find((r) => r.path === '/sms')!.body as Record<string, unknown>;
    expect(bp).toMatchObject({
      module_id: 'bizproc',
      type: 'SMS',
      code: 'sms1',
      message_to: '+5215512345678',
      message_body: 'Hola Préstamo Ana',
      document_id: ['crm', 'CCrmDocumentDeal', `DEAL_${dealId}`],
    });
    expect(bp.properties).toEqual({ phone_number: '+5215512345678', message_text: 'Hola Préstamo Ana' });
    expect(String(bp.message_id)).toMatch(/^[0-9a-f]{32}$/);

    const crm = await post('/emulator/api/sms', { senderCode: 'sms1', phone: '+79161234567', dealId, text: 'Привет' });
    expect(crm.handlerStatus).toBe(200);
    const body = t.sink.requests.filter((r) => r.path === '/sms')[1]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ module_id: 'crm', bindings: [{ OWNER_TYPE_ID: '2', OWNER_ID: String(dealId) }], message_body: 'Привет' });
    const upd = await t.call('messageservice.message.status.update', { CODE: 'sms1', MESSAGE_ID: crm.messageId, STATUS: 'delivered' });
    expect(upd.body.result).toBe(true);
    expect(t.em.state.smsMessages.find((m) => m.messageId === crm.messageId)!.status).toBe('delivered');
  });
});

describe('expressions', () => {
  it('interpolates document fields and step return values; unknown ones are empty', () => {
    const scope = { document: { TITLE: 'T', UF_CRM_X: ['a', 'b'] }, steps: { A1: { status: 'ok' } } };
    expect(evaluate('{=Document:TITLE}/{=A1:status}/{=A2:x}', scope)).toBe('T/ok/');
    expect(evaluate('{=Document:UF_CRM_X}', scope)).toEqual(['a', 'b']);
    expect(evaluate({ a: ['{=A1:status}', 3] }, scope)).toEqual({ a: ['ok', '3'] });
  });
});
