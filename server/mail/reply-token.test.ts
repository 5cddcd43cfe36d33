import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeMessageId, replyToAddress, signReplyToken, verifyMessageId, verifyReplyAddress } from './reply-token.js';

const key = randomBytes(32);
const target = { portalId: 'p1', dealId: 456, bankId: 'banco-norte' };

describe('signed reply tokens', () => {
  it('a Reply-To address names deal and bank, fits in a local part, and verifies only for its portal', () => {
    const address = replyToAddress(key, target, 'approvals@lender.example');
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    expect(verifyReplyAddress(key, 'p1', address)).toEqual({ dealId: 456, bankId: 'banco-norte' });
    expect(verifyReplyAddress(key, 'p1', address.toUpperCase())).toEqual({ dealId: 456, bankId: 'banco-norte' });
    expect(verifyReplyAddress(key, 'p2', address)).toBeNull();
    expect(verifyReplyAddress(randomBytes(32), 'p1', address)).toBeNull();
  });

  it('changing the deal or the bank in a token breaks it', () => {
    const token = signReplyToken(key, target);
    expect(verifyReplyAddress(key, 'p1', `a+${token.replace('d456', 'd457')}@x.example`)).toBeNull();
    expect(verifyReplyAddress(key, 'p1', `a+${token.replace('banco-norte', 'bank-rus')}@x.example`)).toBeNull();
  });

  it('our Message-IDs verify, each is new, and a forged one does not', () => {
    const a = makeMessageId(key, target, 'lender.example');
    const b = makeMessageId(key, target, 'lender.example');
    expect(a).not.toBe(b);
    expect(verifyMessageId(key, 'p1', a)).toEqual({ dealId: 456, bankId: 'banco-norte' });
    expect(verifyMessageId(key, 'p1', a.replace('d456', 'd457'))).toBeNull();
    expect(verifyMessageId(key, 'p1', '<CAOx3f1Zk2V9@mail.gmail.com>')).toBeNull();
  });

  it('no random tag verifies (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^d\d{1,6}\.b[a-z]{3,8}\.[a-z2-7]{16}$/),
        (tag) => verifyReplyAddress(key, 'p1', `a+${tag}@x.example`) === null,
      ),
    );
  });

  it('refuses ids it cannot carry', () => {
    expect(() => signReplyToken(key, { ...target, bankId: 'Banco Norte' })).toThrow(RangeError);
    expect(() => signReplyToken(key, { ...target, dealId: 0 })).toThrow(RangeError);
  });
});
