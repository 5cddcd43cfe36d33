import { afterEach, describe, expect, it } from 'vitest';
import { startInstalled, type Installed } from './test-support/setup.js';

const AUTH_KEYS = [
  'access_token',
  'application_token',
  'client_endpoint',
  'domain',
  'expires',
  'expires_in',
  'member_id',
  'scope',
  'server_endpoint',
  'status',
  'user_id',
];

describe('emulator install flow', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('app with UI: frame POST to the install URL, ONAPPINSTALL to the handler, not installed until installFinish', async () => {
    t = await startInstalled({}, { withUi: true });
    const frame = t.sink.requests.find((r) => r.path === '/install')!;
    expect(Object.keys(frame.query).sort()).toEqual(['APP_SID', 'DOMAIN', 'LANG', 'PROTOCOL']);
    expect(frame.query.DOMAIN).toBe(t.em.domain);
    expect(Object.keys(frame.body).sort()).toEqual(
      [
        'APPLICATION_SCOPE',
        'APPLICATION_TOKEN',
        'AUTH_EXPIRES',
        'AUTH_ID',
        'PLACEMENT',
        'REFRESH_ID',
        'SERVER_ENDPOINT',
        'member_id',
        'status',
      ].sort(),
    );
    expect(frame.body.PLACEMENT).toBe('DEFAULT');
    const ev = t.sink.requests.find((r) => r.path === '/install-handler')!;
    expect(ev.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(ev.body.event).toBe('ONAPPINSTALL');
    const auth = ev.body.auth as Record<string, string>;
    expect(Object.keys(auth).sort()).toEqual([...AUTH_KEYS, 'refresh_token'].sort());
    expect(auth.application_token).toBe(frame.body.APPLICATION_TOKEN);
    expect(auth.access_token).toBe(frame.body.AUTH_ID);

    expect((await t.call('app.info')).body.result).toMatchObject({ INSTALLED: false });
    await t.call('event.bind', { event: 'ONCRMDEALUPDATE', handler: `${t.sink.url}/events` });
    t.em.emit('ONCRMDEALUPDATE', { FIELDS: { ID: '1' } }, { userId: 1 });
    await t.em.idle();
    expect(t.sink.requests.filter((r) => r.path === '/events')).toHaveLength(0);

    t.em.finishInstall();
    expect((await t.call('app.info')).body.result).toMatchObject({ INSTALLED: true });
    t.em.emit('ONCRMDEALUPDATE', { FIELDS: { ID: '1' } }, { userId: 1 });
    await t.em.idle();
    const delivered = t.sink.requests.filter((r) => r.path === '/events');
    expect(delivered).toHaveLength(1);
    expect(Object.keys(delivered[0]!.body).sort()).toEqual(['auth', 'data', 'event', 'event_handler_id', 'ts']);
    expect(delivered[0]!.raw).toContain('data%5BFIELDS%5D%5BID%5D=1');
    expect(t.em.stats().events.delivered).toBe(2); // ONAPPINSTALL + this one
  });

  it('app without UI counts as installed right after ONAPPINSTALL', async () => {
    t = await startInstalled();
    expect((await t.call('app.info')).body.result).toMatchObject({ INSTALLED: true });
    const ev = t.sink.requests.find((r) => r.path === '/install-handler')!;
    expect(ev.body.data).toEqual({ VERSION: '1', ACTIVE: 'Y', INSTALLED: 'Y', LANGUAGE_ID: 'en' });
  });

  it('uninstall sends ONAPPUNINSTALL without tokens and revokes everything', async () => {
    t = await startInstalled();
    await t.call('event.bind', { event: 'ONAPPUNINSTALL', handler: `${t.sink.url}/uninstall` });
    await t.call('placement.bind', { PLACEMENT: 'CRM_DEAL_DETAIL_TAB', HANDLER: `${t.sink.url}/tab` });
    await t.em.uninstallApp({ clean: true });
    const ev = t.sink.requests.find((r) => r.path === '/uninstall')!;
    expect(ev.body.event).toBe('ONAPPUNINSTALL');
    expect(ev.body.data).toEqual({ LANGUAGE_ID: 'en', CLEAN: '1' });
    expect(Object.keys(ev.body.auth as object).sort()).toEqual([
      'application_token',
      'client_endpoint',
      'domain',
      'member_id',
      'server_endpoint',
    ]);
    expect(t.em.state.placements).toEqual([]);
    expect(t.em.state.eventBindings).toEqual([]);
    expect((await t.call('profile')).status).toBe(401);
  });

  it('reinstall wipes event handlers (they must be bound again by each version)', async () => {
    t = await startInstalled();
    await t.call('event.bind', { event: 'ONCRMDEALADD', handler: `${t.sink.url}/events` });
    await t.em.installApp({ handlerUrl: `${t.sink.url}/install-handler`, version: 2 });
    expect(t.em.state.eventBindings).toEqual([]);
  });

  it('records failed deliveries and never retries; dropped events are counted', async () => {
    t = await startInstalled({ faults: { dropEvents: 1 } });
    await t.call('event.bind', { event: 'ONCRMDEALADD', handler: `${t.sink.url}/events` });
    t.em.emit('ONCRMDEALADD', { FIELDS: { ID: '5' } }, { userId: 1 });
    await t.em.idle();
    expect(t.em.stats().events.dropped).toBe(1);
    t.em.setFaults({ dropEvents: 0 });
    t.sink.status = 500;
    t.em.emit('ONCRMDEALADD', { FIELDS: { ID: '6' } }, { userId: 1 });
    await t.em.idle();
    expect(t.sink.requests.filter((r) => r.path === '/events')).toHaveLength(1);
    const last = t.em.stats().events.deliveries.at(-1)!;
    expect(last.status).toBe(500);
    expect(t.em.stats().events.failed).toBe(1);
  });
});
