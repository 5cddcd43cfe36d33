import type { Executor } from '../../db/executor.js';
import { findBankByTag } from '../bank-lookup.js';
import type { BankPolicy } from '../auto-apply.js';
import type { ReplyContext } from '../understand.js';

// What a portal's mailbox reader knows when it judges a reply (understand.ts `ReplyContext`): the
// token key from config, each bank's allowed senders from the banks directory. Until the banks
// directory holds a per-bank authentication mode and amount band (issue 16 item 4), a bank is held
// to the strictest reading — DMARC must pass and the amount must be the one requested — and no
// deal's requested amount is known yet, so an amount never passes the band: every reply goes to
// the review queue, recorded with its reasons, and nothing moves by itself.
const STRICT = { authentication: 'dmarc', band: { min: '1', max: '1' } } as const;

export function replyContextFor(db: Executor, portalId: string, tokenKey: Buffer): ReplyContext {
  return {
    portalId,
    tokenKey,
    forwarders: [],
    // `bankId` here is the token's bank tag (bank-tag.ts).
    async policyFor(bankId): Promise<BankPolicy | null> {
      const bank = await findBankByTag(db, portalId, bankId);
      return bank ? { bankId, allowedSenders: bank.replySenders, ...STRICT, band: { ...STRICT.band } } : null;
    },
    requestFor: () => null,
  };
}
