import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestDb } from '../../test/support/test-db.js';
import { createSecretBox } from '../security/crypto.js';
import type { AppError } from '../errors.js';
import { getProviderSettings, listMaskedSettings, saveProviderSettings, settingsVersions } from './settings-repo.js';

const box = createSecretBox(Buffer.alloc(32, 3).toString('base64'));
const smpp = { host: '127.0.0.1', port: 2775, systemId: 'lender', password: 'pw123', sourceAddr: 'LENDER' };
const openpay = { merchantId: 'abcdefghijabcdefghij', privateKey: `sk_${'a'.repeat(32)}`, baseUrl: 'http://127.0.0.1:1' };

describe('portal provider settings store', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.close());

  it('saves with defaults, keeps the secret encrypted, and reads it back per portal', async () => {
    const saved = await saveProviderSettings(db.kysely, box, 'p1', 'sms', { provider: 'smpp', settings: smpp, userId: 1 });
    expect(saved.settings).toMatchObject({ ...smpp, maxSegments: 6, timeoutMs: 10_000 });
    const row = await db.kysely.selectFrom('portal_settings').selectAll().where('portal_id', '=', 'p1').executeTakeFirstOrThrow();
    expect(row.config).not.toContain('pw123');
    expect(row.secrets).toMatch(/^v1\./);
    expect(row.secrets).not.toContain('pw123');
    expect(await getProviderSettings(db.kysely, box, 'p2', 'sms')).toBeUndefined();
    const masked = await listMaskedSettings(db.kysely, box, 'p1');
    expect(masked).toEqual([expect.objectContaining({ kind: 'sms', provider: 'smpp', secrets: { password: 'set' }, updatedBy: 1 })]);
    expect(JSON.stringify(masked)).not.toContain('pw123');
  });

  it('keeps the stored secret when a save omits it, and bumps the version', async () => {
    const before = (await getProviderSettings(db.kysely, box, 'p1', 'sms'))!;
    const { password: _pw, ...noSecret } = smpp;
    const after = await saveProviderSettings(db.kysely, box, 'p1', 'sms', {
      provider: 'smpp',
      settings: { ...noSecret, maxSegments: 3 },
      userId: 2,
    });
    expect(after.settings).toMatchObject({ password: 'pw123', maxSegments: 3 });
    expect(after.version).toBe(before.version + 1);
    expect(after.updatedBy).toBe(2);
    expect((await settingsVersions(db.kysely, ['p1'])).get('p1')).toBe(`sms:${after.version};`);
  });

  it('refuses invalid settings and unknown fields without storing anything', async () => {
    await expect(
      saveProviderSettings(db.kysely, box, 'p3', 'payments', {
        provider: 'openpay',
        settings: { ...openpay, privateKey: 'nope' },
        userId: 1,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', status: 400 });
    await expect(
      saveProviderSettings(db.kysely, box, 'p3', 'payments', { provider: 'openpay', settings: { ...openpay, extra: 1 }, userId: 1 }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      saveProviderSettings(db.kysely, box, 'p3', 'payments', { provider: 'paypal', settings: {}, userId: 1 }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await getProviderSettings(db.kysely, box, 'p3', 'payments')).toBeUndefined();
  });

  it('refuses an SMSC address with a port or a space, naming the host field in the user language', async () => {
    for (const host of ['127.0.0.1:99x', 'smsc.example:2775', 'smsc example']) {
      const e: unknown = await saveProviderSettings(db.kysely, box, 'p3', 'sms', {
        provider: 'smpp',
        settings: { ...smpp, host },
        userId: 1,
      }).catch((x: unknown) => x);
      expect(e, host).toMatchObject({ code: 'VALIDATION', status: 400, details: { field: 'host' } });
      expect((e as AppError).textFor('ru')).toBe('Сервер — это имя хоста или IP-адрес, без порта и пробелов.');
    }
    expect(await getProviderSettings(db.kysely, box, 'p3', 'sms')).toBeUndefined();
  });

  it('a secret omitted when switching provider is not carried over, and manual needs none', async () => {
    await saveProviderSettings(db.kysely, box, 'p4', 'payments', { provider: 'openpay', settings: openpay, userId: 1 });
    await saveProviderSettings(db.kysely, box, 'p4', 'payments', { provider: 'manual', settings: {}, userId: 1 });
    const m = (await getProviderSettings(db.kysely, box, 'p4', 'payments'))!;
    expect(m).toMatchObject({ provider: 'manual', settings: { markAs: 'succeeded' } });
    const row = await db.kysely.selectFrom('portal_settings').select('secrets').where('portal_id', '=', 'p4').executeTakeFirstOrThrow();
    expect(row.secrets).toBeNull();
  });

  it("a ciphertext copied into another portal's row does not open: its secrets read as unreadable", async () => {
    await saveProviderSettings(db.kysely, box, 'p5', 'payments', {
      provider: 'openpay',
      settings: { ...openpay, privateKey: `sk_${'b'.repeat(32)}` },
      userId: 1,
    });
    await saveProviderSettings(db.kysely, box, 'p6', 'payments', { provider: 'openpay', settings: openpay, userId: 1 });
    const p5 = await db.kysely.selectFrom('portal_settings').select('secrets').where('portal_id', '=', 'p5').executeTakeFirstOrThrow();
    await db.kysely.updateTable('portal_settings').set({ secrets: p5.secrets }).where('portal_id', '=', 'p6').execute();
    const read = await getProviderSettings(db.kysely, box, 'p6', 'payments');
    expect(read).toMatchObject({ provider: 'openpay', secretsUnreadable: true });
    expect(read!.settings.privateKey).toBeUndefined();
  });
});
