import { afterEach, describe, expect, it } from 'vitest';
import { startInstalled, type Installed } from './test-support/setup.js';

// crm.category.add / crm.status.add for deals, as their doc pages say (crm-category-add.md,
// crm-status-add.md): a new pipeline with its first stages, prefixed stage codes, documented errors.
describe('emulator: deal pipelines and stages written', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('crm.category.add makes a deal pipeline with stages; crm.status.add adds C<id>: stages, listed by crm.status.list', async () => {
    t = await startInstalled();
    const add = await t.call('crm.category.add', { entityTypeId: 2, fields: { name: 'Préstamos', sort: -5 } });
    expect(add.status).toBe(200);
    const cat = (add.body.result as { category: { id: number; sort: number; isDefault: string } }).category;
    expect(cat).toMatchObject({ name: 'Préstamos', sort: 0, entityTypeId: 2, isDefault: 'N' });
    const list = await t.call('crm.category.list', { entityTypeId: 2 });
    expect((list.body.result as { categories: { id: number }[] }).categories.map((c) => c.id)).toContain(cat.id);

    const s = await t.call('crm.status.add', {
      fields: { ENTITY_ID: `DEAL_STAGE_${cat.id}`, STATUS_ID: 'ISSUED', NAME: 'Desembolsado', SORT: 25, COLOR: '#FFD200' },
    });
    expect(s.body.result).toEqual(expect.any(Number));
    // Given with its prefix it is not prefixed twice.
    const again = await t.call('crm.status.add', {
      fields: { ENTITY_ID: `DEAL_STAGE_${cat.id}`, STATUS_ID: `C${cat.id}:ISSUED`, NAME: 'x' },
    });
    expect(again.body).toMatchObject({ error: 'ERROR_CORE', error_description: 'The specified status ID already exists.' });
    const rows = (await t.call('crm.status.list', { filter: { ENTITY_ID: `DEAL_STAGE_${cat.id}` } })).body.result as Record<
      string,
      string
    >[];
    expect(rows.map((r) => r.STATUS_ID)).toEqual([
      `C${cat.id}:NEW`,
      `C${cat.id}:PREPARATION`,
      `C${cat.id}:ISSUED`,
      `C${cat.id}:EXECUTING`,
      `C${cat.id}:WON`,
      `C${cat.id}:LOSE`,
    ]);
    expect(rows.find((r) => r.STATUS_ID === `C${cat.id}:ISSUED`)).toMatchObject({ NAME: 'Desembolsado', SORT: '25', SEMANTICS: null });
  });

  it('refuses what the docs list: no name, contacts, a missing pipeline, an in-progress stage after success, a non-admin', async () => {
    t = await startInstalled();
    expect((await t.call('crm.category.add', { entityTypeId: 2, fields: { name: '  ' } })).body).toMatchObject({
      error: '0',
      error_description: "Field 'NAME' is required",
    });
    expect((await t.call('crm.category.add', { entityTypeId: 3, fields: { name: 'x' } })).body).toMatchObject({
      error: 'ENTITY_TYPE_NOT_SUPPORTED',
    });
    expect((await t.call('crm.category.add', { entityTypeId: 999, fields: { name: 'x' } })).body).toMatchObject({ error: 'NOT_FOUND' });
    const st = (fields: Record<string, unknown>) => t!.call('crm.status.add', { fields });
    expect((await st({ STATUS_ID: 'X', NAME: 'x' })).body).toMatchObject({ error_description: 'The field ENTITY_ID is required.' });
    expect((await st({ ENTITY_ID: 'DEAL_STAGE_77', STATUS_ID: 'X', NAME: 'x' })).body).toMatchObject({
      error_description: 'Specified entity type is not supported.',
    });
    expect((await st({ ENTITY_ID: 'DEAL_STAGE', NAME: 'x' })).body).toMatchObject({
      error_description: 'The field STATUS_ID is required.',
    });
    expect((await st({ ENTITY_ID: 'DEAL_STAGE', STATUS_ID: 'LATE', NAME: 'x', SORT: 999 })).status).toBe(400);
    const user = t.em.issueUserToken(t.em.addUser().id).accessToken;
    expect((await t.call('crm.category.add', { entityTypeId: 2, fields: { name: 'x' } }, user)).body).toMatchObject({
      error: 'ACCESS_DENIED',
    });
    expect((await t.call('crm.status.add', { fields: { ENTITY_ID: 'DEAL_STAGE', STATUS_ID: 'X', NAME: 'x' } }, user)).body).toMatchObject({
      error_description: 'Access denied.',
    });
  });
});

