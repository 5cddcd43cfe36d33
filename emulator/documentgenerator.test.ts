// The document generator's upload and list, the app's Disk storage and the timeline comment list, as
// their doc pages describe them (methods/crm-documentgenerator.ts, methods/disk.ts, methods/crm-timeline.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { startInstalled, type Installed } from './test-support/setup.js';

const docx = Buffer.from('PK\u0003\u0004 a docx').toString('base64');

describe('emulator document generator and Disk', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('uploads a document to a deal and lists it by number; refuses missing fields and a wrong deal', async () => {
    t = await startInstalled();
    const deal = Number(t.em.createDeal({ TITLE: 'Deal' }).ID);
    const fields = { entityTypeId: 2, entityId: deal, fileContent: docx, region: 'ru', title: 'Анкета', number: 'P-1' };
    const up = await t.call('crm.documentgenerator.document.upload', { fields });
    expect(up.status).toBe(200);
    expect(up.body.result).toMatchObject({ document: { title: 'Анкета', number: 'P-1', entityTypeId: '2', entityId: String(deal) } });
    const list = await t.call('crm.documentgenerator.document.list', { filter: { entityTypeId: 2, entityId: deal, number: 'P-1' } });
    expect((list.body.result as { documents: unknown[] }).documents).toHaveLength(1);
    expect((await t.call('crm.documentgenerator.document.list', { filter: { number: 'P-2' } })).body.result).toEqual({ documents: [] });
    expect((await t.call('crm.documentgenerator.document.upload', {})).body).toMatchObject({ error: '100' });
    const { region: _r, title: _t, ...partial } = fields;
    expect((await t.call('crm.documentgenerator.document.upload', { fields: partial })).body).toEqual({
      error: '0',
      error_description: 'Empty required fields: region, title',
    });
    expect((await t.call('crm.documentgenerator.document.upload', { fields: { ...fields, entityId: 999 } })).body).toMatchObject({
      error: '0',
      error_description: 'Wrong "entityId" field value',
    });
  });

  it('answers as a portal without the module, and refuses a user without the permission', async () => {
    t = await startInstalled();
    const deal = Number(t.em.createDeal({ TITLE: 'Deal' }).ID);
    const fields = { entityTypeId: 2, entityId: deal, fileContent: docx, region: 'es', title: 'Contrato', number: 'P-1' };
    t.em.state.portal.plan = { documentGenerator: false };
    expect((await t.call('crm.documentgenerator.document.upload', { fields })).body).toEqual({
      error: '',
      error_description: 'Module documentgenerator is not installed',
    });
    t.em.state.portal.plan = {};
    const user = t.em.addUser();
    user.documentsEdit = false;
    const r = await t.call('crm.documentgenerator.document.upload', { fields }, t.em.issueUserToken(user.id).accessToken);
    expect(r.body).toMatchObject({ error: '', error_description: 'You do not have permissions to view documents' });
    expect(t.em.state.generatedDocuments ?? []).toHaveLength(0);
  });

  it('gives the app its storage once, lists a folder’s files by name, and lists a deal’s comments newest first', async () => {
    t = await startInstalled({}, { withUi: false });
    const s1 = (await t.call('disk.storage.getforapp')).body.result as { ID: string; ROOT_OBJECT_ID: string };
    const s2 = (await t.call('disk.storage.getforapp')).body.result as { ID: string; ROOT_OBJECT_ID: string };
    expect(s2).toEqual(s1);
    const up = await t.call('disk.folder.uploadfile', { id: s1.ROOT_OBJECT_ID, data: { NAME: 'a.docx' }, fileContent: ['a.docx', docx] });
    expect(up.body.result).toMatchObject({ NAME: 'a.docx', STORAGE_ID: s1.ID, PARENT_ID: s1.ROOT_OBJECT_ID });
    const kids = await t.call('disk.folder.getchildren', { id: s1.ROOT_OBJECT_ID, filter: { NAME: 'a.docx' } });
    expect((kids.body.result as unknown[]).length).toBe(1);
    expect((await t.call('disk.folder.getchildren', { id: s1.ROOT_OBJECT_ID, filter: { NAME: 'b.docx' } })).body.result).toEqual([]);
    const deal = Number(t.em.createDeal({ TITLE: 'Deal' }).ID);
    for (const c of ['one', 'two'])
      await t.call('crm.timeline.comment.add', { fields: { ENTITY_ID: deal, ENTITY_TYPE: 'deal', COMMENT: c } });
    const list = await t.call('crm.timeline.comment.list', { filter: { ENTITY_ID: deal, ENTITY_TYPE: 'deal' }, order: { ID: 'DESC' } });
    expect((list.body.result as { COMMENT: string }[]).map((c) => c.COMMENT)).toEqual(['two', 'one']);
    expect((await t.call('crm.timeline.comment.list', { filter: {} })).body).toMatchObject({ error: 'INVALID_ARG_VALUE' }); // UNVERIFIED(b24): the page documents no answer to a filter without its owner;
  });
});
