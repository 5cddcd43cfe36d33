import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../config.js';
import type { Db } from '../../../db/database.js';
import { createTestDb, insertTestPortal } from '../../../../test/support/test-db.js';

// Scans kept with a deal's application, through the whole app on both dialects: a passport scan is
// uploaded under its 'file' field, listed, read back byte for byte and deleted; it counts for a bank
// that requires it; the name and bytes are ciphertext at rest; a wrong type, a field that is not a
// scan, another deal's session are refused in the caller's language, nothing stored.
const env = { ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), SESSION_SECRET: 's'.repeat(32), LOG_LEVEL: 'silent', WORKER: 'off' };
let db: Db;
let app: FastifyInstance;
const deal = 41;
const headers = (o: { admin?: boolean; dealId?: number; lang?: string } = {}) => ({
  authorization: `Bearer ${app.sessions.issue({ portalId: 'ps', userId: 9, isAdmin: o.admin ?? false, ...(o.dealId ? { dealId: o.dealId } : {}) })}`,
  'accept-language': o.lang ?? 'en-US',
});
const labels = (en: string) => ({ en, ru: `${en} ru`, es: `${en} es` });
const PDF = Buffer.from('%PDF-1.4\n% Ana López, INE\n%%EOF\n');

const upload = (bytes: Buffer, q: Record<string, string>, o: { dealId?: number; lang?: string } = {}) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/deals/${deal}/documents/scans?${new URLSearchParams(q).toString()}`,
    headers: { ...headers({ dealId: o.dealId ?? deal, lang: o.lang ?? 'en' }), 'content-type': 'application/octet-stream' },
    payload: bytes,
  });

beforeAll(async () => {
  db = await createTestDb();
  app = await buildApp({ config: loadConfig(env), db });
  await app.ready();
  await insertTestPortal(db, 'ps');
  const admin = headers({ admin: true });
  const fields = [
    { code: 'borrower.name', label: labels('Name'), type: 'text', section: 'borrower' },
    { code: 'borrower.id_scan', label: labels('ID scan'), type: 'file', section: 'borrower' },
  ];
  await app.inject({ method: 'PUT', url: '/api/v1/documents/catalog/draft', headers: admin, payload: { fields } });
  await app.inject({ method: 'POST', url: '/api/v1/documents/catalog/publish', headers: admin });
  await app.inject({
    method: 'POST',
    url: '/api/v1/documents/banks',
    headers: admin,
    payload: { name: 'Banco S', emails: [], replySenders: [], phones: [], requiredFields: ['borrower.id_scan'] },
  });
  await app.inject({ method: 'POST', url: `/api/v1/deals/${deal}/documents/application`, headers: headers({ dealId: deal }) });
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('document scans API', () => {
  const missing = async () =>
    (await app.inject({ method: 'GET', url: `/api/v1/deals/${deal}/documents/values`, headers: headers({ dealId: deal }) })).json().banks[0]
      .missing as string[];

  it('keeps a scan with the application: listed, read back as uploaded, counted for the bank, sealed at rest', async () => {
    expect(await missing()).toEqual(['borrower.id_scan']);
    const r = await upload(PDF, { code: 'borrower.id_scan', fileName: 'INE Ana López.pdf' });
    expect(r.statusCode, r.body).toBe(200);
    const [scan] = r.json().scans;
    expect(scan).toMatchObject({
      code: 'borrower.id_scan',
      fileName: 'INE Ana López.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    expect(await missing()).toEqual([]);
    const file = await app.inject({
      method: 'GET',
      url: `/api/v1/deals/${deal}/documents/scans/${scan.id}/file`,
      headers: headers({ dealId: deal }),
    });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(file.rawPayload, PDF)).toBe(0);
    const raw = JSON.stringify(await db.kysely.selectFrom('document_scans').selectAll().execute());
    expect(raw).not.toContain('López');
    expect(raw).not.toContain(PDF.toString('base64').slice(0, 12));
    const gone = await app.inject({
      method: 'DELETE',
      url: `/api/v1/deals/${deal}/documents/scans/${scan.id}`,
      headers: headers({ dealId: deal }),
    });
    expect(gone.json().scans).toEqual([]);
    expect(await missing()).toEqual(['borrower.id_scan']);
  });

  it('refuses a file that is not a scan, a field that takes none, and another deal — in the caller language, nothing stored', async () => {
    const docx = await upload(Buffer.from('PK\u0003\u0004word'), { code: 'borrower.id_scan', fileName: 'a.docx' }, { lang: 'es-MX' });
    expect(docx.statusCode).toBe(422);
    expect(docx.json()).toMatchObject({ error: 'SCAN_TYPE', message: 'El escaneo debe ser un archivo PDF, JPEG o PNG.' });
    const text = await upload(PDF, { code: 'borrower.name', fileName: 'a.pdf' }, { lang: 'ru-RU' });
    expect(text.statusCode).toBe(422);
    expect(text.json().error).toBe('DOCUMENT_FIELD_UNKNOWN');
    const foreign = await upload(PDF, { code: 'borrower.id_scan', fileName: 'a.pdf' }, { dealId: deal + 1 });
    expect(foreign.statusCode).toBe(403);
    const big = Buffer.alloc(5 * 1024 * 1024 + 1);
    big.write('%PDF-');
    const tooBig = await upload(big, { code: 'borrower.id_scan', fileName: 'big.pdf' }, { lang: 'ru-RU' });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().message).toContain('Скан больше 5 МБ');
    expect(await db.kysely.selectFrom('document_scans').selectAll().execute()).toEqual([]);
  });
});
