import { createCipheriv, createHash, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Secrets at rest (portal tokens): AES-256-GCM with a 96-bit random IV per value.
// Format `v1.<iv>.<tag>.<ciphertext>` (base64url parts) so the key or scheme can be rotated later:
// a reader dispatches on the version prefix. `aad` binds a ciphertext to its row and column, so a
// value copied from one portal's row to another's fails to decrypt.
const VERSION = 'v1';

export interface SecretBox {
  encrypt(plain: string, aad?: string): string;
  decrypt(box: string, aad?: string): string;
  /**
   * decrypt for stored values: undefined (never a throw) when the ciphertext does not open — altered
   * in the database, copied from another row (aad mismatch), or sealed under another key. Reported to
   * the box's onUnreadable with where it was (table and portal, from the aad), never the value.
   */
  open(box: string, aad: string): string | undefined;
  /** Keyed hash for values we only ever compare (application_token): not reversible. */
  hash(value: string): string;
}

/** base64 of 32 random bytes; a longer value (≥ 32 bytes decoded) is hashed down to 32 bytes. */
export function parseKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length === 32) return key;
  if (key.length > 32) return createHash('sha256').update(key).digest();
  throw new Error('ENCRYPTION_KEY must be base64 of at least 32 bytes');
}

/** Where an unreadable value was: the aad's first two parts (`table:portal`), ids only, nothing personal. */
export type UnreadableReport = (where: string) => void;

export function createSecretBox(keyBase64: string, onUnreadable: UnreadableReport = () => {}): SecretBox {
  const key = parseKey(keyBase64);
  // A separate subkey for hashing so the encryption key is never used for two purposes.
  const hashKey = createHmac('sha256', key).update('b24-lending/hash-key/v1').digest();
  const decrypt = (box: string, aad?: string): string => {
    const [v, iv, tag, ct] = box.split('.');
    if (v !== VERSION || !iv || !tag || ct === undefined) throw new Error('unsupported ciphertext format');
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    if (aad) d.setAAD(Buffer.from(aad));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
  };
  return {
    encrypt(plain, aad) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      if (aad) c.setAAD(Buffer.from(aad));
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return [VERSION, iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
    },
    decrypt,
    open(box, aad) {
      try {
        return decrypt(box, aad);
      } catch {
        // A stored value that does not open is not the caller's input and retrying will not help:
        // the reader shows it as unreadable (or asks for it again) instead of failing the request.
        onUnreadable(aad.split(':').slice(0, 2).join(':'));
        return undefined;
      }
    },
    hash(value) {
      return createHmac('sha256', hashKey).update(value).digest('hex');
    },
  };
}

/** Constant-time string equality: compares fixed-length digests, so neither content nor length leaks. */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHmac('sha256', 'cmp').update(a).digest();
  const hb = createHmac('sha256', 'cmp').update(b).digest();
  return timingSafeEqual(ha, hb);
}

const LOWER_HEX = /^(?:[0-9a-f]{2})+$/;

/**
 * Constant-time comparison of two hex digests. Strict on form: both must be lowercase hex of the
 * same, even, non-zero length — Buffer.from(…, 'hex') alone stops at the first non-hex character
 * and ignores case, so `DIGEST`, `digest+garbage` or a truncated half would otherwise verify.
 */
export function safeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length || !LOWER_HEX.test(a) || !LOWER_HEX.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}
