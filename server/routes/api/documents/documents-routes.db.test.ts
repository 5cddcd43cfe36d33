import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../config.js';
import type { Db } from '../../../db/database.js';
import { createTestDb, insertTestPortal } from '../../../../test/support/test-db.js';
import { para, run, wordDocx, wordSplit } from '../../../../test/support/docx-word-fixtures.js';

// The catalog API through the whole app on both dialects: admins edit and publish, the deal's
// application is pinned and moved only explicitly, errors answer in the caller's language.
const env = { ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), SESSION_SECRET: 's'.repeat(32), LOG_LEVEL: 'silent', WORKER: 'off' };
let db: Db;
let app: FastifyInstance;

const headers = (o: { admin?: boolean; dealId?: number; lang?: string } = {}) => ({
  authorization: `Bearer ${app.sessions.issue({ portalId: 'pd', userId: 9, isAdmin: o.admin ?? false, ...(o.dealId ? { dealId: o.dealId } : {}) })}`,
  'accept-language': o.lang ?? 'en-US',
});
const labels = (en: string) => ({ en, ru: `${en} ru`, es: `${en} es` });
const field = (code: string, type = 'text') => ({ code, label: labels(code), type, section: 'borrower' });

beforeAll(async () => {
  db = await createTestDb();
  app = await buildApp({ config: loadConfig(env), db });
  await app.ready();
  await insertTestPortal(db, 'pd');
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('documents catalog API', () => {
  it('lets only administrators edit the draft, and refuses a bad catalog in the caller language', async () => {
    const put = (h: Record<string, string>, fields: unknown[]) =>
      app.inject({ method: 'PUT', url: '/api/v1/documents/catalog/draft', headers: h, payload: { fields } });
    expect((await put(headers(), [field('a')])).statusCode).toBe(403);
    const bad = await put(headers({ admin: true, lang: 'ru-RU' }), [field('a'), field('a')]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: 'CATALOG_INVALID', message: 'Каталог полей нельзя сохранить: a — код повторяется.' });
    const ok = await put(headers({ admin: true }), [field('borrower.name'), field('loan.amount', 'money')]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().fields).toHaveLength(2);
  });

  it('publishes versions, pins the deal application and moves it only from the version shown', async () => {
    const publish = () => app.inject({ method: 'POST', url: '/api/v1/documents/catalog/publish', headers: headers({ admin: true }) });
    expect((await publish()).json()).toMatchObject({ version: 1, created: true, previous: null });
    const open = await app.inject({ method: 'POST', url: '/api/v1/deals/77/documents/application', headers: headers({ dealId: 77 }) });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json().application).toMatchObject({ dealId: 77, catalogVersion: 1 });
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/deals/78/documents/application', headers: headers({ dealId: 77 }) })).statusCode,
    ).toBe(403);

    await app.inject({
      method: 'PUT',
      url: '/api/v1/documents/catalog/draft',
      headers: headers({ admin: true }),
      payload: { fields: [field('borrower.name'), field('borrower.phone')] },
    });
    expect((await publish()).json()).toEqual({
      version: 2,
      created: true,
      previous: 1,
      diff: { added: ['borrower.phone'], removed: ['loan.amount'], changed: [] },
    });
    const versions = await app.inject({ method: 'GET', url: '/api/v1/documents/catalog/versions', headers: headers() });
    expect(versions.json().versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);

    const preview = await app.inject({
      method: 'GET',
      url: '/api/v1/deals/77/documents/application/move?to=2',
      headers: headers({ dealId: 77 }),
    });
    expect(preview.json()).toEqual({ from: 1, to: 2, diff: { added: ['borrower.phone'], removed: ['loan.amount'], changed: [] } });
    const move = (fromVersion: number, lang = 'en') =>
      app.inject({
        method: 'POST',
        url: '/api/v1/deals/77/documents/application/move',
        headers: headers({ dealId: 77, lang }),
        payload: { fromVersion, toVersion: 2 },
      });
    const moved = await move(1);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().application.catalogVersion).toBe(2);
    const stale = await move(1, 'es-MX');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('La solicitud ya está en la versión 2 del catálogo, no en la 1');
  });

  it('lints an uploaded template against the latest version: the report, or every problem in the admin language', async () => {
    const lint = (bytes: Uint8Array, lang = 'en') =>
      app.inject({
        method: 'POST',
        url: '/api/v1/documents/templates/lint',
        headers: headers({ admin: true, lang }),
        payload: { fileName: 'anketa.docx', contentBase64: Buffer.from(bytes).toString('base64') },
      });
    const good = await lint(wordDocx({ body: para(run('Nombre: '), wordSplit('{{borrower.name}}')) }));
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ catalogVersion: 2, placeholders: [{ code: 'borrower.name', count: 1 }] });
    const typo = await lint(wordDocx({ body: para(wordSplit('{{borower.name}}')) }), 'es-MX');
    expect(typo.statusCode).toBe(422);
    expect(typo.json()).toMatchObject({
      error: 'TEMPLATE_INVALID',
      message:
        'La plantilla tiene 1 problema(s): {{borower.name}} — campo desconocido (¿quiso decir borrower.name?). La lista completa está en los detalles.',
      details: { problems: [{ kind: 'unknown-code', code: 'borower.name', suggestion: 'borrower.name' }] },
    });
    const macro = await lint(wordDocx({ body: para(run('x')), extraParts: { 'word/vbaProject.bin': new Uint8Array(8) } }));
    expect(macro.json().error).toBe('TEMPLATE_MACROS');
    const big = new Uint8Array(30 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const tooBig = await lint(big, 'ru-RU');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ error: 'TEMPLATE_TOO_LARGE', message: expect.stringContaining('Шаблон весит 30.0 МБ') });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/documents/templates/lint',
          headers: headers(),
          payload: { fileName: 'a.docx', contentBase64: 'AA==' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('archives a template after upload and restores it; without a portal to name them, versions keep the uploader id', async () => {
    const upload = await app.inject({
      method: 'POST',
      url: '/api/v1/documents/templates/file?fileName=contrato.docx&name=Contrato&kind=contract&lang=es',
      headers: { ...headers({ admin: true }), 'content-type': 'application/octet-stream' },
      payload: Buffer.from(wordDocx({ body: para(run('{{borrower.name}}')) })),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const id = upload.json().template.id as string;
    // The test portal has no reachable Bitrix24: user.get fails, the answer still comes, with the id.
    expect(upload.json().template.versions[0]).toMatchObject({ uploadedBy: 9, uploadedByName: null });
    const list = async (archived = false) =>
      (
        await app.inject({ method: 'GET', url: `/api/v1/documents/templates${archived ? '?archived=true' : ''}`, headers: headers() })
      ).json().templates as { id: string; archived: boolean }[];
    const act = (method: 'DELETE' | 'POST', url: string, admin = true) => app.inject({ method, url, headers: headers({ admin }) });

    expect((await act('POST', `/api/v1/documents/templates/${id}/restore`, false)).statusCode).toBe(403);
    const archived = await act('DELETE', `/api/v1/documents/templates/${id}`);
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().template).toMatchObject({ id, archived: true, currentVersion: 1 });
    expect((await list()).map((t) => t.id)).not.toContain(id);
    expect((await list(true)).find((t) => t.id === id)).toMatchObject({ archived: true });

    const restored = await act('POST', `/api/v1/documents/templates/${id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().template).toMatchObject({ id, archived: false, currentVersion: 1 });
    expect((await list()).map((t) => t.id)).toContain(id);
    expect((await act('POST', '/api/v1/documents/templates/no-such/restore')).statusCode).toBe(404);
  });
});
