import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, insertTestPortal } from '../../../test/support/test-db.js';
import type { Db } from '../../db/database.js';
import { isAppError } from '../../errors.js';
import { createSecretBox } from '../../security/crypto.js';
import type { CatalogField } from '../catalog/catalog-field.js';
import { openApplication, publishDraft, saveDraft, type DocumentApplication } from '../catalog/catalog-repo.js';
import { createBank, listBanks, updateBank } from './banks-repo.js';
import { resolveValues, setValues, valueHistory } from './values-repo.js';

// Application values on SQLite and PostgreSQL: base values and per-bank overrides, sensitive ones only
// as ciphertext bound to their row (history too), every change recorded, a wrong type or a value
// outside the catalog's limits stores nothing.
let db: Db;
const box = createSecretBox(Buffer.alloc(32, 3).toString('base64'));
const P = 'portal-values';
const OTHER = 'portal-values-other';
const by = { userId: 7, nowIso: '2026-12-04T12:00:00.000Z', lang: 'es' as const };
const labels = (en: string) => ({ en, ru: `${en} (ru)`, es: `${en} (es)` });
const catalog: CatalogField[] = [
  { code: 'borrower.full_name', label: labels('Full name'), type: 'person', section: 'borrower' },
  { code: 'borrower.passport', label: labels('Passport'), type: 'document_number', section: 'borrower' },
  { code: 'loan.amount', label: labels('Amount'), type: 'money', section: 'loan' },
  { code: 'loan.term', label: labels('Term'), type: 'number', section: 'loan', validation: { min: '1', max: '360' } },
  { code: 'scan.passport', label: labels('Passport scan'), type: 'file', section: 'scans' },
  {
    code: 'coborrowers',
    label: labels('Co-borrowers'),
    type: 'list',
    section: 'coborrowers',
    item: [
      { code: 'name', label: labels('Name'), type: 'person', section: '' },
      { code: 'income', label: labels('Income'), type: 'money', section: '', validation: { min: '0' } },
    ],
  },
];
const bankInput = (name: string) => ({
  name,
  emails: ['Credit@Bank-A.example'],
  replySenders: ['@bank-a.example'],
  phones: ['+52 55 1234 5678'],
  requiredFields: ['loan.amount', 'borrower.passport'],
});
let app: DocumentApplication;
let bankA: string;
let bankB: string;

const set = (bankId: string | null, values: Record<string, unknown>, lang: 'es' | 'ru' | 'en' = 'es') =>
  db.kysely.transaction().execute((trx) => setValues(trx, box, P, app, bankId, values, { ...by, lang }));
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
};

beforeAll(async () => {
  db = await createTestDb();
  await insertTestPortal(db, P);
  await insertTestPortal(db, OTHER);
  await saveDraft(db.kysely, P, catalog, by);
  await db.kysely.transaction().execute((trx) => publishDraft(trx, P, by));
  app = await db.kysely.transaction().execute((trx) => openApplication(trx, P, 501, by));
  bankA = (await createBank(db.kysely, box, P, bankInput('Banco A'), by)).id;
  bankB = (await createBank(db.kysely, box, P, bankInput('Banco B'), by)).id;
});
afterAll(async () => {
  await db?.close();
});

describe('banks directory', () => {
  it('keeps contacts, reply senders and required fields per portal, names unique in the admin language', async () => {
    const banks = await listBanks(db.kysely, box, P);
    expect(banks.map((b) => b.name)).toEqual(['Banco A', 'Banco B']);
    expect(banks[0]).toMatchObject({
      emails: ['credit@bank-a.example'],
      replySenders: ['@bank-a.example'],
      phones: ['+52 55 1234 5678'],
      requiredFields: ['loan.amount', 'borrower.passport'],
    });
    expect(await listBanks(db.kysely, box, OTHER)).toEqual([]);
    const taken = await refusal(updateBank(db.kysely, box, P, bankB, bankInput('Banco A'), { ...by, lang: 'ru' }));
    expect(taken.code).toBe('DOCUMENT_BANK_NAME_TAKEN');
    expect(taken.userMessage).toBe('Банк «Banco A» уже есть. Выберите другое название.');
    const other = await refusal(updateBank(db.kysely, box, OTHER, bankA, bankInput('X'), by));
    expect(other.code).toBe('NOT_FOUND');
  });

  it("keeps a bank's deal currencies: a save without them leaves them, null clears them; the values view carries them", async () => {
    const c = await createBank(db.kysely, box, P, { ...bankInput('Banco C'), dealCurrencies: ['MXN', 'MXN'] }, by);
    expect(c.dealCurrencies).toEqual(['MXN']);
    // The app page's edit does not send them (widgets/settings/doc-banks-form.ts): they stay.
    expect((await updateBank(db.kysely, box, P, c.id, bankInput('Banco C'), by)).dealCurrencies).toEqual(['MXN']);
    const seen = await resolveValues(db.kysely, box, P, app);
    expect(seen.banks.find((b) => b.bankId === c.id)?.dealCurrencies).toEqual(['MXN']);
    expect(seen.banks.find((b) => b.bankId === bankA)).not.toHaveProperty('dealCurrencies');
    const cleared = await updateBank(db.kysely, box, P, c.id, { ...bankInput('Banco C'), dealCurrencies: null }, by);
    expect(cleared).not.toHaveProperty('dealCurrencies');
    await db.kysely.deleteFrom('document_banks').where('portal_id', '=', P).where('id', '=', c.id).execute();
  });
});

