import { afterEach, describe, expect, it } from 'vitest';
import { handlerUrl, loadManifest, spaEntityId, spaFieldName, ufName } from '../server/manifest/manifest.js';
import { startPlatform, type Platform } from './support/portal-harness.js';

// Install through the real flow (ONAPPINSTALL + install frame POST from the emulator) leaves
// exactly what app.manifest.json declares; installing again changes nothing.

let p: Platform | undefined;
afterEach(async () => {
  await p?.close();
  p = undefined;
});

async function snapshot(pl: Platform) {
  const [placements, activities, robots, events, senders, types, fields, spaFields] = await Promise.all([
    pl.portalCall<{ placement: string; handler: string; title: string }[]>('placement.get'),
    pl.portalCall<string[]>('bizproc.activity.list'),
    pl.portalCall<string[]>('bizproc.robot.list'),
    pl.portalCall<{ event: string; handler: string }[]>('event.get'),
    pl.portalCall<string[]>('messageservice.sender.list'),
    pl.portalCall<{ types: { title: string; entityTypeId: number; relations?: { parent?: { entityTypeId: number }[] } }[] }>(
      'crm.type.list',
    ),
    pl.portalCall<{ FIELD_NAME: string }[]>('crm.deal.userfield.list'),
    pl.portalCall<{ fields: { entityId: string; fieldName: string; userTypeId: string; editFormLabel: Record<string, string> }[] }>(
      'userfieldconfig.list',
      { moduleId: 'crm' },
    ),
  ]);
  return {
    placements: placements.map((x) => `${x.placement} ${x.handler}`).sort(),
    activities: [...activities].sort(),
    robots: [...robots].sort(),
    events: events.map((x) => `${x.event} ${x.handler}`).sort(),
    senders: [...senders].sort(),
    smartProcesses: types.types.map((t) => `${t.title} parent:${(t.relations?.parent ?? []).map((r) => r.entityTypeId).join(',')}`).sort(),
    dealFields: fields.map((f) => f.FIELD_NAME).sort(),
    // Every smart-process user field in the portal, with the process it belongs to.
    scheduleFields: spaFields.fields
      .map((f) => `${f.entityId} ${f.fieldName} ${f.userTypeId} ${f.editFormLabel.ru ?? ''}|${f.editFormLabel.es ?? ''}`)
      .sort(),
    scheduleTypeIds: types.types.map((t) => (t as { id?: number }).id),
  };
}

