import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../index.js';
import { startInstalled, type Installed } from '../test-support/setup.js';

describe('emulator userfieldconfig.* (smart-process user fields)', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('adds and lists fields of CRM_<type id>; crm.item.* keeps only the fields that exist for the type', async () => {
    t = await startInstalled();
    // Two types so that the type id and the entityTypeId differ in a way a mix-up would show.
    await t.call('crm.type.add', { fields: { title: 'Other' } });
    const added = await t.call('crm.type.add', { fields: { title: 'Schedule' } });
    const type = (added.body.result as { type: { id: number; entityTypeId: number } }).type;
    const entityId = `CRM_${type.id}`;

    const add = await t.call('userfieldconfig.add', {
      moduleId: 'crm',
      field: {
        entityId,
        fieldName: `UF_CRM_${type.id}_PRINCIPAL`,
        userTypeId: 'double',
        editFormLabel: { en: 'Principal', ru: 'Основной долг' },
      },
    });
    expect(add.status).toBe(200);
    expect(add.body.result).toMatchObject({
      field: { entityId, fieldName: `UF_CRM_${type.id}_PRINCIPAL`, userTypeId: 'double', editFormLabel: { ru: 'Основной долг' } },
    });

    // The documented errors: empty code, description says why.
    const dup = await t.call('userfieldconfig.add', {
      moduleId: 'crm',
      field: { entityId, fieldName: `UF_CRM_${type.id}_PRINCIPAL`, userTypeId: 'double' },
    });
    expect(dup.status).toBe(400);
    expect(dup.body).toMatchObject({ error: '', error_description: expect.stringMatching(/already exists/) });
    const wrongPrefix = await t.call('userfieldconfig.add', {
      moduleId: 'crm',
      field: { entityId, fieldName: `UF_CRM_${type.entityTypeId}_X`, userTypeId: 'string' },
    });
    expect(wrongPrefix.body).toMatchObject({ error: '', error_description: 'You cannot create custom fields' });
    const noType = await t.call('userfieldconfig.add', { moduleId: 'crm', field: { entityId, fieldName: `UF_CRM_${type.id}_Y` } });
    expect(noType.body.error_description).toMatch(/USER_TYPE_ID/);

    const list = await t.call('userfieldconfig.list', { moduleId: 'crm' });
    expect((list.body.result as { fields: { fieldName: string }[] }).fields.map((f) => f.fieldName)).toEqual([
      `UF_CRM_${type.id}_PRINCIPAL`,
    ]);

    const item = await t.call('crm.item.add', {
      entityTypeId: type.entityTypeId,
      fields: { title: '№1', ufCrmLoanPrincipal: '1', [`ufCrm${type.id}Principal`]: 12.5 },
    });
    const got = (item.body.result as { item: Record<string, unknown> }).item;
    expect(got[`ufCrm${type.id}Principal`]).toBe(12.5);
    expect(got).not.toHaveProperty('ufCrmLoanPrincipal');
    const orig = await t.call('crm.item.get', { entityTypeId: type.entityTypeId, id: got.id, useOriginalUfNames: 'Y' });
    expect((orig.body.result as { item: Record<string, unknown> }).item[`UF_CRM_${type.id}_PRINCIPAL`]).toBe(12.5);
  });

  it('needs the userfieldconfig scope', async () => {
    const em = await createEmulator({ clientId: 'local.uf.test', clientSecret: 'secret', rateLimit: false });
    try {
      const res = await em.installApp({ scope: ['crm'] });
      const r = await fetch(`${em.url}/rest/userfieldconfig.list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ moduleId: 'crm', auth: res.auth.accessToken }),
      });
      expect(((await r.json()) as { error?: string }).error).toBe('insufficient_scope');
    } finally {
      await em.close();
    }
  });
});
