import { describe, expect, it } from 'vitest';
import { ApiError, type ProductsApi } from './api.js';
import { createSettingsModel } from './model.js';
import type { Product } from './product.js';
import { compareDecimal, readNumber, validateDraft } from './validate.js';
import { newDraft } from './product.js';

const base: Product = {
  id: 'p1',
  name: 'Consumer',
  method: 'annuity',
  rateUnit: 'annual',
  rateMin: '10',
  rateMax: '20',
  termMin: 3,
  termMax: 12,
  amountMin: null,
  amountMax: null,
  currency: null,
  fees: [],
  dayCount: 'actual/365',
  profile: null,
  active: true,
};

function fakeApi(o: { admin: boolean; products?: Product[]; refuse?: ApiError }): ProductsApi & { puts: Product[] } {
  const puts: Product[] = [];
  return {
    puts,
    async list(includeInactive) {
      if (includeInactive && !o.admin) throw new ApiError(403, 'FORBIDDEN', 'admin only');
      return (o.products ?? []).filter((p) => includeInactive || p.active);
    },
    async put(p) {
      if (o.refuse) throw o.refuse;
      puts.push(p);
      return p;
    },
  };
}

describe('validateDraft', () => {
  it('accepts comma decimals and spaces, and returns the API shape', () => {
    const d = { ...newDraft('mfo'), name: ' MFO ', rateMin: '0,5', rateMax: '0,8', termMax: '30', amountMin: '1 000', currency: 'rub' };
    d.fees = [{ name: 'Issue', kind: 'percent', value: '1,5', at: 'disbursement', withheld: true }];
    const r = validateDraft(d);
    expect(r.errors).toEqual({});
    expect(r.product).toMatchObject({
      name: 'MFO',
      rateMin: '0.5',
      rateMax: '0.8',
      termMin: 1,
      termMax: 30,
      amountMin: '1000',
      currency: 'RUB',
    });
    expect(r.product?.fees).toEqual([{ name: 'Issue', percent: '1.5', at: 'disbursement', withheld: true }]);
  });

  it('names every problem by field, as the server would refuse it', () => {
    const d = { ...newDraft('bad id'), rateMin: '30', rateMax: '20', termMin: '13', termMax: '0', amountMin: '5.12345', currency: 'RU' };
    d.fees = [{ name: '', kind: 'amount', value: 'x', at: 'installment', withheld: true }];
    expect(validateDraft(d, ['other']).errors).toEqual({
      id: 'ID_FORMAT',
      name: 'REQUIRED',
      rateMin: 'MIN_ABOVE_MAX',
      termMax: 'TERM_FORMAT',
      amountMin: 'AMOUNT_FORMAT',
      currency: 'CURRENCY_FORMAT',
      'fees.0.name': 'REQUIRED',
      'fees.0.value': 'AMOUNT_FORMAT',
      'fees.0.withheld': 'WITHHELD_AT_DISBURSEMENT',
    });
    expect(validateDraft({ ...newDraft('taken'), name: 'x', rateMin: '1', rateMax: '1' }, ['taken']).errors).toEqual({ id: 'ID_TAKEN' });
  });

  it('compares decimals exactly, beyond float precision', () => {
    expect(compareDecimal('999999999999999.9999', '999999999999999.9998')).toBe(1);
    expect(compareDecimal('010.50', '10.5')).toBe(0);
    expect(compareDecimal('9', '10')).toBe(-1);
  });
});

describe('numbers typed in the admin locale', () => {
  it('es-MX "3,000"–"50,000" is three to fifty thousand pesos, never 3–50', () => {
    const d = { ...newDraft('mx'), name: 'MX', rateMin: '12.5', rateMax: '90', amountMin: '3,000', amountMax: '50,000', currency: 'MXN' };
    expect(validateDraft(d, [], 'es').product).toMatchObject({ amountMin: '3000', amountMax: '50000', rateMin: '12.5' });
  });

  it('ru "1 000,50" with a no-break space and "0,8" %; an ambiguous "1.000" is refused by name', () => {
    expect(readNumber('1\u00a0000,50', 'ru', 'amount', 'RUB')).toEqual({ value: '1000.5' });
    expect(readNumber('0,8', 'ru', 'percent')).toEqual({ value: '0.8' });
    expect(readNumber('1.000', 'ru', 'amount')).toEqual({ error: 'AMBIGUOUS_SEPARATOR' });
    expect(readNumber('1.000', 'es', 'amount', 'MXN')).toEqual({ error: 'AMBIGUOUS_SEPARATOR' });
    expect(readNumber('1,00,000', 'es', 'amount')).toEqual({ error: 'BAD_GROUPING' });
    expect(readNumber('1.234', 'es', 'amount', 'KWD')).toEqual({ value: '1.234' });
  });

  it('an edited product shows its decimals the way the admin types them', async () => {
    const api = fakeApi({ admin: true, products: [{ ...base, rateMin: '12.5', amountMin: '1000.50' }] });
    const m = createSettingsModel({ api, newId: () => 'x' });
    m.setLocale('ru');
    await m.load();
    m.edit(base.id);
    expect([m.draft.value?.rateMin, m.draft.value?.amountMin]).toEqual(['12,5', '1000,50']);
    expect(await m.save()).toBe(true);
    expect(api.puts[0]).toMatchObject({ rateMin: '12.5', amountMin: '1000.5' });
  });
});