describe('emulator: deal pipelines and stages changed and removed', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('crm.category.get/delete and crm.status.update/delete as their pages say', async () => {
    t = await startInstalled();
    const cat = (
      (await t.call('crm.category.add', { entityTypeId: 2, fields: { name: 'Préstamos' } })).body.result as { category: { id: number } }
    ).category.id;
    expect((await t.call('crm.category.get', { entityTypeId: 2, id: cat })).body.result).toMatchObject({
      category: { id: cat, name: 'Préstamos', isDefault: 'N' },
    });
    expect((await t.call('crm.category.get', { entityTypeId: 2, id: 999 })).body).toMatchObject({
      error: 'NOT_FOUND',
      error_description: 'Element not found',
    });
    const rows = async () =>
      (await t!.call('crm.status.list', { filter: { ENTITY_ID: `DEAL_STAGE_${cat}` } })).body.result as Record<string, string>[];
    const won = (await rows()).find((r) => r.STATUS_ID === `C${cat}:WON`)!;
    expect(
      (await t.call('crm.status.update', { id: Number(won.ID), fields: { NAME: 'Pagado', SORT: 900, COLOR: '#00FF00' } })).body.result,
    ).toBe(true);
    expect((await rows()).find((r) => r.ID === won.ID)).toMatchObject({ NAME: 'Pagado', SORT: '900', COLOR: '#00FF00', SEMANTICS: 'S' });
    const first = (await rows())[0]!;
    // NEW is a system stage: removed only with FORCED=Y (crm-status-delete.md).
    expect((await t.call('crm.status.delete', { id: Number(first.ID) })).body).toMatchObject({
      error: '',
      error_description: 'CRM System Status can be deleted only if parameter FORCED is specified and equal to "Y".',
    });
    const prep = (await rows()).find((r) => r.STATUS_ID === `C${cat}:PREPARATION`)!;
    t.em.createDeal({ TITLE: 'x', CATEGORY_ID: cat, STAGE_ID: prep.STATUS_ID });
    expect((await t.call('crm.status.delete', { id: Number(prep.ID) })).body).toMatchObject({
      error_description: 'There are active items in this status.',
    });
    expect((await t.call('crm.status.delete', { id: Number(first.ID), params: { FORCED: 'Y' } })).body.result).toBe(true);
    expect((await t.call('crm.status.update', { id: 0, fields: { NAME: 'x' } })).body).toMatchObject({
      error_description: 'Invalid identifier.',
    });
    expect((await t.call('crm.status.update', { id: 99999, fields: { NAME: 'x' } })).body).toMatchObject({
      error_description: 'Status is not found.',
    });
    expect((await t.call('crm.category.delete', { entityTypeId: 2, id: cat })).body).toMatchObject({
      error: '0',
      error_description: 'Deals related to the funnel Préstamos found',
    });
    expect((await t.call('crm.category.delete', { entityTypeId: 2, id: 0 })).body).toMatchObject({
      error_description: 'Default deal category cannot be deleted',
    });
    const empty = (
      (await t.call('crm.category.add', { entityTypeId: 2, fields: { name: 'Vacía' } })).body.result as { category: { id: number } }
    ).category.id;
    expect((await t.call('crm.category.delete', { entityTypeId: 2, id: empty })).body.result).toBeNull();
    expect((await t.call('crm.status.list', { filter: { ENTITY_ID: `DEAL_STAGE_${empty}` } })).body.result).toEqual([]);
    const user = t.em.issueUserToken(t.em.addUser().id).accessToken;
    expect((await t.call('crm.status.update', { id: Number(won.ID), fields: { NAME: 'x' } }, user)).body).toMatchObject({
      error_description: 'Access denied.',
    });
  });
});
