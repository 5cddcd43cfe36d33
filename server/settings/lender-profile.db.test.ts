import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestDb } from '../../test/support/test-db.js';
import { createSecretBox } from '../security/crypto.js';
import { getLenderProfile, saveLenderProfile } from './lender-profile.js';
import { listMaskedSettings, saveProviderSettings, settingsVersions } from './settings-repo.js';

// The lender's company name lives beside the provider settings: scoped by portal, versioned so
// other processes' caches notice a save, and never listed among the providers.
const box = createSecretBox(Buffer.alloc(32, 5).toString('base64'));
const smpp = { host: '127.0.0.1', port: 2775, systemId: 'lender', password: 'pw123', sourceAddr: 'LENDER' };

describe('lender profile store', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.close());

  it('saves the company name per portal, trimmed, and bumps the version on each save', async () => {
    expect(await getLenderProfile(db.kysely, 'p1')).toBeUndefined();
    await saveLenderProfile(db.kysely, 'p1', { companyName: '  Presta Ya ' }, 7);
    expect(await getLenderProfile(db.kysely, 'p1')).toEqual({ companyName: 'Presta Ya', version: 1 });
    await saveLenderProfile(db.kysely, 'p1', { companyName: 'Presta Ya SA de CV' }, 7);
    expect(await getLenderProfile(db.kysely, 'p1')).toEqual({ companyName: 'Presta Ya SA de CV', version: 2 });
    expect(await getLenderProfile(db.kysely, 'p2')).toBeUndefined();
  });

  it('is in the settings versions but not among the provider settings', async () => {
    await saveProviderSettings(db.kysely, box, 'p1', 'sms', { provider: 'smpp', settings: smpp, userId: 1 });
    expect((await settingsVersions(db.kysely, ['p1'])).get('p1')).toBe('lender:2;sms:1;');
    expect((await listMaskedSettings(db.kysely, box, 'p1')).map((s) => s.kind)).toEqual(['sms']);
  });
});
