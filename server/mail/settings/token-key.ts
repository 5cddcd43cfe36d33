import { createHmac } from 'node:crypto';
import { parseKey } from '../../security/crypto.js';

// The key of the reply tokens (server/mail/reply-token.ts takes it as bytes). Its own variable lets
// ENCRYPTION_KEY be rotated without breaking the tokens in mail already sent; unset, it is derived
// from ENCRYPTION_KEY under its own label, so the encryption key itself is never used as an HMAC key.
export function replyTokenKey(c: { MAIL_REPLY_TOKEN_KEY?: string | undefined; ENCRYPTION_KEY: string }): Buffer {
  if (c.MAIL_REPLY_TOKEN_KEY) return parseKey(c.MAIL_REPLY_TOKEN_KEY);
  return createHmac('sha256', parseKey(c.ENCRYPTION_KEY)).update('b24-lending/reply-token-key/v1').digest();
}
