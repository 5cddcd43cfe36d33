// crm.company.get/add/list as documented (api-reference/crm/companies/): the legacy UPPER_CASE form with
// PHONE/EMAIL, a deal's COMPANY_ID, and the documented 400 errors with an empty code.
import { afterEach, describe, expect, it } from 'vitest';
import { startInstalled, type Installed } from './test-support/setup.js';

describe('emulator companies', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('adds a company, reads it back, lists it by a filter, and a deal carries its COMPANY_ID', async () => {
    t = await startInstalled();
    const add = await t.call('crm.company.add', {
      fields: {
        TITLE: 'Transportes del Bajío SA de CV',
        COMPANY_TYPE: 'CUSTOMER',
        UF_CRM_RFC: 'TBA0101019X1',
        PHONE: [{ VALUE: '+524421234567', VALUE_TYPE: 'WORK' }],
      },
    });
    expect(add.status).toBe(200);
    const id = Number(add.body.result);
    const got = (await t.call('crm.company.get', { id })).body.result as Record<string, unknown>;
    expect(got).toMatchObject({
      ID: String(id),
      TITLE: 'Transportes del Bajío SA de CV',
      COMPANY_TYPE: 'CUSTOMER',
      HAS_PHONE: 'Y',
      UF_CRM_RFC: 'TBA0101019X1',
      PHONE: [{ VALUE: '+524421234567', VALUE_TYPE: 'WORK', TYPE_ID: 'PHONE' }],
    });
    const list = await t.call('crm.company.list', { filter: { '%TITLE': 'Bajío' }, select: ['ID', 'TITLE'] });
    expect(list.body).toMatchObject({ result: [{ ID: String(id), TITLE: 'Transportes del Bajío SA de CV' }], total: 1 });
    const deal = Number((await t.call('crm.deal.add', { fields: { TITLE: 'Crédito PyME', COMPANY_ID: id } })).body.result);
    expect(((await t.call('crm.deal.get', { id: deal })).body.result as Record<string, unknown>).COMPANY_ID).toBe(String(id));
  });

  it('answers the documented errors: Not found, Access denied, fields not an array', async () => {
    t = await startInstalled();
    const id = Number((await t.call('crm.company.add', { fields: { TITLE: 'Ferretería Luna' } })).body.result);
    const missing = await t.call('crm.company.get', { id: 99_999 });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: '', error_description: 'Not found' });
    expect((await t.call('crm.company.add', { fields: 'x' })).body).toEqual({
      error: '',
      error_description: "Parameter 'fields' must be array.",
    });
    t.em.state.users.push({ ...t.em.state.users[0]!, id: 7, admin: false, role: 'collector', companyRead: 'none' });
    const token = t.em.issueUserToken(7).accessToken;
    const denied = await t.call('crm.company.get', { id }, token);
    expect(denied.status).toBe(400);
    expect(denied.body).toEqual({ error: '', error_description: 'Access denied' });
    expect((await t.call('crm.company.list', {}, token)).body).toEqual({ error: '', error_description: 'Access denied' });
    expect((await t.call('crm.company.get', { id })).status).toBe(200);
  });
});
