import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../errors.js';

// OpenPay webhook notifications (open-pay/slate webhooks.md): event types payout.created,
// payout.succeeded, payout.failed among others; optional HTTP Basic user/password that OpenPay
// sends with each call. The body is NOT signed, so it is only a hint: the handler must re-read the
// payout (refreshPayout / getPayoutByOrderId) before acting on it.
// UNVERIFIED(openpay): the verification call's exact shape — we accept a `verification_code` at
// the top level (integrations.md §6.2) and report it so an admin can confirm it.

export type OpenpayWebhook =
  | { kind: 'verification'; verificationCode: string }
  | { kind: 'payout'; type: 'payout.created' | 'payout.succeeded' | 'payout.failed'; transactionId: string; orderId: string | null }
  | { kind: 'other'; type: string };

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function parseOpenpayWebhook(
  body: unknown,
  authorization: string | undefined,
  credentials?: { user: string; password: string },
): OpenpayWebhook {
  if (credentials) {
    const expected = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
    if (!authorization || !same(authorization, expected))
      throw new AppError('UNAUTHORIZED', 'OpenPay webhook without the configured Basic credentials');
  }
  if (typeof body !== 'object' || body === null) throw new AppError('VALIDATION', 'OpenPay webhook body is not an object');
  const b = body as Record<string, unknown>;
  if (typeof b.verification_code === 'string' && b.verification_code)
    return { kind: 'verification', verificationCode: b.verification_code };
  const type = typeof b.type === 'string' ? b.type : '';
  if (type === 'payout.created' || type === 'payout.succeeded' || type === 'payout.failed') {
    const t = b.transaction as Record<string, unknown> | undefined;
    if (!t || typeof t.id !== 'string') throw new AppError('VALIDATION', `OpenPay ${type} without transaction.id`);
    return { kind: 'payout', type, transactionId: t.id, orderId: typeof t.order_id === 'string' ? t.order_id : null };
  }
  return { kind: 'other', type };
}
