import { afterEach, describe, expect, it } from 'vitest';
import { startInstalled, type Installed } from './test-support/setup.js';

describe('emulator REST envelope and auth', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('answers {result, time{…operating…}} for JSON, form and query calls, .json suffix, any case, // collapsed', async () => {
    t = await startInstalled();
    const json = await t.call('app.info');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.time as object).sort()).toEqual(
      ['date_finish', 'date_start', 'duration', 'finish', 'operating', 'operating_reset_at', 'processing', 'start'].sort(),
    );
    const form = await fetch(`${t.em.url}/rest/App.Info.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `auth=${t.token}`,
    });
    expect(form.status).toBe(200);
    const query = await fetch(`${t.em.url}/rest//scope?auth=${t.token}`);
    expect(((await query.json()) as { result: string[] }).result).toContain('crm');
    const bearer = await fetch(`${t.em.url}/rest/profile`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(bearer.status).toBe(200);
  });

  it('documented errors: 404 ERROR_METHOD_NOT_FOUND, 401 NO_AUTH_FOUND, 403 insufficient_scope', async () => {
    t = await startInstalled();
    expect((await t.call('no.such.method')).body.error).toBe('ERROR_METHOD_NOT_FOUND');
    expect((await t.call('no.such.method')).status).toBe(404);
    const noAuth = await fetch(`${t.em.url}/rest/profile`);
    expect(noAuth.status).toBe(401);
    // The admin re-installs with a narrower scope: new tokens lack `placement`.
    const narrow = await t.em.installApp({ handlerUrl: `${t.sink.url}/h`, scope: ['crm'] });
    const denied = await t.call('placement.get', {}, narrow.auth.accessToken);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toBe('insufficient_scope');
    expect(t.em.stats().rejected.insufficient_scope).toBe(1);
  });

  it('incoming webhooks work for CRM-style methods and are refused for app-only ones', async () => {
    t = await startInstalled();
    const hook = (await (
      await fetch(`${t.em.url}/emulator/api/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    ).json()) as {
      url: string;
    };
    const user = await fetch(`${hook.url}user.current.json`);
    expect(user.status).toBe(200);
    const placement = await fetch(`${hook.url}placement.get`);
    expect(placement.status).toBe(403);
    expect(((await placement.json()) as Record<string, unknown>).error).toBe('WRONG_AUTH_TYPE');
    const robot = await fetch(`${hook.url}bizproc.robot.list`);
    expect(await robot.json()).toEqual({ error: 'ACCESS_DENIED', error_description: 'Application context required' });
    const app = await fetch(`${hook.url}app.info`);
    expect(app.status).toBe(400);
    const bad = await fetch(`${t.em.url}/rest/1/wrongsecret/user.current`);
    expect(bad.status).toBe(401);
  });

  it('answers CORS preflight for the app origin', async () => {
    t = await startInstalled();
    const r = await fetch(`${t.em.url}/rest/user.current`, {
      method: 'OPTIONS',
      headers: { origin: t.sink.url, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe(t.sink.url);
    expect(r.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await fetch(`${t.em.url}/rest/user.current`, { method: 'OPTIONS', headers: { origin: 'http://evil.test' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('emulator registration methods', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('placement.bind/get/unbind with the documented shapes and errors', async () => {
    t = await startInstalled();
    const handler = `${t.sink.url}/placement`;
    expect((await t.call('placement.bind', { PLACEMENT: 'CRM_DEAL_DETAIL_TAB', HANDLER: handler, TITLE: 'Loan' })).body.result).toBe(true);
    const get = await t.call('placement.get');
    expect(get.body.result).toEqual([
      { placement: 'CRM_DEAL_DETAIL_TAB', userId: 0, handler, options: [], title: 'Loan', description: '', langAll: expect.any(Object) },
    ]);
    const err = await t.call('placement.bind', { HANDLER: handler });
    expect(err.status).toBe(400);
    expect(err.body).toEqual({
      error: 'ERROR_ARGUMENT',
      error_description: "Argument 'PLACEMENT' is null or empty",
      argument: 'PLACEMENT',
    });
    expect((await t.call('placement.unbind', { PLACEMENT: 'CRM_DEAL_DETAIL_TAB' })).body.result).toEqual({ count: 1 });
  });

  it('event.bind/get/unbind; unknown event and duplicates are errors', async () => {
    t = await startInstalled();
    const handler = `${t.sink.url}/events`;
    expect((await t.call('event.bind', { event: 'onCrmDealUpdate', handler })).body.result).toBe(true);
    expect((await t.call('event.bind', { event: 'ONCRMDEALUPDATE', handler })).body.error).toBe('ERROR_HANDLER_ALREADY_EXIST');
    const unknown = await t.call('event.bind', { event: 'ONNOSUCHEVENT', handler });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ error: 'ERROR_EVENT_NOT_FOUND', error_description: 'Event not found' });
    expect((await t.call('event.get')).body.result).toEqual([{ event: 'ONCRMDEALUPDATE', handler, auth_type: '0', offline: 0 }]);
    expect((await t.call('event.unbind', { event: 'ONCRMDEALUPDATE', handler })).body.result).toEqual({ count: 1 });
  });

  it('bizproc robots/activities register, validate and list; event.send accepts a token once', async () => {
    t = await startInstalled();
    const robot = {
      CODE: 'send_sms',
      HANDLER: `${t.sink.url}/robot`,
      NAME: 'Send SMS',
      USE_SUBSCRIPTION: 'Y',
      PROPERTIES: { phone: { Name: 'Phone', Type: 'string' } },
    };
    expect((await t.call('bizproc.robot.add', robot)).body.result).toBe(true);
    expect((await t.call('bizproc.robot.add', robot)).body.error).toBe('ERROR_ACTIVITY_ALREADY_INSTALLED');
    expect((await t.call('bizproc.activity.add', { ...robot, CODE: '' })).body).toEqual({
      error: 'ERROR_ACTIVITY_VALIDATION_FAILURE',
      error_description: 'Empty activity code!',
    });
    expect((await t.call('bizproc.robot.list')).body.result).toEqual(['send_sms']);
    expect((await t.call('bizproc.robot.update', { CODE: 'send_sms', FIELDS: { NAME: 'Send an SMS' } })).body.result).toBe(true);
    expect(t.em.state.robots[0]!.name).toBe('Send an SMS');
    t.em.state.workflowTokens.push({
      eventToken: 'wf1|A1|x',
      workflowId: 'wf1',
      code: 'send_sms',
      used: false,
      logMessages: [],
      createdAt: '',
    });
    expect((await t.call('bizproc.activity.log', { EVENT_TOKEN: 'wf1|A1|x', LOG_MESSAGE: '' })).body.error).toBe('ERROR_EMPTY_LOG_MESSAGE');
    const sent = await t.call('bizproc.event.send', { event_token: 'wf1|A1|x', return_values: { status: 'sent' } });
    expect(sent.body.result).toBe(true);
    expect(t.em.state.workflowTokens[0]!.returnValues).toEqual({ status: 'sent' });
    const again = await t.call('bizproc.event.send', { event_token: 'wf1|A1|x', return_values: {} });
    expect(again.status).toBe(403);
    expect(again.body).toEqual({ error: 'ACCESS_DENIED', error_description: 'Access denied!' });
    expect((await t.call('bizproc.robot.delete', { CODE: 'nope' })).body.error).toBe('ERROR_ACTIVITY_NOT_FOUND');
  });

  it('messageservice senders and status updates', async () => {
    t = await startInstalled();
    const sender = { CODE: 'lendsms', TYPE: 'SMS', HANDLER: `${t.sink.url}/sms`, NAME: 'Lending SMS' };
    expect((await t.call('messageservice.sender.add', sender)).body.result).toBe(true);
    expect((await t.call('messageservice.sender.add', sender)).body.error).toBe('ERROR_SENDER_ALREADY_INSTALLED');
    expect((await t.call('messageservice.sender.add', { ...sender, CODE: '' })).body.error_description).toBe('Empty sender code!');
    expect((await t.call('messageservice.sender.list')).body.result).toEqual(['lendsms']);
    t.em.state.smsMessages.push({
      messageId: 'm1',
      senderCode: 'lendsms',
      to: '+5215512345678',
      body: 'hi',
      status: 'queued',
      history: [],
    });
    expect((await t.call('messageservice.message.status.update', { CODE: 'lendsms', MESSAGE_ID: 'm1', STATUS: 'bogus' })).body.error).toBe(
      'ERROR_MESSAGE_STATUS_INCORRECT',
    );
    expect(
      (await t.call('messageservice.message.status.update', { CODE: 'lendsms', MESSAGE_ID: 'm1', STATUS: 'delivered' })).body.result,
    ).toBe(true);
    expect(t.em.state.smsMessages[0]!.status).toBe('delivered');
    expect((await t.call('messageservice.sender.delete', { CODE: 'lendsms' })).body.result).toBe(true);
  });
});