describe('application values', () => {
  it('stores sensitive values only as ciphertext bound to their row, and resolves base and overrides per bank', async () => {
    await set(null, {
      'borrower.full_name': 'Juan Pérez López',
      'borrower.passport': 'G12345678',
      'loan.amount': { amount: '150000.00', currency: 'MXN' },
      'loan.term': 12,
    });
    await set(bankB, { 'loan.term': 18 });

    const rows = await db.kysely.selectFrom('document_values').selectAll().where('portal_id', '=', P).execute();
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain('G12345678');
    expect(raw).not.toContain('Pérez');
    expect(rows.find((r) => r.code === 'loan.term' && r.bank_id === '')).toMatchObject({ value: '12', encrypted: 0 });
    expect(rows.find((r) => r.code === 'borrower.passport')).toMatchObject({ encrypted: 1 });

    const view = await resolveValues(db.kysely, box, P, app);
    expect(view.base).toMatchObject({ 'borrower.passport': 'G12345678', 'loan.term': 12 });
    const a = view.banks.find((b) => b.bankId === bankA)!;
    const b = view.banks.find((x) => x.bankId === bankB)!;
    expect(a.values.find((v) => v.code === 'loan.term')).toEqual({ code: 'loan.term', value: 12, source: 'base' });
    expect(b.values.find((v) => v.code === 'loan.term')).toEqual({ code: 'loan.term', value: 18, source: 'override' });
    expect(b.values.find((v) => v.code === 'borrower.passport')).toMatchObject({ value: 'G12345678', source: 'base' });

    // Reset to base: the override goes, the bank sees the base value again.
    await set(bankB, { 'loan.term': null });
    const reset = await resolveValues(db.kysely, box, P, app);
    expect(reset.banks.find((x) => x.bankId === bankB)!.values.find((v) => v.code === 'loan.term')).toMatchObject({
      value: 12,
      source: 'base',
    });
  });

  it('a ciphertext copied to another row does not open (aad binds it to portal, application, bank and code): shown as unreadable', async () => {
    const passport = await db.kysely
      .selectFrom('document_values')
      .select('value')
      .where('portal_id', '=', P)
      .where('code', '=', 'borrower.passport')
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('document_values')
      .values({
        portal_id: P,
        application_id: app.id,
        bank_id: bankA,
        code: 'borrower.full_name',
        value: passport.value,
        encrypted: 1,
        updated_at: by.nowIso,
        updated_by: 7,
      })
      .execute();
    const view = await resolveValues(db.kysely, box, P, app);
    expect(view.unreadable).toEqual([{ bankId: bankA, code: 'borrower.full_name' }]);
    expect(view.banks.find((b) => b.bankId === bankA)!.values.find((v) => v.code === 'borrower.full_name')).toEqual({
      code: 'borrower.full_name',
      value: null,
      unreadable: true,
      source: 'override',
    });
    await db.kysely
      .deleteFrom('document_values')
      .where('portal_id', '=', P)
      .where('bank_id', '=', bankA)
      .where('code', '=', 'borrower.full_name')
      .execute();
  });

  it('records who changed what, old → new, sensitive sides encrypted', async () => {
    await set(null, { 'borrower.passport': 'G87654321' });
    await set(null, { 'borrower.passport': 'G87654321' }); // unchanged: no history row
    const history = await valueHistory(db.kysely, box, P, app.id);
    const passport = history.filter((h) => h.code === 'borrower.passport');
    expect(passport).toEqual([
      { bankId: null, code: 'borrower.passport', old: null, new: 'G12345678', changedAt: by.nowIso, changedBy: 7 },
      { bankId: null, code: 'borrower.passport', old: 'G12345678', new: 'G87654321', changedAt: by.nowIso, changedBy: 7 },
    ]);
    expect(history.filter((h) => h.code === 'loan.term').map((h) => [h.bankId, h.old, h.new])).toEqual([
      [null, null, 12],
      [bankB, null, 18],
      [bankB, 18, null],
    ]);
    const raw = JSON.stringify(await db.kysely.selectFrom('document_value_history').selectAll().where('portal_id', '=', P).execute());
    expect(raw).not.toContain('G87654321');
    expect(raw).not.toContain('G12345678');
  });

  it('refuses a wrong type, a value outside its limits, an unknown field or a scan in the user language and stores nothing', async () => {
    const before = JSON.stringify(await resolveValues(db.kysely, box, P, app));
    const historyBefore = (await valueHistory(db.kysely, box, P, app.id)).length;
    const money = await refusal(set(null, { 'loan.term': 24, 'loan.amount': '150000' }, 'ru'));
    expect(money.code).toBe('DOCUMENT_VALUE_TYPE');
    expect(money.userMessage).toBe('Поле «Amount (ru)» должно быть: сумма, например 150 000,00.');
    const unknown = await refusal(set(bankA, { 'borrower.pasport': 'X' }));
    expect(unknown.code).toBe('DOCUMENT_FIELD_UNKNOWN');
    expect(unknown.userMessage).toBe('El campo borrower.pasport no está en la versión 1 del catálogo que usa esta solicitud.');
    expect((await refusal(set(null, { 'scan.passport': 'x' }))).code).toBe('DOCUMENT_FIELD_UNKNOWN');
    const limit = await refusal(set(bankA, { 'borrower.passport': 'X1', 'loan.term': 361 }, 'en'));
    expect(limit.userMessage).toBe('The field “Term” must be at most 360.');
    expect((await refusal(set('no-such-bank', { 'loan.term': 3 }))).code).toBe('NOT_FOUND');
    expect(JSON.stringify(await resolveValues(db.kysely, box, P, app))).toBe(before);
    expect(await valueHistory(db.kysely, box, P, app.id)).toHaveLength(historyBefore);
  });

  it('a list is one value: rows sealed when an item field is sensitive, a bank overrides it whole, a bad cell named by row', async () => {
    const rows = [
      { name: 'Laura Méndez Ortiz', income: { amount: '15000.50', currency: 'MXN' } },
      { name: 'Raúl Gómez Ruiz', income: { amount: '12000.00', currency: 'MXN' } },
    ];
    await set(null, { coborrowers: rows });
    await set(bankB, { coborrowers: rows.slice(0, 1) });
    const view = await resolveValues(db.kysely, box, P, app);
    expect(view.base.coborrowers).toEqual(rows);
    const list = (bankId: string) => view.banks.find((b) => b.bankId === bankId)!.values.find((v) => v.code === 'coborrowers');
    expect(list(bankA)).toEqual({ code: 'coborrowers', value: rows, source: 'base' });
    expect(list(bankB)).toEqual({ code: 'coborrowers', value: rows.slice(0, 1), source: 'override' });
    const stored = await db.kysely
      .selectFrom('document_values')
      .selectAll()
      .where('portal_id', '=', P)
      .where('code', '=', 'coborrowers')
      .execute();
    expect(stored.map((r) => Number(r.encrypted))).toEqual([1, 1]);
    expect(JSON.stringify(stored)).not.toContain('Laura');

    const before = JSON.stringify(await resolveValues(db.kysely, box, P, app));
    const wrong = await refusal(set(null, { coborrowers: [rows[0], { name: 'X', income: '12000' }] }));
    expect(wrong.code).toBe('DOCUMENT_VALUE_TYPE');
    expect(wrong.userMessage).toBe('El campo «Co-borrowers (es)», fila 2, «Income (es)» debe ser: un importe, p. ej. 150,000.00.');
    const negative = await refusal(set(null, { coborrowers: [{ name: 'X', income: { amount: '-1.00', currency: 'MXN' } }] }, 'ru'));
    expect(negative.code).toBe('DOCUMENT_VALUE_LIMIT');
    expect(negative.userMessage).toContain('«Co-borrowers (ru)», строка 1, «Income (ru)»');
    expect(JSON.stringify(await resolveValues(db.kysely, box, P, app))).toBe(before);
  });

  it('another portal sees none of it', async () => {
    expect(await valueHistory(db.kysely, box, OTHER, app.id)).toEqual([]);
    const foreign = await resolveValues(db.kysely, box, OTHER, app);
    expect(foreign).toEqual({ catalogVersion: 1, base: {}, banks: [] });
  });
});
