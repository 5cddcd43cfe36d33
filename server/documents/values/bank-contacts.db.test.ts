import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { Db } from '../../db/database.js';
import { createSecretBox } from '../../security/crypto.js';
import { createTestDb, insertTestPortal } from '../../../test/support/test-db.js';
import { banksForSender, createBank, getBank, listBanks, updateBank } from './banks-repo.js';
import { sealLegacyBankContacts } from './seal-bank-contacts.js';

// A bank's e-mails, reply senders and phones are its staff's personal data: sealed at rest, bound to
// portal and bank, read in clear through the repository (the reply matcher too); rows written in
// clear before migration 202612042030 are sealed when the app starts. Both dialects.
const KEY = Buffer.alloc(32, 4).toString('base64');
const box = createSecretBox(KEY);
const P = 'pb';
const OTHER = 'pc';
const by = { nowIso: '2026-12-04T19:00:00.000Z', lang: 'es' as const };
const input = (name: string, domain: string) => ({
  name,
  emails: [`Credito@${domain}`],
  replySenders: [`@${domain}`, `aprobaciones@partner.example`],
  phones: ['+52 55 8765 4321'],
  requiredFields: ['loan.amount'],
});
let db: Db;

const rawRows = async () => JSON.stringify(await db.kysely.selectFrom('document_banks').selectAll().execute());

beforeAll(async () => {
  db = await createTestDb();
  for (const portalId of [P, OTHER]) await insertTestPortal(db, portalId);
});
afterAll(async () => {
  await db?.close();
});

describe('bank contacts sealed at rest', () => {
  let norte = '';

  it('stores no address or phone in clear; the repository reads them back', async () => {
    norte = (await createBank(db.kysely, box, P, input('Banco Norte', 'norte.example'), by)).id;
    await createBank(db.kysely, box, OTHER, input('Banco Sur', 'sur.example'), by);
    const raw = await rawRows();
    for (const clear of ['norte.example', 'sur.example', 'partner.example', '8765']) expect(raw).not.toContain(clear);
    expect(await getBank(db.kysely, box, P, norte)).toMatchObject({
      emails: ['credito@norte.example'],
      replySenders: ['@norte.example', 'aprobaciones@partner.example'],
      phones: ['+52 55 8765 4321'],
    });
  });

  it('the reply matcher finds a bank by its full sender address or its @domain, in its own portal only', async () => {
    expect((await banksForSender(db.kysely, box, P, 'Ana.Lopez@Norte.example')).map((b) => b.name)).toEqual(['Banco Norte']);
    expect((await banksForSender(db.kysely, box, P, 'aprobaciones@partner.example')).map((b) => b.name)).toEqual(['Banco Norte']);
    expect(await banksForSender(db.kysely, box, P, 'otro@partner.example')).toEqual([]);
    expect(await banksForSender(db.kysely, box, P, 'x@sur.example')).toEqual([]);
    expect((await banksForSender(db.kysely, box, OTHER, 'x@sur.example')).map((b) => b.name)).toEqual(['Banco Sur']);
  });

  it('contacts copied from another bank do not open: listed, marked, empty; saving the bank mends them', async () => {
    const sur = await db.kysely
      .selectFrom('document_banks')
      .select('contacts_enc')
      .where('portal_id', '=', OTHER)
      .executeTakeFirstOrThrow();
    await db.kysely.updateTable('document_banks').set({ contacts_enc: sur.contacts_enc }).where('portal_id', '=', P).execute();
    const [shown] = await listBanks(db.kysely, box, P);
    expect(shown).toMatchObject({ name: 'Banco Norte', emails: [], replySenders: [], phones: [], contactsUnreadable: true });
    const mended = await updateBank(db.kysely, box, P, norte, input('Banco Norte', 'norte.example'), by);
    expect(mended.contactsUnreadable).toBeUndefined();
    expect(mended.emails).toEqual(['credito@norte.example']);
  });

  it('a row written in clear before the migration is sealed when the app starts, once', async () => {
    await db.kysely
      .insertInto('document_banks')
      .values({
        portal_id: P,
        id: 'legacy-1',
        name: 'Banco Viejo',
        emails: JSON.stringify(['solicitudes@viejo.example']),
        reply_senders: JSON.stringify(['@viejo.example']),
        phones: JSON.stringify(['+52 81 1111 2222']),
        contacts_enc: null,
        required_fields: '[]',
        created_at: by.nowIso,
        updated_at: by.nowIso,
      })
      .execute();
    // Before sealing, the repository still reads the clear columns.
    expect((await banksForSender(db.kysely, box, P, 'a@viejo.example')).map((b) => b.id)).toEqual(['legacy-1']);

    const app = await buildApp({
      config: loadConfig({ ENCRYPTION_KEY: KEY, SESSION_SECRET: 's'.repeat(32), LOG_LEVEL: 'silent', WORKER: 'off' }),
      db,
    });
    await app.ready();
    await app.close();
    const row = await db.kysely.selectFrom('document_banks').selectAll().where('id', '=', 'legacy-1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ emails: '[]', reply_senders: '[]', phones: '[]' });
    expect(row.contacts_enc).toMatch(/^v1\./);
    expect(await rawRows()).not.toContain('viejo.example');
    expect(await getBank(db.kysely, box, P, 'legacy-1')).toMatchObject({
      emails: ['solicitudes@viejo.example'],
      replySenders: ['@viejo.example'],
      phones: ['+52 81 1111 2222'],
    });
    expect(await sealLegacyBankContacts(db.kysely, box)).toBe(0);
  });
});
