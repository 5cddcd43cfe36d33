import type { DnsResolver } from 'mailauth';
import type { Executor } from '../../db/executor.js';
import type { SecretBox } from '../../security/crypto.js';
import { replyContextOf } from '../policy/reply-context.js';
import type { ReplyContext } from '../understand.js';

// What a portal's mailbox reader knows when it judges a reply (understand.ts `ReplyContext`): the
// token key from config; each bank's allowed senders, sender authentication and amount band from the
// banks directory (server/mail/policy, the token's bank tag resolved by bank-lookup.ts); the amount
// the deal asked for from its saved loan; the forwarders from the portal's mail settings — read when
// the reader starts, and a save restarts the reader (settings version), so an edit takes effect at once.
// `resolver`: the DNS the sender checks ask (default: the system's; tests pass a table).
export function replyContextFor(
  db: Executor,
  box: SecretBox,
  portalId: string,
  tokenKey: Buffer,
  forwarders: string[],
  resolver?: DnsResolver,
): ReplyContext {
  return replyContextOf(db, box, { portalId, tokenKey, forwarders, ...(resolver ? { resolver } : {}) });
}
