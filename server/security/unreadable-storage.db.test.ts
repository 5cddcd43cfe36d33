import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { addBlacklistEntries, saveCheckSettings } from '../checks/check-repo.js';
import { saveProviderSettings } from '../settings/settings-repo.js';
import { getMailSettings, saveMailSettings } from '../mail/settings/mail-settings-repo.js';
import { requireDealApplication } from '../documents/catalog/catalog-repo.js';
import { addScan, listScans, scanContent } from '../documents/scans/scans-repo.js';
import { openContent, sealContent } from '../mail/outgoing/bank-messages-repo.js';
import { catalogLabels, openDocumentApplication } from '../../test/support/document-application.js';
import { createTestDb, insertTestPortal } from '../../test/support/test-db.js';
import { tamperSealed } from '../../test/support/tamper.js';

// Values sealed at rest whose ciphertext was altered in the database, or copied from another row,
// on both dialects through the whole app: no read answers 5xx; the value is shown as unreadable,
// a new save replaces it, and the log names the table and portal — never the value.
const env = { ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'), SESSION_SECRET: 's'.repeat(32), LOG_LEVEL: 'info', WORKER: 'off' };
const lines: string[] = [];
let db: Db;
let app: FastifyInstance;

const headers = (o: { admin?: boolean; dealId?: number } = {}) => ({
  authorization: `Bearer ${app.sessions.issue({ portalId: 'pt', userId: 4, isAdmin: o.admin ?? false, ...(o.dealId ? { dealId: o.dealId } : {}) })}`,
  'accept-language': 'es-MX',
});
const deal = 41;
const valuesUrl = `/api/v1/deals/${deal}/documents/values`;

beforeAll(async () => {
  db = await createTestDb();
  app = await buildApp({ config: loadConfig(env), db, logger: { level: 'info', stream: { write: (l: string) => void lines.push(l) } } });
  await app.ready();
  await insertTestPortal(db, 'pt');
  const fields = [
    { code: 'borrower.address', label: catalogLabels('Address'), type: 'address', section: 'borrower' },
    { code: 'borrower.name', label: catalogLabels('Name'), type: 'person', section: 'borrower' },
    { code: 'scan.passport', label: catalogLabels('Passport scan'), type: 'file', section: 'scans' },
  ];
  await openDocumentApplication(app, { admin: headers({ admin: true }), user: headers({ dealId: deal }), dealId: deal, fields });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('values sealed at rest that no longer open', () => {
  it('document values: the read marks the altered one, keeps the others, and a new save mends it', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: valuesUrl,
      headers: headers({ dealId: deal }),
      payload: { values: { 'borrower.address': 'Av. Insurgentes 100', 'borrower.name': 'Juana Pérez' } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const row = await db.kysely
      .selectFrom('document_values')
      .select('value')
      .where('code', '=', 'borrower.address')
      .executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('document_values')
      .set({ value: tamperSealed(row.value) })
      .where('code', '=', 'borrower.address')
      .execute();

    const read = await app.inject({ method: 'GET', url: valuesUrl, headers: headers({ dealId: deal }) });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      base: { 'borrower.address': null, 'borrower.name': 'Juana Pérez' },
      unreadable: [{ bankId: null, code: 'borrower.address' }],
    });
    const history = await app.inject({ method: 'GET', url: `${valuesUrl}/history`, headers: headers({ dealId: deal }) });
    expect(history.statusCode, history.body).toBe(200);

    const mended = await app.inject({
      method: 'PUT',
      url: valuesUrl,
      headers: headers({ dealId: deal }),
      payload: { values: { 'borrower.address': 'Av. Insurgentes 200' } },
    });
    expect(mended.statusCode, mended.body).toBe(200);
    expect(mended.json().base['borrower.address']).toBe('Av. Insurgentes 200');
    expect(mended.json().unreadable).toBeUndefined();
    // The history keeps the change; what the altered value was is not known (null), and says so.
    const after = (await app.inject({ method: 'GET', url: `${valuesUrl}/history`, headers: headers({ dealId: deal }) })).json();
    expect(after.history.at(-1)).toMatchObject({ code: 'borrower.address', old: null, new: 'Av. Insurgentes 200' });

    // A history row altered in turn: shown, marked.
    const h = await db.kysely
      .selectFrom('document_value_history')
      .select(['seq', 'new_value'])
      .where('code', '=', 'borrower.name')
      .executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('document_value_history')
      .set({ new_value: tamperSealed(h.new_value!) })
      .where('seq', '=', h.seq)
      .execute();
    const marked = (await app.inject({ method: 'GET', url: `${valuesUrl}/history`, headers: headers({ dealId: deal }) })).json();
    expect(marked.history.find((c: { code: string }) => c.code === 'borrower.name')).toMatchObject({ new: null, unreadable: true });
  });

  it('a value copied from another row (aad mismatch) reads as unreadable too', async () => {
    const rows = await db.kysely.selectFrom('document_values').select(['code', 'value']).execute();
    const name = rows.find((r) => r.code === 'borrower.name')!;
    await db.kysely.updateTable('document_values').set({ value: name.value }).where('code', '=', 'borrower.address').execute();
    const read = await app.inject({ method: 'GET', url: valuesUrl, headers: headers({ dealId: deal }) });
    expect(read.statusCode).toBe(200);
    expect(read.json().unreadable).toEqual([{ bankId: null, code: 'borrower.address' }]);
  });

  it('provider secrets: shown as unreadable, the provider counts as not configured, a save asks for them again', async () => {
    await saveProviderSettings(db.kysely, app.secrets, 'pt', 'sms', {
      provider: 'twilio',
      settings: { accountSid: `AC${'1'.repeat(32)}`, authToken: 'tw-secret-token-0123', from: '+15005550006' },
      userId: 4,
    });
    const r = await db.kysely.selectFrom('portal_settings').select('secrets').where('kind', '=', 'sms').executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('portal_settings')
      .set({ secrets: tamperSealed(r.secrets!) })
      .where('kind', '=', 'sms')
      .execute();
    const list = await app.inject({ method: 'GET', url: '/api/v1/settings/providers', headers: headers({ admin: true }) });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().settings[0].secrets).toEqual({ authToken: 'unreadable' });
    await app.invalidateProviderSettings('pt');
    await expect(app.activities.providers.sms('pt')).rejects.toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED' });
  });

  it('applicant checks: a listed value still rejects; an unreadable bureau header makes the check an error', async () => {
    await addBlacklistEntries(db.kysely, app.secrets, 'pt', [{ kind: 'document', value: '4599000001', reason: 'fraude' }], {
      userId: 4,
      now: new Date(),
    });
    const http = {
      urlTemplate: 'https://bureau.example/check?doc={document}',
      method: 'GET' as const,
      bodyTemplate: null,
      verdictPath: 'decision',
      rejectValues: ['DENY'],
      reasonPath: null,
      timeoutMs: 2000,
      authHeader: 'Bearer bureau-secret',
    };
    await saveCheckSettings(db.kysely, app.secrets, 'pt', { country: 'MX', http }, { userId: 4, now: new Date() });
    const b = await db.kysely.selectFrom('check_blacklist').select('reason_enc').executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('check_blacklist')
      .set({ reason_enc: tamperSealed(b.reason_enc!) })
      .execute();
    const s = await db.kysely.selectFrom('check_settings').select('http_auth_enc').executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('check_settings')
      .set({ http_auth_enc: tamperSealed(s.http_auth_enc!) })
      .execute();

    const shown = await app.inject({ method: 'GET', url: '/api/v1/checks/settings', headers: headers({ admin: true }) });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json().authHeader).toBe('unreadable');
    const tried = await app.inject({
      method: 'POST',
      url: '/api/v1/checks/try',
      headers: headers({ admin: true }),
      payload: { document: '4599000001' },
    });
    expect(tried.statusCode, tried.body).toBe(200);
    expect(tried.json().verdict).toBe('reject');
    expect(tried.json().findings).toContainEqual({ source: 'blacklist', subject: 'document', outcome: 'reject', reason: null });
    expect(tried.json().findings).toContainEqual({ source: 'http', subject: 'bureau', outcome: 'error', reason: 'STORED_DATA_UNREADABLE' });
  });

  it('portal tokens: read as none, so the portal asks for a reinstall (409), not a 500', async () => {
    const other = app.secrets.encrypt('rt-of-another-portal', 'portals:px:refresh');
    await db.kysely
      .updateTable('portals')
      .set({ access_token_enc: app.secrets.encrypt('at', 'portals:pt:access'), refresh_token_enc: other, token_expires_at: 0 })
      .where('id', '=', 'pt')
      .execute();
    await expect(app.getPortalClient('pt')).rejects.toMatchObject({ code: 'REINSTALL_NEEDED', status: 409 });
  });

  it('mail: an altered password reads as not set; an altered message to a bank has no content to send', async () => {
    const account = { host: 'smtp.example', port: 587, security: 'starttls' as const, user: 'lender', password: 'smtp-pass-123' };
    await saveMailSettings(
      db.kysely,
      app.secrets,
      'pt',
      {
        smtp: { ...account, fromAddress: 'credito@lender.example', fromName: 'Lender' },
        imap: { ...account, host: 'imap.example', port: 993, security: 'tls', password: 'imap-pass-456', folder: 'INBOX' },
        replyScheme: 'plus',
        replyAddress: null,
        forwarders: [],
      },
      { userId: 4, nowIso: new Date().toISOString() },
    );
    const m = await db.kysely.selectFrom('mail_settings').select('smtp_password').executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('mail_settings')
      .set({ smtp_password: tamperSealed(m.smtp_password!) })
      .execute();
    const read = await getMailSettings(db.kysely, app.secrets, 'pt');
    expect(read?.smtp.password).toBeNull();
    expect(read?.imap.password).toBe('imap-pass-456');

    const sealed = sealContent(app.secrets, 'pt', 'msg-1', { to: ['credito@norte.example'], subject: 'Solicitud', text: 'Hola' });
    expect(openContent(app.secrets, { portal_id: 'pt', id: 'msg-1', sealed })).toMatchObject({ subject: 'Solicitud' });
    expect(openContent(app.secrets, { portal_id: 'pt', id: 'msg-1', sealed: tamperSealed(sealed) })).toBeNull();
    expect(openContent(app.secrets, { portal_id: 'pt', id: 'msg-2', sealed })).toBeNull();
  });

  it('scans: an altered file name lists as empty; altered bytes answer 409 STORED_DATA_UNREADABLE, not a 500', async () => {
    const application = await requireDealApplication(db.kysely, 'pt', deal);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
    const by = { userId: 4, nowIso: new Date().toISOString(), lang: 'es' as const };
    const scan = await db.kysely
      .transaction()
      .execute((trx) =>
        addScan(trx, app.secrets, 'pt', application, { code: 'scan.passport', fileName: 'pasaporte-juana.png', bytes: png }, by),
      );
    const r = await db.kysely.selectFrom('document_scans').select(['file_name', 'content']).executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('document_scans')
      .set({ file_name: tamperSealed(r.file_name), content: tamperSealed(r.content) })
      .execute();
    expect((await listScans(db.kysely, app.secrets, 'pt', application.id)).map((x) => x.fileName)).toEqual(['']);
    await expect(scanContent(db.kysely, app.secrets, 'pt', application.id, scan.id)).rejects.toMatchObject({
      code: 'STORED_DATA_UNREADABLE',
      status: 409,
    });
  });

  it('logs where each unreadable value was, never the value', () => {
    const logged = lines.filter((l) => l.includes('stored ciphertext unreadable')).join('\n');
    for (const where of [
      'document_values:pt',
      'document_value_history:pt',
      'portal_settings:pt',
      'check_blacklist:pt',
      'check_settings:pt',
      'portals:pt',
      'mail_settings:pt',
      'bank_messages:pt',
    ])
      expect(logged).toContain(where);
    for (const secret of [
      'Insurgentes',
      'Juana',
      'tw-secret-token-0123',
      'fraude',
      'bureau-secret',
      '4599000001',
      'rt-of-another',
      'smtp-pass-123',
      'Solicitud',
    ]) {
      expect(lines.join('\n')).not.toContain(secret);
    }
  });
});
