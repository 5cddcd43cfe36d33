import { describe, expect, it } from 'vitest';
import { createSecretBox, safeEqual, safeEqualHex } from './crypto.js';
import { createSessionSigner } from './session.js';
import { uuidv7 } from './uuidv7.js';

const KEY = Buffer.alloc(32, 1).toString('base64');

describe('secret box', () => {
  it('round-trips, uses a fresh IV each time, and binds ciphertext to its AAD', () => {
    const box = createSecretBox(KEY);
    const a = box.encrypt('token-123', 'portals:p1:access');
    const b = box.encrypt('token-123', 'portals:p1:access');
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.')).toBe(true);
    expect(a).not.toContain('token-123');
    expect(box.decrypt(a, 'portals:p1:access')).toBe('token-123');
    expect(() => box.decrypt(a, 'portals:p2:access')).toThrow();
    expect(() => createSecretBox(Buffer.alloc(32, 2).toString('base64')).decrypt(a, 'portals:p1:access')).toThrow();
    const [v, iv, tag, ct] = a.split('.');
    const flipped = Buffer.from(ct!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.decrypt([v, iv, tag, flipped.toString('base64url')].join('.'), 'portals:p1:access')).toThrow();
    expect(() => box.decrypt(`v9.${iv}.${tag}.${ct}`)).toThrow(/unsupported/);
  });

  it('hashes deterministically under the key and compares in constant time', () => {
    const box = createSecretBox(KEY);
    expect(box.hash('t')).toBe(box.hash('t'));
    expect(box.hash('t')).not.toBe(createSecretBox(Buffer.alloc(32, 3).toString('base64')).hash('t'));
    expect(safeEqualHex(box.hash('t'), box.hash('t'))).toBe(true);
    expect(safeEqualHex(box.hash('t'), box.hash('u'))).toBe(false);
    expect(safeEqualHex('', '')).toBe(false);
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });

  it('refuses a short key', () => {
    expect(() => createSecretBox(Buffer.alloc(16).toString('base64'))).toThrow(/ENCRYPTION_KEY/);
  });
});

describe('sessions', () => {
  it('issues, verifies, expires and refuses tampering', () => {
    let now = 1_000_000_000_000;
    const s = createSessionSigner('x'.repeat(32), 900, () => now);
    const t = s.issue({ portalId: 'p', userId: 3, isAdmin: false, dealId: 9, ttlSec: 60 });
    expect(s.verify(t)).toMatchObject({ portalId: 'p', userId: 3, dealId: 9, isAdmin: false });
    expect(createSessionSigner('y'.repeat(32), 900, () => now).verify(t)).toBeNull();
    expect(s.verify(t.slice(0, -2) + '00')).toBeNull();
    expect(s.verify('garbage')).toBeNull();
    now += 61_000;
    expect(s.verify(t)).toBeNull();
  });

  it('compares the signature strictly: exact length, lowercase hex only', () => {
    const s = createSessionSigner('x'.repeat(32), 900, () => 1_000_000_000_000);
    const t = s.issue({ portalId: 'p', userId: 3, isAdmin: false });
    const [p, sig] = t.split('.') as [string, string];
    expect(s.verify(`${p}.${sig}`)).not.toBeNull();
    expect(s.verify(`${p}.${sig.toUpperCase()}`)).toBeNull();
    expect(s.verify(`${p}.${sig}zz`)).toBeNull();
    expect(s.verify(`${p}.${sig}00`)).toBeNull();
    expect(s.verify(`${p}.${sig} `)).toBeNull();
    expect(s.verify(`${p}.${sig.slice(0, -1)}`)).toBeNull();
    expect(s.verify(`${p}.${sig.slice(0, 32)}`)).toBeNull();
    expect(safeEqualHex('ab', 'AB')).toBe(false);
    expect(safeEqualHex('abc', 'abc')).toBe(false);
    expect(safeEqualHex('ab', 'ab')).toBe(true);
  });
});

describe('uuidv7', () => {
  it('is time-ordered and well-formed', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a < b).toBe(true);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('secret box: open (stored values)', () => {
  it('answers undefined for an altered or misplaced ciphertext and reports where, never the value', () => {
    const where: string[] = [];
    const box = createSecretBox(KEY, (w) => where.push(w));
    const a = box.encrypt('Juana Pérez', 'document_values:p1:app1::name');
    expect(box.open(a, 'document_values:p1:app1::name')).toBe('Juana Pérez');
    expect(box.open(a, 'document_values:p2:app1::name')).toBeUndefined();
    expect(box.open(`${a.slice(0, -2)}AA`, 'document_values:p1:app1::name')).toBeUndefined();
    expect(box.open('not a ciphertext', 'portals:p1:access')).toBeUndefined();
    expect(where).toEqual(['document_values:p2', 'document_values:p1', 'portals:p1']);
    expect(where.join()).not.toContain('Juana');
  });
});