describe('platform install', () => {
  it('leaves exactly what the manifest declares, and a second install changes nothing', async () => {
    p = await startPlatform();
    const portalId = await p.install();
    const m = loadManifest();
    const url = (path: string) => handlerUrl(p!.a.url, path);
    const expected = {
      placements: m.placements.map((x) => `${x.placement} ${url(x.handler)}`).sort(),
      activities: m.activities
        .filter((a) => a.kind === 'activity')
        .map((a) => a.code)
        .sort(),
      robots: m.activities
        .filter((a) => a.kind === 'robot')
        .map((a) => a.code)
        .sort(),
      events: m.events.map((e) => `${e.event} ${e.handler ? url(e.handler) : ''}`).sort(),
      senders: m.smsSenders.map((s) => s.code).sort(),
      smartProcesses: m.smartProcesses.map((sp) => `${sp.title.en} parent:${sp.parents.join(',')}`).sort(),
      dealFields: m.dealUserFields.map((f) => ufName(f.fieldName)).sort(),
    };
    const first = await snapshot(p);
    // The schedule's user fields, named after the smart process's crm.type id (not entityTypeId).
    expect(first.scheduleTypeIds).toHaveLength(1);
    const typeId = first.scheduleTypeIds[0]!;
    expect(first.scheduleFields).toEqual(
      m.scheduleFields.map((f) => `${spaEntityId(typeId)} ${spaFieldName(typeId, f.name)} ${f.type} ${f.label.ru}|${f.label.es}`).sort(),
    );
    const { scheduleFields: _sf, scheduleTypeIds: _st, ...declared } = first;
    expect(declared).toEqual(expected);

    const row = await p.db.kysely.selectFrom('portals').selectAll().where('id', '=', portalId).executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
    expect(Number(row.schedule_entity_type_id)).toBeGreaterThanOrEqual(1030);
    // Secrets at rest are ciphertext, never the token itself.
    expect(row.access_token_enc).toMatch(/^v1\./);
    expect(row.refresh_token_enc).toMatch(/^v1\./);

    const callsBefore = p.em.stats().restCallsTotal;
    // The admin opens the install page again (reinstall): same registrations, no duplicates.
    const frame = p.em.frameRequest(`${p.a.url}/install`);
    const res = await fetch(frame.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(frame.body),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('installFinish');
    expect(await snapshot(p)).toEqual(first);
    expect(p.em.stats().restCallsTotal).toBeGreaterThan(callsBefore);
  });

  it('reconciles: removes what the manifest no longer has', async () => {
    p = await startPlatform();
    await p.install();
    // Something left from an older version of the app.
    const token = p.em.issueUserToken(1).accessToken;
    const post = (method: string, params: Record<string, unknown>) =>
      fetch(`${p!.em.url}/rest/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...params, auth: token }),
      }).then((r) => r.json());
    await post('placement.bind', { PLACEMENT: 'CRM_DEAL_DETAIL_TOOLBAR', HANDLER: `${p.a.url}/placements/old`, TITLE: 'Old' });
    await post('messageservice.sender.add', { CODE: 'old_sender', TYPE: 'SMS', HANDLER: `${p.a.url}/sms/old`, NAME: 'Old' });
    await post('bizproc.robot.add', { CODE: 'old_robot', HANDLER: `${p.a.url}/activities/old`, NAME: 'Old', USE_SUBSCRIPTION: 'N' });
    await post('event.bind', { event: 'ONCRMCONTACTADD', handler: `${p.a.url}/events` });
    const frame = p.em.frameRequest(`${p.a.url}/install`);
    const res = await fetch(frame.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(frame.body),
    });
    expect(res.status).toBe(200);
    const s = await snapshot(p);
    expect(s.placements.some((x) => x.includes('/placements/old'))).toBe(false);
    expect(s.senders).not.toContain('old_sender');
    expect(s.robots).not.toContain('old_robot');
    expect(s.events.some((x) => x.startsWith('ONCRMCONTACTADD'))).toBe(false);
  });

  it('ONAPPUPDATE re-binds the event handlers the portal dropped on update, and stores the new tokens', async () => {
    p = await startPlatform();
    const portalId = await p.install();
    const before = await snapshot(p);
    const versionBefore = (
      await p.db.kysely.selectFrom('portals').select('token_version').where('id', '=', portalId).executeTakeFirstOrThrow()
    ).token_version;
    // What the portal does on an app update: handlers are gone, an ONAPPUPDATE with a new token pair arrives.
    p.em.state.eventBindings = [];
    const auth = p.em.issueUserToken(1);
    const body = new URLSearchParams({
      event: 'ONAPPUPDATE',
      'data[VERSION]': '2',
      'data[PREVIOUS_VERSION]': '1',
      'data[LANGUAGE_ID]': 'en',
      'auth[access_token]': auth.accessToken,
      'auth[refresh_token]': auth.refreshToken,
      'auth[expires_in]': String(auth.expiresIn),
      'auth[domain]': auth.domain,
      'auth[client_endpoint]': auth.clientEndpoint,
      'auth[server_endpoint]': auth.serverEndpoint,
      'auth[member_id]': auth.memberId,
      'auth[application_token]': auth.applicationToken,
      'auth[scope]': auth.scope,
    });
    const res = await fetch(`${p.a.url}/install/callback`, { method: 'POST', body });
    expect(res.status).toBe(200);
    expect(await snapshot(p)).toEqual(before);
    const row = await p.db.kysely
      .selectFrom('portals')
      .select(['token_version', 'app_version'])
      .where('id', '=', portalId)
      .executeTakeFirstOrThrow();
    expect(Number(row.token_version)).toBeGreaterThan(Number(versionBefore));
    expect(row.app_version).toBe('2');
  });
});
