import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, insertTestPortal } from '../../test/support/test-db.js';
import type { Db } from '../../server/db/database.js';
import { createSecretBox } from '../../server/security/crypto.js';
import { getBlob } from '../../server/documents/blobs-repo.js';
import { findApplicationByDeal } from '../../server/documents/catalog/catalog-repo.js';
import { toFillerFields } from '../../server/documents/catalog/catalog-field.js';
import { fillDocx } from '../../server/documents/docx/index.js';
import { templatesForPack } from '../../server/documents/templates/templates-repo.js';
import { listBanks } from '../../server/documents/values/banks-repo.js';
import { resolveValues } from '../../server/documents/values/values-repo.js';
import { valuesForDocument } from '../../server/documents/packs/pack-values.js';
import { loanValues, type SavedLoan } from '../../server/documents/packs/loan-figures.js';
import { DEMO_CATALOG, seedDemoDocuments } from './document-packs.js';

// The demo's document packs on both dialects: every template passes the upload's linter, the demo
// deals' values fill every placeholder of every bank's documents, one bank overrides the term, and a
// second start changes nothing.
let db: Db;
const box = createSecretBox(Buffer.alloc(32, 5).toString('base64'));
const P = 'demo-docs';
const deals = [
  { id: 1, title: 'Préstamo personal — María Fernanda López', currency: 'MXN', amount: '150000', contractDate: '2026-06-06' },
  { id: 2, title: 'Préstamo personal — José Luis Pérez', currency: 'MXN', amount: '45000', contractDate: '2026-06-06' },
  { id: 20, title: 'Заём — Иван Петров', currency: 'RUB', amount: '50000', contractDate: '2026-06-06' },
];

/** A loan as the loan tab saves it: 150 000,00 over 18 monthly payments. */
const savedLoan = (currency: string): SavedLoan => ({
  currency,
  principal: '150000.00',
  annualRatePercent: '24.5',
  installmentAmount: '10166.58',
  rows: Array.from({ length: 18 }, (_, i) => ({ dueDate: `2027-${String((i % 12) + 1).padStart(2, '0')}-05` })),
  totals: { total: '182998.44', costOfCredit: '32998.44' },
  effectiveRates: {},
});

beforeAll(async () => {
  db = await createTestDb();
  await insertTestPortal(db, P);
});
afterAll(async () => {
  await db?.close();
});

describe('demo document packs', () => {
  it('seeds banks, templates and values that fill every placeholder; a restart adds nothing', async () => {
    const first = await seedDemoDocuments(db.kysely, box, P, deals);
    expect(first.seeded).toBe(true);
    expect(first.lines.join('\n')).not.toMatch(/refused/u);
    const banks = await listBanks(db.kysely, box, P);
    // Each bank is written to in its own language, whatever the sending manager's interface says.
    expect(Object.fromEntries(banks.map((b) => [b.name, b.messageTemplate?.lang]))).toEqual({
      'Banco del Valle': 'es',
      'Banco Norte': 'es',
      'Банк Восток': 'ru',
    });
    // …and takes its own country's deals: a peso deal's Documents tab pre-ticks only the Mexican ones.
    expect(Object.fromEntries(banks.map((b) => [b.name, b.dealCurrencies]))).toEqual({
      'Banco del Valle': ['MXN'],
      'Banco Norte': ['MXN'],
      'Банк Восток': ['RUB'],
    });
    const pack = (dealCurrency: string) =>
      templatesForPack(db.kysely, P, { bankIds: banks.map((b) => b.id), internal: true, dealCurrency });
    // Each deal's pack holds its own country's contract only (a user trial found both in every pack).
    expect((await pack('RUB')).filter((t) => t.bankId === null).map((t) => t.name)).toEqual(['Договор займа']);
    expect((await pack('MXN')).filter((t) => t.bankId === null).map((t) => t.name)).toEqual(['Contrato de crédito']);
    const templates = [...(await pack('MXN')), ...(await pack('RUB')).filter((t) => t.bankId === null)];
    expect(templates.map((t) => t.lang)).toEqual(['es', 'es', 'ru', 'es', 'ru']);
    const app = (await findApplicationByDeal(db.kysely, P, 1))!;
    const view = await resolveValues(db.kysely, box, P, app);
    for (const t of templates) {
      // The amount and the term come from the deal's saved loan (none is typed): one saved in the document's currency.
      const loan = loanValues(DEMO_CATALOG, savedLoan(t.lang === 'ru' ? 'RUB' : 'MXN'), t.lang);
      const { values, sources } = valuesForDocument(DEMO_CATALOG, view, t.bankId, { 'deal.title': deals[0]!.title }, loan);
      const filled = fillDocx((await getBlob(db.kysely, P, t.sha256))!, values, { lang: t.lang, catalog: toFillerFields(DEMO_CATALOG) });
      expect(filled.missing, t.name).toEqual([]);
      const norte = banks.find((b) => b.name === 'Banco Norte')!.id;
      expect(sources['loan.term_months']).toBe(t.bankId === norte ? 'override' : 'loan');
      expect(sources['loan.amount']).toBe('loan');
    }
    // Every demo deal has an application with base values: whichever a visitor opens is filled.
    for (const d of deals) {
      const a = (await findApplicationByDeal(db.kysely, P, d.id))!;
      const base = (await resolveValues(db.kysely, box, P, a)).base;
      expect(base['borrower.monthly_income'], String(d.id)).toMatchObject({
        amount: expect.stringMatching(/^\d+\.00$/u),
        currency: d.currency,
      });
    }
    // Saved through the app's own setValues, each deal is its own person (a user trial found one CURP on every Mexican deal).
    const saved = await Promise.all(
      deals.map(async (d) => (await resolveValues(db.kysely, box, P, (await findApplicationByDeal(db.kysely, P, d.id))!)).base),
    );
    for (const code of ['borrower.birth_date', 'borrower.passport', 'borrower.address', 'borrower.phone', 'borrower.tax_id'])
      expect(new Set(saved.map((b) => b[code])).size, code).toBe(deals.length);
    expect((await seedDemoDocuments(db.kysely, box, P, deals)).seeded).toBe(false);
  });
});
