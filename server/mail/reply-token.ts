import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Signed reply tokens. A message we send to a bank carries
//   Message-ID: <d{deal}.b{bank}.{nonce}.{mac}@{domain}>   (threading: In-Reply-To / References)
//   Reply-To:   {local}+d{deal}.b{bank}.{mac}@{domain}     (plus-addressing, for clients that drop References)
// The MAC is an HMAC-SHA256 over portal, deal, bank (and nonce) with a per-app key, so a reply can name
// only a deal and bank we wrote about, and only for the portal whose mailbox received it: the portal is
// in the MAC, not in the text, which keeps the local part under RFC 5321's 64 octets. Lower-case
// base32 because some servers fold the local part's case. Pure apart from the nonce's randomness.

export interface ReplyTarget {
  portalId: string;
  dealId: number;
  /** The bank's id in the bank directory: [a-z0-9-], at most 24 characters. */
  bankId: string;
}

const MAC_CHARS = 16; // 80 bits
const BANK_ID = /^[a-z0-9-]{1,24}$/;
const TOKEN = /^d(\d{1,12})\.b([a-z0-9-]{1,24})\.([a-z2-7]{16})$/;
const MESSAGE_ID = /^<?d(\d{1,12})\.b([a-z0-9-]{1,24})\.([a-z2-7]{8,26})\.([a-z2-7]{16})@[^<>\s]+>?$/i;

function mac(key: Buffer, purpose: string, parts: (string | number)[]): string {
  const h = createHmac('sha256', key).update(`b24-lending/reply/${purpose}/v1`);
  for (const p of parts) h.update('\0').update(String(p));
  return base32(h.digest()).slice(0, MAC_CHARS);
}

function checkTarget(t: ReplyTarget): void {
  if (!Number.isSafeInteger(t.dealId) || t.dealId <= 0) throw new RangeError('dealId must be a positive integer');
  if (!BANK_ID.test(t.bankId)) throw new RangeError('bankId must be [a-z0-9-], 1 to 24 characters');
}

/** The tag after "+" in the Reply-To local part. */
export function signReplyToken(key: Buffer, t: ReplyTarget): string {
  checkTarget(t);
  return `d${t.dealId}.b${t.bankId}.${mac(key, 'token', [t.portalId, t.dealId, t.bankId])}`;
}

export function replyToAddress(key: Buffer, t: ReplyTarget, mailbox: string): string {
  const [local, domain] = splitAddress(mailbox);
  return `${local}+${signReplyToken(key, t)}@${domain}`;
}

/** A fresh Message-ID for one outgoing message (store it: a retry must reuse it). */
export function makeMessageId(key: Buffer, t: ReplyTarget, domain: string, nonce = base32(randomBytes(10))): string {
  checkTarget(t);
  return `<d${t.dealId}.b${t.bankId}.${nonce}.${mac(key, 'message-id', [t.portalId, t.dealId, t.bankId, nonce])}@${domain}>`;
}

/** The deal and bank a recipient address's +tag names, when its MAC holds for this portal. */
export function verifyReplyAddress(key: Buffer, portalId: string, address: string): Omit<ReplyTarget, 'portalId'> | null {
  const local = splitAddress(address)[0];
  const tag = local.includes('+') ? local.slice(local.indexOf('+') + 1).toLowerCase() : '';
  const m = TOKEN.exec(tag);
  if (!m) return null;
  const [, deal, bankId, given] = m as unknown as [string, string, string, string];
  const dealId = Number(deal);
  return same(given, mac(key, 'token', [portalId, dealId, bankId])) ? { dealId, bankId } : null;
}

/** The deal and bank one of our own Message-IDs names, when its MAC holds for this portal. */
export function verifyMessageId(key: Buffer, portalId: string, messageId: string): Omit<ReplyTarget, 'portalId'> | null {
  const m = MESSAGE_ID.exec(messageId.trim());
  if (!m) return null;
  const [, deal, bank, nonce, given] = m as unknown as [string, string, string, string, string];
  const dealId = Number(deal);
  const bankId = bank.toLowerCase();
  return same(given.toLowerCase(), mac(key, 'message-id', [portalId, dealId, bankId, nonce])) ? { dealId, bankId } : null;
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf('@');
  if (at <= 0) throw new RangeError('not an e-mail address');
  return [address.slice(0, at), address.slice(at + 1)];
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
function base32(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}
