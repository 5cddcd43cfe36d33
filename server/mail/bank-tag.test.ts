import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../security/uuidv7.js';
import { bankIdPrefixOfTag, bankTagOf } from './bank-tag.js';
import { signReplyToken, verifyReplyAddress } from './reply-token.js';

describe('bank tags in reply tokens', () => {
  it('writes a UUIDv7 as 12 base-36 characters that name its first 18', () => {
    for (let i = 0; i < 200; i++) {
      const id = uuidv7();
      const tag = bankTagOf(id);
      expect(tag).toMatch(/^[0-9a-z]{12}$/);
      expect(bankIdPrefixOfTag(tag)).toBe(id.slice(0, 18));
    }
    expect(bankTagOf('banco-norte')).toBe('banco-norte');
    expect(bankIdPrefixOfTag('banco-norte')).toBeNull();
  });

  it('keeps a signed reply address within 64 octets for a 10-digit deal and a 12-character mailbox', () => {
    const key = Buffer.alloc(32, 3);
    const bankId = uuidv7();
    const token = signReplyToken(key, { portalId: 'p1', dealId: 1_234_567_890, bankId: bankTagOf(bankId) });
    const address = `aprobaciones+${token}@lender.example`;
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    const back = verifyReplyAddress(key, 'p1', address);
    expect(back && bankIdPrefixOfTag(back.bankId)).toBe(bankId.slice(0, 18));
  });
});
