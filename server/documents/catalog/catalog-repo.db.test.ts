import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, insertTestPortal } from '../../../test/support/test-db.js';
import type { Db } from '../../db/database.js';
import { isAppError } from '../../errors.js';
import type { CatalogField } from './catalog-field.js';
import {
  getDraft,
  getDraftView,
  getVersion,
  listVersions,
  moveApplication,
  openApplication,
  previewMove,
  publishDraft,
  saveDraft,
} from './catalog-repo.js';

// The versioned catalog on SQLite and PostgreSQL: publishing freezes versions, an application stays
// on the version it opened with, and moves only explicitly, from the version whose diff was shown.
let db: Db;
const P = 'portal-catalog';
const OTHER = 'portal-other';
const by = { userId: 7, nowIso: '2026-12-04T12:00:00.000Z', lang: 'es' as const };

const labels = (en: string) => ({ en, ru: `${en} (ru)`, es: `${en} (es)` });
const v1: CatalogField[] = [
  { code: 'borrower.full_name', label: labels('Full name'), type: 'person', section: 'borrower', required: true },
  { code: 'borrower.passport', label: labels('Passport'), type: 'document_number', section: 'borrower' },
  { code: 'loan.amount', label: labels('Amount'), type: 'money', section: 'loan', validation: { min: '1000' } },
  {
    code: 'coborrowers',
    label: labels('Co-borrowers'),
    type: 'list',
    section: 'participants',
    item: [{ code: 'name', label: labels('Name'), type: 'person', section: 'participants' }],
  },
];

beforeAll(async () => {
  db = await createTestDb();
  await insertTestPortal(db, P);
  await insertTestPortal(db, OTHER);
});
afterAll(async () => {
  await db?.close();
});

describe('field catalog versions and pinned applications', () => {
  it('publishes the draft as version 1, and an unchanged draft again as the same version', async () => {
    await saveDraft(db.kysely, P, v1, by);
    expect(await getDraft(db.kysely, P)).toEqual(v1);
    const none = { added: [], removed: [], changed: [] };
    expect(await db.kysely.transaction().execute((t) => publishDraft(t, P, by))).toEqual({
      version: 1,
      created: true,
      previous: null,
      diff: { ...none, added: v1.map((f) => f.code).sort() },
    });
    expect(await db.kysely.transaction().execute((t) => publishDraft(t, P, by))).toEqual({
      version: 1,
      created: false,
      previous: 1,
      diff: none,
    });
    expect(await listVersions(db.kysely, OTHER)).toEqual([]);
  });

  it('refuses a catalog that cannot be published, in the admin language, and keeps the draft', async () => {
    const bad = [...v1, { code: 'Loan Term', label: labels('Term'), type: 'number', section: 'loan' } as CatalogField];
    let err: unknown;
    try {
      await saveDraft(db.kysely, P, bad, by);
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && err.code).toBe('CATALOG_INVALID');
    expect(isAppError(err) && err.userMessage).toBe(
      'No se puede guardar el catálogo de campos: Loan Term — el código son palabras en minúsculas unidas por puntos (borrower.first_name).',
    );
    expect(await getDraft(db.kysely, P)).toEqual(v1);
  });

  it('pins a new application to the latest version; a later version leaves it where it was', async () => {
    const app = await db.kysely.transaction().execute((t) => openApplication(t, P, 101, by));
    expect(app.catalogVersion).toBe(1);
    const v2: CatalogField[] = [
      ...v1.filter((f) => f.code !== 'borrower.passport'),
      { code: 'borrower.phone', label: labels('Phone'), type: 'text' as const, section: 'borrower' },
    ].map((f) => (f.code === 'loan.amount' ? { ...f, label: labels('Loan amount') } : f));
    await saveDraft(db.kysely, P, v2, by);
    // The publish says what the admin's change did: the page lists it under the Publish button.
    expect(await db.kysely.transaction().execute((t) => publishDraft(t, P, by))).toEqual({
      version: 2,
      created: true,
      previous: 1,
      diff: { added: ['borrower.phone'], removed: ['borrower.passport'], changed: [{ code: 'loan.amount', what: ['label'] }] },
    });
    expect((await db.kysely.transaction().execute((t) => openApplication(t, P, 101, by))).catalogVersion).toBe(1);
    expect((await db.kysely.transaction().execute((t) => openApplication(t, P, 102, by))).catalogVersion).toBe(2);
    expect(await getVersion(db.kysely, P, 1)).toEqual(v1);
    expect((await listVersions(db.kysely, P)).map((v) => v.version)).toEqual([1, 2]);
  });

  it('shows what a move adds and removes, and moves only from the version the user saw', async () => {
    const app = await db.kysely.transaction().execute((t) => openApplication(t, P, 101, by));
    const preview = await previewMove(db.kysely, P, app.id, 2);
    expect(preview).toEqual({
      from: 1,
      to: 2,
      diff: { added: ['borrower.phone'], removed: ['borrower.passport'], changed: [{ code: 'loan.amount', what: ['label'] }] },
    });
    const stale = await db.kysely
      .transaction()
      .execute((t) => moveApplication(t, P, app.id, { fromVersion: 2, toVersion: 2 }, { ...by, lang: 'ru' }))
      .catch((e: unknown) => e);
    expect(isAppError(stale) && stale.code).toBe('CATALOG_VERSION_CONFLICT');
    const diff = await db.kysely.transaction().execute((t) => moveApplication(t, P, app.id, { fromVersion: 1, toVersion: 2 }, by));
    expect(diff).toEqual(preview.diff);
    expect((await db.kysely.transaction().execute((t) => openApplication(t, P, 101, by))).catalogVersion).toBe(2);
    const again = await db.kysely
      .transaction()
      .execute((t) => moveApplication(t, P, app.id, { fromVersion: 1, toVersion: 2 }, by))
      .catch((e: unknown) => e);
    expect(isAppError(again) && again.status).toBe(409);
    const moves = await db.kysely.selectFrom('document_application_moves').selectAll().where('portal_id', '=', P).execute();
    expect(moves.map((m) => [m.from_version, m.to_version, m.moved_by])).toEqual([[1, 2, 7]]);
  });

  it('never sees another portal’s application', async () => {
    const app = await db.kysely.transaction().execute((t) => openApplication(t, P, 103, by));
    await expect(previewMove(db.kysely, OTHER, app.id, 2)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('offers the latest published version as the draft when none is saved, with what publishing would change', async () => {
    const none = { added: [], removed: [], changed: [] };
    expect(await getDraftView(db.kysely, OTHER)).toEqual({ fields: [], pending: none });
    const v2 = (await getVersion(db.kysely, P, 2))!;
    expect(await getDraftView(db.kysely, P)).toEqual({ fields: v2, pending: none });
    await saveDraft(db.kysely, P, [...v2.filter((f) => f.code !== 'borrower.phone'), { ...v2[0]!, code: 'borrower.email' }], by);
    expect((await getDraftView(db.kysely, P)).pending).toEqual({ ...none, added: ['borrower.email'], removed: ['borrower.phone'] });
    await db.kysely.deleteFrom('field_catalog_drafts').where('portal_id', '=', P).execute();
    expect(await getDraftView(db.kysely, P)).toEqual({ fields: v2, pending: none });
  });
});
