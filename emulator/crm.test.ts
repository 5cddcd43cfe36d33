import { afterEach, describe, expect, it } from 'vitest';
import { startInstalled, type Installed } from './test-support/setup.js';

describe('emulator CRM methods', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('crm.currency.base.get answers the base currency code as a bare string', async () => {
    t = await startInstalled();
    expect((await t.call('crm.currency.base.get', {})).body.result).toBe('USD');
    t.em.state.portal.baseCurrency = 'MXN';
    expect((await t.call('crm.currency.base.get', {})).body.result).toBe('MXN');
  });

  it('crm.currency.list lists the base currency first (BASE Y) and the portal currencies after it', async () => {
    t = await startInstalled();
    t.em.state.portal.baseCurrency = 'MXN';
    t.em.state.portal.currencies = ['USD', 'MXN'];
    const rows = (await t.call('crm.currency.list', { order: { sort: 'asc' } })).body.result as Array<Record<string, string>>;
    expect(rows.map((r) => [r.CURRENCY, r.BASE])).toEqual([
      ['MXN', 'Y'],
      ['USD', 'N'],
    ]);
    expect(rows[0]).toMatchObject({ AMOUNT_CNT: '1', DECIMALS: '2', SORT: '100' });
  });

  it('crm.deal.add/get/update: UPPER_CASE string values, empty-code errors, events with only the ID', async () => {
    t = await startInstalled();
    await t.call('event.bind', { event: 'ONCRMDEALADD', handler: `${t.sink.url}/ev` });
    await t.call('event.bind', { event: 'ONCRMDEALUPDATE', handler: `${t.sink.url}/ev` });
    const add = await t.call('crm.deal.add', {
      FIELDS: { TITLE: 'Loan 1', OPPORTUNITY: 15000, CURRENCY_ID: 'MXN', UF_CRM_LOAN_ID: 'L-1', CONTACT_IDS: [7] },
    });
    expect(add.body.result).toEqual(expect.any(Number));
    const id = add.body.result as number;
    const get = await t.call('crm.deal.get', { id });
    const deal = get.body.result as Record<string, unknown>;
    expect(deal).toMatchObject({
      ID: String(id),
      TITLE: 'Loan 1',
      OPPORTUNITY: '15000.00',
      CURRENCY_ID: 'MXN',
      STAGE_ID: 'NEW',
      CATEGORY_ID: '0',
      STAGE_SEMANTIC_ID: 'P',
      CONTACT_ID: '7',
    });
    expect(deal.UF_CRM_LOAN_ID).toBe('L-1');
    expect((await t.call('crm.deal.update', { id, fields: { STAGE_ID: 'WON' } })).body.result).toBe(true);
    expect(((await t.call('crm.deal.get', { id })).body.result as Record<string, unknown>).CLOSED).toBe('Y');
    const missing = await t.call('crm.deal.get', { id: 999 });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: '', error_description: 'Not found' });
    expect((await t.call('crm.deal.add', { fields: 'x' })).body).toEqual({
      error: '',
      error_description: "Parameter 'fields' must be array.",
    });
    await t.em.idle();
    const events = t.sink.requests.filter((r) => r.path === '/ev');
    expect(events.map((e) => e.body.event)).toEqual(['ONCRMDEALADD', 'ONCRMDEALUPDATE']);
    expect(events[0]!.body.data).toEqual({ FIELDS: { ID: String(id) } });
  });

  it('crm.deal.list filters (=, >, >=, <, <=, !, @, %), orders by ID by default, pages of 50 with next/total, select', async () => {
    t = await startInstalled();
    for (let i = 1; i <= 60; i++) {
      await t.call('crm.deal.add', { fields: { TITLE: `Deal ${i}`, OPPORTUNITY: i * 1000, ASSIGNED_BY_ID: (i % 3) + 1 } });
    }
    const p1 = await t.call('crm.deal.list', { select: ['ID', 'TITLE'] });
    expect((p1.body.result as unknown[]).length).toBe(50);
    expect(p1.body.total).toBe(60);
    expect(p1.body.next).toBe(50);
    expect(Object.keys((p1.body.result as Record<string, unknown>[])[0]!)).toEqual(['ID', 'TITLE']);
    const p2 = await t.call('crm.deal.list', { start: 50 });
    expect((p2.body.result as unknown[]).length).toBe(10);
    expect(p2.body.next).toBeUndefined();
    const ids = (r: { body: Record<string, unknown> }) => (r.body.result as { ID: string }[]).map((d) => Number(d.ID));
    expect(ids(await t.call('crm.deal.list', { filter: { '>OPPORTUNITY': 58000 } }))).toEqual([59, 60]);
    expect(ids(await t.call('crm.deal.list', { filter: { '>=OPPORTUNITY': 59000, '<=OPPORTUNITY': 59000 } }))).toEqual([59]);
    expect(ids(await t.call('crm.deal.list', { filter: { '<OPPORTUNITY': 2000 } }))).toEqual([1]);
    expect(ids(await t.call('crm.deal.list', { filter: { '@ID': [3, 5], '!ID': 5 } }))).toEqual([3]);
    expect(ids(await t.call('crm.deal.list', { filter: { '=ASSIGNED_BY_ID': 1, '%TITLE': 'Deal 1' } }))).toEqual([12, 15, 18]);
    expect(ids(await t.call('crm.deal.list', { order: { ID: 'DESC' }, filter: { '<ID': 4 } }))).toEqual([3, 2, 1]);
  });

  it('crm.item.* for a smart process: camelCase, native types, parentId2, ONCRMDYNAMICITEM* with ENTITY_TYPE_ID', async () => {
    t = await startInstalled();
    await t.call('event.bind', { event: 'ONCRMDYNAMICITEMADD', handler: `${t.sink.url}/ev` });
    const type = await t.call('crm.type.add', {
      fields: { title: 'Loan', relations: { parent: [{ entityTypeId: 2, isChildrenListEnabled: 'true' }] } },
    });
    const entityTypeId = (type.body.result as { type: { entityTypeId: number } }).type.entityTypeId;
    const deal = (await t.call('crm.deal.add', { fields: { TITLE: 'D' } })).body.result as number;
    const added = await t.call('crm.item.add', {
      entityTypeId,
      fields: { title: 'Loan #1', parentId2: deal, opportunity: 1200.5, ufCrm5_Rate: 0.45 },
    });
    const item = (added.body.result as { item: Record<string, unknown> }).item;
    expect(item).toMatchObject({
      title: 'Loan #1',
      parentId2: deal,
      opportunity: 1200.5,
      entityTypeId,
      stageId: expect.stringMatching(/^DT\d+_\d+:NEW$/),
    });
    expect(typeof item.id).toBe('number');
    const list = await t.call('crm.item.list', { entityTypeId, filter: { parentId2: deal } });
    expect((list.body.result as { items: unknown[] }).items).toHaveLength(1);
    expect(list.body.total).toBe(1);
    const upd = await t.call('crm.item.update', { entityTypeId, id: item.id, fields: { stageId: 'bogus' } });
    expect(upd.body.error).toBe('CRM_FIELD_ERROR_VALUE_NOT_VALID');
    expect((await t.call('crm.item.get', { entityTypeId, id: 999 })).body).toEqual({
      error: 'NOT_FOUND',
      error_description: 'Element not found',
    });
    expect((await t.call('crm.item.get', { entityTypeId: 9999, id: 1 })).body).toEqual({
      error: 'NOT_FOUND',
      error_description: 'Smart process not found',
    });
    await t.em.idle();
    const ev = t.sink.requests.find((r) => r.path === '/ev')!;
    expect(ev.body.data).toEqual({ FIELDS: { ID: String(item.id), ENTITY_TYPE_ID: String(entityTypeId) } });
    expect((await t.call('crm.item.delete', { entityTypeId, id: item.id })).status).toBe(200);
  });

  it('crm.item.* on deals (entityTypeId 2) sees the same records as crm.deal.*', async () => {
    t = await startInstalled();
    const id = (await t.call('crm.deal.add', { fields: { TITLE: 'Shared', UF_CRM_1721244482250: 'x' } })).body.result as number;
    const got = (await t.call('crm.item.get', { entityTypeId: 2, id })).body.result as { item: Record<string, unknown> };
    expect(got.item).toMatchObject({ id, title: 'Shared', ufCrm_1721244482250: 'x', entityTypeId: 2, categoryId: 0 });
    await t.call('crm.item.update', { entityTypeId: 2, id, fields: { opportunity: 99.9 } });
    expect(((await t.call('crm.deal.get', { id })).body.result as Record<string, unknown>).OPPORTUNITY).toBe('99.90');
  });

  it('contacts with PHONE/EMAIL multi-fields; statuses, categories; timeline, todo, files, notifications, telephony', async () => {
    t = await startInstalled();
    const cid = (
      await t.call('crm.contact.add', {
        fields: { NAME: 'Ana', LAST_NAME: 'López', PHONE: [{ VALUE: '+5215512345678', VALUE_TYPE: 'MOBILE' }] },
      })
    ).body.result as number;
    const contact = (await t.call('crm.contact.get', { id: cid })).body.result as Record<string, unknown>;
    expect(contact.PHONE).toEqual([{ ID: expect.any(String), VALUE_TYPE: 'MOBILE', VALUE: '+5215512345678', TYPE_ID: 'PHONE' }]);
    expect(contact.HAS_PHONE).toBe('Y');
    expect((await t.call('crm.contact.list', { filter: { PHONE: '+5215512345678' } })).body.total).toBe(1);
    const stages = (await t.call('crm.status.list', { filter: { ENTITY_ID: 'DEAL_STAGE' } })).body.result as Record<string, unknown>[];
    expect(stages[0]).toMatchObject({ STATUS_ID: 'NEW', EXTRA: { SEMANTICS: 'process' } });
    expect((await t.call('crm.category.list', { entityTypeId: 2 })).body.result).toMatchObject({ categories: [{ id: 0, isDefault: 'Y' }] });
    const deal = (await t.call('crm.deal.add', { fields: { TITLE: 'D' } })).body.result as number;
    expect(
      (await t.call('crm.timeline.comment.add', { fields: { ENTITY_ID: deal, ENTITY_TYPE: 'deal', COMMENT: 'Approved' } })).body.result,
    ).toEqual(expect.any(Number));
    expect((await t.call('crm.timeline.comment.add', { FIELDS: { ENTITY_ID: deal, ENTITY_TYPE: 'deal', COMMENT: 'x' } })).status).toBe(400);
    // crm-timeline-comment-list.md: the item's comments, selected fields only, ENTITY_ID/ENTITY_TYPE required.
    await t.call('crm.timeline.comment.add', { fields: { ENTITY_ID: deal, ENTITY_TYPE: 'deal', COMMENT: 'Signed' } });
    const listed = await t.call('crm.timeline.comment.list', {
      filter: { ENTITY_ID: deal, ENTITY_TYPE: 'deal' },
      select: ['ID', 'COMMENT'],
      order: { ID: 'DESC' },
    });
    expect(listed.body.result).toEqual([
      { ID: expect.any(String), COMMENT: 'Signed' },
      { ID: expect.any(String), COMMENT: 'Approved' },
    ]);
    expect(listed.body.total).toBe(2);
    expect((await t.call('crm.timeline.comment.list', { filter: { ENTITY_TYPE: 'deal' } })).status).toBe(400);
    expect(
      (await t.call('crm.timeline.comment.list', { filter: { ENTITY_ID: 99999, ENTITY_TYPE: 'deal' }, select: ['ID'] })).body,
    ).toMatchObject({
      error: '',
      error_description: 'Access denied.',
    });
    expect(
      (await t.call('crm.activity.todo.add', { ownerTypeId: 2, ownerId: deal, deadline: '2026-12-01T10:00:00+00:00', title: 'Call' })).body
        .result,
    ).toEqual({
      id: expect.any(Number),
    });
    const file = await t.call('disk.folder.uploadfile', {
      id: 1,
      data: { NAME: 'contract.pdf' },
      fileContent: ['contract.pdf', Buffer.from('PDF').toString('base64')],
    });
    const fileRes = file.body.result as Record<string, unknown>;
    expect(fileRes).toMatchObject({ NAME: 'contract.pdf', TYPE: 'file', SIZE: '3' });
    expect(await (await fetch(String(fileRes.DOWNLOAD_URL))).text()).toBe('PDF');
    expect((await t.call('im.notify.system.add', { USER_ID: 1, MESSAGE: 'Hi' })).body.result).toEqual(expect.any(Number));
    expect((await t.call('im.notify.system.add', { MESSAGE: 'Hi' })).body.error).toBe('USER_ID_EMPTY');
    const call = (await t.call('telephony.externalCall.register', { USER_ID: 1, PHONE_NUMBER: '+79161234567', TYPE: 1 })).body.result as {
      CALL_ID: string;
    };
    expect(call.CALL_ID).toMatch(/^externalCall\./);
    expect((await t.call('telephony.externalCall.finish', { CALL_ID: call.CALL_ID, USER_ID: 1, DURATION: 30 })).body.result).toMatchObject({
      CALL_DURATION: 30,
    });
  });

  it('telephony.externalCall.finish logs the call as a CRM activity of the contact and its open deal (doc)', async () => {
    t = await startInstalled();
    const contactId = (await t.call('crm.contact.add', { fields: { NAME: 'Ana', PHONE: [{ VALUE: '+5215500000031' }] } })).body
      .result as number;
    const dealId = (await t.call('crm.deal.add', { fields: { TITLE: 'Loan', CONTACT_ID: contactId } })).body.result as number;
    const reg = { USER_ID: 1, PHONE_NUMBER: '+5215500000031', TYPE: 1, CRM_ENTITY_TYPE: 'CONTACT', CRM_ENTITY_ID: contactId };
    const { CALL_ID } = (await t.call('telephony.externalCall.register', reg)).body.result as { CALL_ID: string };
    expect(t.em.state.crmActivities).toHaveLength(0); // register alone creates no activity (doc)
    expect((await t.call('telephony.externalCall.finish', { CALL_ID })).body).toMatchObject({ error: 'ERROR_CORE' });
    expect((await t.call('telephony.externalCall.finish', { CALL_ID: 5, USER_ID: 1 })).body).toMatchObject({ error: 'INVALID_ARGUMENT' });
    const done = (await t.call('telephony.externalCall.finish', { CALL_ID, USER_ID: 1, DURATION: 95, ADD_TO_CHAT: 0 })).body
      .result as Record<string, unknown>;
    expect(done).toMatchObject({ CALL_ID, CALL_DURATION: 95, CALL_FAILED_CODE: '200', CALL_STATUS: 1, CRM_ENTITY_TYPE: 'CONTACT' });
    const activity = t.em.state.crmActivities.find((a) => a.ID === done.CRM_ACTIVITY_ID);
    expect(activity).toMatchObject({ TYPE_ID: 2, DIRECTION: 2, RESPONSIBLE_ID: 1, COMPLETED: 'Y' });
    expect(activity?.BINDINGS).toEqual([
      { OWNER_TYPE_ID: 3, OWNER_ID: contactId },
      { OWNER_TYPE_ID: 2, OWNER_ID: dealId },
    ]);
    // A finished call cannot be finished again (UNVERIFIED(b24), see misc.ts).
    expect((await t.call('telephony.externalCall.finish', { CALL_ID, USER_ID: 1 })).body).toMatchObject({ error: 'ERROR_CORE' });
  });

  it('admin endpoint changes a deal like a user and fires ONCRMDEALUPDATE', async () => {
    t = await startInstalled();
    await t.call('event.bind', { event: 'ONCRMDEALUPDATE', handler: `${t.sink.url}/ev` });
    const id = (await t.call('crm.deal.add', { fields: { TITLE: 'D' } })).body.result as number;
    const r = await fetch(`${t.em.url}/emulator/api/deals/${id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { STAGE_ID: 'PREPARATION' }, userId: 1 }),
    });
    expect(r.status).toBe(200);
    await t.em.idle();
    const ev = t.sink.requests.find((x) => x.path === '/ev')!;
    expect(ev.body).toMatchObject({ event: 'ONCRMDEALUPDATE', data: { FIELDS: { ID: String(id) } } });
    expect((ev.body.auth as Record<string, string>).user_id).toBe('1');
  });

  it('batch: cmd map with $result substitution, halt, result_error, empty maps as []', async () => {
    t = await startInstalled();
    const r = await t.call('batch', {
      halt: 0,
      cmd: {
        add: 'crm.deal.add?fields[TITLE]=Batch%20deal&fields[OPPORTUNITY]=500',
        get: 'crm.deal.get?id=$result[add]',
        list: 'crm.deal.list?filter[ID]=$result[add]&select[]=ID',
        bad: 'crm.deal.get?id=9999',
      },
    });
    expect(r.status).toBe(200);
    const res = r.body.result as Record<string, Record<string, unknown>>;
    expect((res.result!.get as Record<string, unknown>).TITLE).toBe('Batch deal');
    expect(res.result_total).toEqual({ list: 1 });
    expect(res.result_next).toEqual([]);
    expect(res.result_error).toEqual({ bad: { error: '', error_description: 'Not found' } });
    expect(Object.keys(res.result_time!)).toEqual(['add', 'get', 'list']);
    const halted = await t.call('batch', { halt: 1, cmd: ['crm.deal.get?id=9999', 'profile'] });
    const hres = halted.body.result as Record<string, unknown>;
    expect(hres.result).toEqual([]);
    expect(Object.keys(hres.result_error as object)).toEqual(['0']);
    const tooMany = await t.call('batch', { cmd: Array.from({ length: 51 }, () => 'profile') });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toBe('ERROR_BATCH_LENGTH_EXCEEDED');
    const nested = await t.call('batch', { cmd: { b: 'batch?cmd[0]=profile' } });
    expect((nested.body.result as { result_error: Record<string, { error: string }> }).result_error.b!.error).toBe(
      'ERROR_BATCH_METHOD_NOT_ALLOWED',
    );
  });
});
