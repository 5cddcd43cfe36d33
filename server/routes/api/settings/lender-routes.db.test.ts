import { describe, expect, it } from 'vitest';
import { useRouteApp } from '../../../../test/support/route-app.js';
import { COMPANY_NAME_MAX, getLenderProfile } from '../../../settings/lender-profile.js';

// The lender's profile API through the whole app: portal administrators only, the name's limits
// refused with 400 VALIDATION (the stable code the app page shows beside the field), a refusal
// changes nothing, and each portal sees only its own name.
const ctx = useRouteApp(['pa', 'pb']);
const auth = ctx.settingsAuth;

const put = (headers: Record<string, string>, payload: Record<string, unknown>) =>
  ctx.app.inject({ method: 'PUT', url: '/api/v1/settings/lender', headers, payload });
const get = (headers: Record<string, string>) => ctx.app.inject({ method: 'GET', url: '/api/v1/settings/lender', headers });

describe('lender profile API', () => {
  it('lets an administrator save the company name and read it back, per portal', async () => {
    expect((await get(auth('pa', true))).json()).toEqual({ companyName: '' });
    const saved = await put(auth('pa', true), { companyName: '  Financiera Ñandú SA de CV ' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ companyName: 'Financiera Ñandú SA de CV' });
    expect((await get(auth('pa', true))).json()).toEqual({ companyName: 'Financiera Ñandú SA de CV' });
    expect((await get(auth('pb', true))).json()).toEqual({ companyName: '' });
  });

  it('needs a session (401) of a portal administrator (403) to read or write', async () => {
    expect((await get({})).statusCode).toBe(401);
    expect((await put({}, { companyName: 'X' })).statusCode).toBe(401);
    const read = await get(auth('pa', false));
    expect(read.statusCode).toBe(403);
    expect(read.json().companyName).toBeUndefined();
    expect((await put(auth('pa', false), { companyName: 'Intruso' })).statusCode).toBe(403);
    expect((await getLenderProfile(ctx.db.kysely, 'pa'))?.companyName).toBe('Financiera Ñandú SA de CV');
  });

  it(`refuses a name over ${COMPANY_NAME_MAX} characters and one with NUL: 400 VALIDATION, nothing changed`, async () => {
    const before = await getLenderProfile(ctx.db.kysely, 'pa');
    const longest = 'Ж'.repeat(COMPANY_NAME_MAX);
    for (const companyName of [`${longest}a`, 'Presta\u0000Ya', 42]) {
      const r = await put(auth('pa', true), { companyName });
      expect(r.statusCode, JSON.stringify(companyName)).toBe(400);
      expect(r.json().error).toBe('VALIDATION');
    }
    expect(await getLenderProfile(ctx.db.kysely, 'pa')).toEqual(before);
    // Blank: reminder SMS and call scripts need the name, so it is refused by its field, in the user's language.
    for (const companyName of ['', '   ', '\t ']) {
      const r = await put({ ...auth('pa', true), 'accept-language': 'es-MX' }, { companyName });
      expect(r.statusCode, JSON.stringify(companyName)).toBe(400);
      expect(r.json()).toMatchObject({ error: 'VALIDATION', details: { field: 'companyName', reason: 'blank' } });
      expect(r.json().message).toContain('Escriba el nombre de la empresa');
    }
    expect(await getLenderProfile(ctx.db.kysely, 'pa')).toEqual(before);
    // Exactly the limit is accepted (characters, not bytes: Cyrillic is two bytes in UTF-8).
    expect((await put(auth('pa', true), { companyName: longest })).json()).toEqual({ companyName: longest });
  });
});
