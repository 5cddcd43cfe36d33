/**
 * A sealed value (`v1.iv.tag.ct`, server/security/crypto.ts) altered the way a hand in the database
 * would alter it: one byte of the ciphertext flipped, so its AEAD tag no longer matches.
 */
export function tamperSealed(box: string): string {
  const parts = box.split('.');
  const ct = Buffer.from(parts[3]!, 'base64url');
  ct[0] = ct[0]! ^ 1;
  return [...parts.slice(0, 3), ct.toString('base64url')].join('.');
}
