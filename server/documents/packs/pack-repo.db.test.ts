import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../security/crypto.js';
import { createTestDb, insertTestPortal } from '../../../test/support/test-db.js';
import type { Db } from '../../db/database.js';
import { getBlob, putBlob } from '../blobs-repo.js';
import { archiveTemplate, getTemplate, listTemplates, saveTemplateUpload, templatesForPack } from '../templates/templates-repo.js';
import { setTemplateCurrencies } from '../templates/template-currencies.js';
import { createBank } from '../values/banks-repo.js';
import { insertPack, refreshPackStatus, updateDocument } from './pack-repo.js';
import { getPackView, listPackViews, packManifest } from './pack-views.js';

// Template versions and pack rows on SQLite and PostgreSQL: the same bank and name is the next
// version, identical bytes are not; archived templates leave new packs; a pack's documents move each
// step once (compare-and-set), its status follows them; another portal sees none of it.
let db: Db;
const P = 'portal-packs';
const OTHER = 'portal-packs-other';
const by = { userId: 7, nowIso: '2026-12-04T12:00:00.000Z' };
const report = { placeholders: [{ code: 'a', count: 1 }], lists: [], conditions: [], checkboxes: [], parts: ['word/document.xml'] };
const bytes = (s: string) => new TextEncoder().encode(s);
let bankA = '';
let bankB = '';

const save = (bankId: string | undefined, name: string, content: string, portal = P) =>
  db.kysely
    .transaction()
    .execute((trx) =>
      saveTemplateUpload(
        trx,
        portal,
        { fileName: `${name}.docx`, name, kind: 'questionnaire', lang: 'es', ...(bankId ? { bankId } : {}) },
        { bytes: bytes(content), catalogVersion: 3, report },
        by,
      ),
    );

beforeAll(async () => {
  db = await createTestDb();
  await insertTestPortal(db, P);
  await insertTestPortal(db, OTHER);
  const mk = (name: string) =>
    createBank(
      db.kysely,
      createSecretBox(Buffer.alloc(32, 6).toString('base64')),
      P,
      { name, emails: [], replySenders: [], phones: [], requiredFields: [] },
      { ...by, lang: 'en' },
    );
  bankA = (await mk('Banco A')).id;
  bankB = (await mk('Banco B')).id;
});
afterAll(async () => {
  await db?.close();
});

describe('template versions', () => {
  it('makes the next version under the same bank and name, not for identical bytes, and keeps bytes by hash', async () => {
    const a1 = await save(bankA, 'Solicitud', 'v1');
    expect(a1.created).toBe(true);
    expect((await save(bankA, 'solicitud ', 'v1')).created).toBe(false);
    const a2 = await save(bankA, 'Solicitud', 'v2');
    expect(a2).toEqual({ templateId: a1.templateId, created: true });
    const t = (await getTemplate(db.kysely, P, a1.templateId))!;
    expect(t.currentVersion).toBe(2);
    expect(t.versions.map((v) => [v.version, v.catalogVersion, v.placeholders])).toEqual([
      [2, 3, report.placeholders],
      [1, 3, report.placeholders],
    ]);
    expect(new TextDecoder().decode((await getBlob(db.kysely, P, t.versions[1]!.sha256))!)).toBe('v1');
    // Another bank's template of the same name is another template.
    expect((await save(bankB, 'Solicitud', 'v1')).templateId).not.toBe(a1.templateId);
    expect(await getTemplate(db.kysely, OTHER, a1.templateId)).toBeNull();
    expect(await getBlob(db.kysely, OTHER, t.versions[1]!.sha256)).toBeNull();
  });

  it('lists a pack’s templates bank by bank, then the internal ones; archived ones leave new packs', async () => {
    const internal = await save(undefined, 'Pagaré', 'p1');
    const extra = await save(bankA, 'Anexo', 'x1');
    const names = async (ids: string[], withInternal: boolean) =>
      (await templatesForPack(db.kysely, P, { bankIds: ids, internal: withInternal, dealCurrency: 'MXN' })).map((t) => [t.name, t.version]);
    expect(await names([bankB, bankA], true)).toEqual([
      ['Solicitud', 1],
      ['Anexo', 1],
      ['Solicitud', 2],
      ['Pagaré', 1],
    ]);
    await archiveTemplate(db.kysely, P, extra.templateId, by.nowIso);
    expect(await names([bankA], false)).toEqual([['Solicitud', 2]]);
    expect((await listTemplates(db.kysely, P, { bankId: bankA })).map((t) => t.name)).toEqual(['Solicitud']);
    expect((await listTemplates(db.kysely, P, { archived: true })).map((t) => t.name).sort()).toEqual([
      'Anexo',
      'Pagaré',
      'Solicitud',
      'Solicitud',
    ]);
    expect(await templatesForPack(db.kysely, OTHER, { bankIds: [bankA], internal: true, dealCurrency: null })).toEqual([]);
    expect(internal.created).toBe(true);
  });
});

