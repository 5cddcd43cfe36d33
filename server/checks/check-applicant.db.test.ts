import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestDb } from '../../test/support/test-db.js';
import { createSecretBox } from '../security/crypto.js';
import { readBlacklistFile } from './blacklist-file.js';
import { checkApplicant } from './check-applicant.js';
import { addBlacklistEntries, countBlacklist, removeBlacklistEntry, saveCheckSettings } from './check-repo.js';

// The robot's check end to end below the HTTP layer: a blacklist imported from a lender's file, a
// bureau as a local HTTP server, both dialects. Looked-up values never stored in clear.
const box = createSecretBox(Buffer.alloc(32, 9).toString('base64'));
const by = { userId: 1, now: new Date('2026-12-04T10:00:00Z') };
let db: Db;
let bureau: Server;
let bureauUrl = '';

beforeAll(async () => {
  db = await createTestDb();
  bureau = createServer((req, res) => {
    const doc = new URL(req.url!, 'http://x').searchParams.get('doc');
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ decision: doc === '4599000001' ? 'DENY' : 'OK', note: 'bureau' }));
  });
  await new Promise<void>((ok) => bureau.listen(0, '127.0.0.1', ok));
  bureauUrl = `http://127.0.0.1:${(bureau.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((ok) => bureau.close(() => ok()));
  await db?.close();
});

describe('check the applicant', () => {
  it('imports a blacklist once (a re-import adds nothing) and finds a number however it is written', async () => {
    const file = iconv.encode('Телефон;Паспорт;Причина\n8 (912) 345-67-89;;мошенничество\n;45 06 123456;подложный паспорт\n', 'win1251');
    const read = readBlacklistFile(file, 'RU');
    if (!read.ok) throw new Error('file refused');
    expect(await addBlacklistEntries(db.kysely, box, 'p1', read.entries, by)).toEqual({ added: 2, already: 0 });
    expect(await addBlacklistEntries(db.kysely, box, 'p1', read.entries, by)).toEqual({ added: 0, already: 2 });
    expect(await countBlacklist(db.kysely, 'p1')).toEqual({ phone: 1, document: 1 });
    await saveCheckSettings(db.kysely, box, 'p1', { country: 'RU', http: null }, by);

    const hit = await checkApplicant({ db: db.kysely, box }, 'p1', { phone: '+7 912 345-67-89', document: null, dealId: 5 });
    expect(hit.verdict).toBe('reject');
    expect(hit.findings).toContainEqual({ source: 'blacklist', subject: 'phone', outcome: 'reject', reason: 'мошенничество' });
    const clean = await checkApplicant({ db: db.kysely, box }, 'p1', { phone: '89120000000', document: '4511 000000', dealId: 5 });
    expect(clean.verdict).toBe('pass');
    // Another portal's list is not this one's.
    expect((await checkApplicant({ db: db.kysely, box }, 'p2', { phone: '89123456789', document: null, dealId: 5 })).verdict).toBe('pass');
    // Nothing of the values in clear in the table.
    const rows = JSON.stringify(await db.kysely.selectFrom('check_blacklist').selectAll().execute());
    for (const secret of ['9123456789', '4506123456', 'мошенничество']) expect(rows).not.toContain(secret);
  });

  it('asks the bureau with the normalised values; its reject or its silence decides', async () => {
    const http = {
      urlTemplate: `${bureauUrl}/v1/check?doc={document}&phone={phone}`,
      method: 'GET' as const,
      authHeader: 'Authorization: Bearer t0ken',
      verdictPath: 'decision',
      rejectValues: ['deny'],
      reasonPath: 'note',
      timeoutMs: 1000,
    };
    await saveCheckSettings(db.kysely, box, 'p3', { country: 'RU', http }, by);
    const settingsRow = JSON.stringify(await db.kysely.selectFrom('check_settings').selectAll().where('portal_id', '=', 'p3').execute());
    expect(settingsRow).not.toContain('t0ken');
    // Saved while local URLs were allowed, run where they are not: an error, never a call.
    expect(
      (await checkApplicant({ db: db.kysely, box }, 'p3', { phone: null, document: '4599 000001', dealId: 8 })).findings.at(-1),
    ).toEqual({
      source: 'http',
      subject: 'bureau',
      outcome: 'error',
      reason: 'CHECK_CONFIG',
    });
    const denied = await checkApplicant({ db: db.kysely, box, allowLocalUrls: true }, 'p3', {
      phone: null,
      document: '45 99 000001',
      dealId: 8,
    });
    expect(denied).toEqual({
      verdict: 'reject',
      findings: [
        { source: 'blacklist', subject: 'phone', outcome: 'skipped', reason: 'empty' },
        { source: 'blacklist', subject: 'document', outcome: 'pass', reason: null },
        { source: 'http', subject: 'bureau', outcome: 'reject', reason: 'bureau' },
      ],
    });
    await saveCheckSettings(
      db.kysely,
      box,
      'p3',
      { country: 'RU', http: { ...http, urlTemplate: 'http://127.0.0.1:1/x?d={document}' } },
      by,
    );
    expect(
      (await checkApplicant({ db: db.kysely, box, allowLocalUrls: true }, 'p3', { phone: null, document: '4599 000002', dealId: 8 }))
        .verdict,
    ).toBe('error');
  });

  it('an entry removed is no longer found', async () => {
    expect(await removeBlacklistEntry(db.kysely, box, 'p1', 'phone', '79123456789')).toBe(true);
    expect((await checkApplicant({ db: db.kysely, box }, 'p1', { phone: '89123456789', document: null, dealId: 5 })).verdict).toBe('pass');
  });
});