describe('settings model', () => {
  it('an admin sees inactive products and saves a new one; errors show only for touched fields until Save', async () => {
    const api = fakeApi({ admin: true, products: [{ ...base, active: false }] });
    const m = createSettingsModel({ api, newId: () => 'new-1' });
    await m.load();
    expect(m.canEdit.value).toBe(true);
    expect(m.products.value).toHaveLength(1);
    m.startNew();
    m.update({ rateMin: 'abc' });
    expect(m.errors.value).toEqual({ rateMin: 'PERCENT_FORMAT' });
    expect(await m.save()).toBe(false);
    expect(m.errors.value).toMatchObject({ name: 'REQUIRED', rateMax: 'REQUIRED' });
    expect(api.puts).toHaveLength(0);
    m.update({ name: 'New', rateMin: '5', rateMax: '9' });
    expect(await m.save()).toBe(true);
    expect(api.puts[0]).toMatchObject({ id: 'new-1', name: 'New' });
    expect(m.draft.value).toBeNull();
    expect(m.products.value.map((p) => p.id)).toEqual(['p1', 'new-1']);
  });

  it('a non-admin gets the active list read-only and cannot open the form', async () => {
    const m = createSettingsModel({
      api: fakeApi({ admin: false, products: [base, { ...base, id: 'off', active: false }] }),
      newId: () => 'x',
    });
    await m.load();
    expect(m.canEdit.value).toBe(false);
    expect(m.products.value.map((p) => p.id)).toEqual(['p1']);
    m.startNew();
    m.edit('p1');
    expect(m.draft.value).toBeNull();
  });

  it('a server refusal lands on the field it names', async () => {
    const refuse = new ApiError(422, 'PRODUCT_INVALID', 'Unknown day count', { field: 'dayCount' });
    const m = createSettingsModel({ api: fakeApi({ admin: true, products: [base], refuse }), newId: () => 'x' });
    await m.load();
    m.edit('p1');
    expect(await m.save()).toBe(false);
    expect(m.errors.value).toEqual({ dayCount: 'SERVER' });
    expect(m.problem.value?.key).toBe('err.SERVER');
    m.update({ dayCount: '30/360' });
    expect(m.errors.value).toEqual({});
  });
});

describe('settings model: an expired session', () => {
  const expired = new ApiError(401, 'SESSION_INVALID', 'Your session has expired.');

  it('in the portal (the client already tried to renew) it says to reopen the app; the form stays open', async () => {
    const m = createSettingsModel({ api: fakeApi({ admin: true, products: [base], refuse: expired }), newId: () => 'x' });
    await m.load();
    m.edit('p1');
    m.update({ name: 'Consumer plus' });
    expect(await m.save()).toBe(false);
    expect(m.problem.value?.key).toBe('err.SESSION');
    expect(m.signInUrl).toBeNull();
    expect(m.draft.value?.name).toBe('Consumer plus');
  });

  it('outside the portal it asks to sign in again in another tab, keeps the changes, and Save then goes through', async () => {
    const server: { admin: boolean; products: Product[]; refuse?: ApiError } = { admin: true, products: [base], refuse: expired };
    const api = fakeApi(server);
    const m = createSettingsModel({ api, newId: () => 'x', signInUrl: 'https://app.test/admin/products?lang=en' });
    await m.load();
    m.edit('p1');
    m.update({ name: 'Consumer plus' });
    expect(await m.save()).toBe(false);
    expect(m.problem.value?.key).toBe('err.SIGNED_OUT');
    expect(m.signInUrl).toBe('https://app.test/admin/products?lang=en');
    expect(m.draft.value?.name).toBe('Consumer plus');
    // Signed in again in the other tab: the browser now sends the new cookie.
    delete server.refuse;
    expect(await m.save()).toBe(true);
    expect(api.puts.map((p) => p.name)).toEqual(['Consumer plus']);
    expect(m.problem.value).toBeNull();
  });
});