describe('pack rows', () => {
  it('moves each step once, derives the pack status and scopes it to the portal and the deal', async () => {
    const templates = await templatesForPack(db.kysely, P, { bankIds: [bankA], internal: true, dealCurrency: 'RUB' });
    const packId = await db.kysely
      .transaction()
      .execute((trx) => insertPack(trx, P, { dealId: 5, applicationId: 'app-1', catalogVersion: 3, lang: 'ru', templates }, by));
    const view = () => getPackView(db.kysely, P, 5, packId, 'ru');
    expect((await view()).status).toBe('queued');
    expect((await view()).progress).toEqual({ done: 0, total: 2 });

    const sha = await putBlob(db.kysely, P, bytes('filled'), by.nowIso);
    const fill = { status: 'done', sha256: sha, field_sources: JSON.stringify({ a: 'override' }), updated_at: by.nowIso };
    expect(await updateDocument(db.kysely, P, packId, 0, fill, { column: 'status', is: 'pending' })).toBe(true);
    expect(await updateDocument(db.kysely, P, packId, 0, fill, { column: 'status', is: 'pending' })).toBe(false);
    await updateDocument(db.kysely, P, packId, 1, {
      status: 'failed',
      preview: 'unavailable',
      message_code: 'TEMPLATE_INVALID',
      message_params: JSON.stringify({ text: 'В шаблоне проблем: 1.' }),
    });
    await refreshPackStatus(db.kysely, P, packId, by.nowIso);
    expect((await view()).status).toBe('generating');
    await updateDocument(db.kysely, P, packId, 0, {
      preview: 'unavailable',
      message_code: 'PREVIEW_UNAVAILABLE',
      attach_state: 'done',
      attached_as: 'disk',
    });
    await refreshPackStatus(db.kysely, P, packId, by.nowIso);
    const done = await view();
    expect(done).toMatchObject({ status: 'done', progress: { done: 2, total: 2 } });
    expect(done.documents.map((d) => [d.status, d.attachedAs, d.preview, d.message])).toEqual([
      ['done', 'disk', 'unavailable', 'Не удалось сделать предпросмотр документа; сам документ готов.'],
      ['failed', null, 'unavailable', 'В шаблоне проблем: 1.'],
    ]);
    // A code's message follows the reader's language; a throw site's text stays in the pack's.
    expect((await getPackView(db.kysely, P, 5, packId, 'es')).documents[0]!.message).toBe(
      'No se pudo generar la vista previa; el documento está listo.',
    );
    expect((await packManifest(db.kysely, P, 5, packId)).documents[0]).toMatchObject({ sha256: sha, fields: { a: 'override' } });

    await expect(getPackView(db.kysely, P, 6, packId, 'en')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getPackView(db.kysely, OTHER, 5, packId, 'en')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listPackViews(db.kysely, P, 5, 'en')).map((x) => x.id)).toEqual([packId]);
    expect(await listPackViews(db.kysely, OTHER, 5, 'en')).toEqual([]);
  });
});

describe('templates by the deal’s currency', () => {
  it('puts into a pack only the internal templates meant for the deal: the rouble contract on a RUB deal, the peso one on MXN', async () => {
    const upload = (name: string, lang: 'ru' | 'es', dealCurrencies: string | undefined, content: string) =>
      db.kysely
        .transaction()
        .execute((trx) =>
          saveTemplateUpload(
            trx,
            P,
            { fileName: `${name}.docx`, name, kind: 'contract', lang, ...(dealCurrencies ? { dealCurrencies } : {}) },
            { bytes: bytes(content), catalogVersion: 3, report },
            by,
          ),
        );
    const ru = await upload('Договор займа', 'ru', 'RUB', 'ru1');
    const es = await upload('Contrato de crédito', 'es', 'MXN', 'es1');
    const internal = async (dealCurrency: string | null) =>
      (await templatesForPack(db.kysely, P, { bankIds: [], internal: true, dealCurrency })).map((t) => [t.name, t.lang]);
    // Pagaré names no currency: any deal.
    expect(await internal('RUB')).toEqual([
      ['Pagaré', 'es'],
      ['Договор займа', 'ru'],
    ]);
    expect(await internal('MXN')).toEqual([
      ['Contrato de crédito', 'es'],
      ['Pagaré', 'es'],
    ]);
    expect((await getTemplate(db.kysely, P, ru.templateId))!.dealCurrencies).toEqual(['RUB']);
    // A new version without a list keeps the template's; the admin's edit replaces it, null = any deal.
    await upload('Договор займа', 'ru', undefined, 'ru2');
    expect((await getTemplate(db.kysely, P, ru.templateId))!).toMatchObject({ currentVersion: 2, dealCurrencies: ['RUB'] });
    expect(await setTemplateCurrencies(db.kysely, P, es.templateId, ['MXN', 'USD'], by.nowIso)).toBe(true);
    expect((await getTemplate(db.kysely, P, es.templateId))!.dealCurrencies).toEqual(['MXN', 'USD']);
    expect(await internal('USD')).toEqual([
      ['Contrato de crédito', 'es'],
      ['Pagaré', 'es'],
    ]);
    await setTemplateCurrencies(db.kysely, P, ru.templateId, null, by.nowIso);
    expect((await getTemplate(db.kysely, P, ru.templateId))!).not.toHaveProperty('dealCurrencies');
    expect(await internal('USD')).toHaveLength(3);
    expect(await setTemplateCurrencies(db.kysely, OTHER, es.templateId, null, by.nowIso)).toBe(false);
  });
});
