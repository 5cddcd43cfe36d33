import { describe, expect, it } from 'vitest';
import { parseOpenpayWebhook } from './webhook.js';

const auth = `Basic ${Buffer.from('hook:s3cret').toString('base64')}`;
const creds = { user: 'hook', password: 's3cret' };

describe('parseOpenpayWebhook', () => {
  it('reads payout events as hints with our order id', () => {
    const body = {
      type: 'payout.succeeded',
      event_date: '2026-11-23T10:00:00-06:00',
      transaction: { id: 'trabc', order_id: '01a2-…', status: 'completed', transaction_type: 'payout' },
    };
    expect(parseOpenpayWebhook(body, auth, creds)).toEqual({
      kind: 'payout',
      type: 'payout.succeeded',
      transactionId: 'trabc',
      orderId: '01a2-…',
    });
  });
  it('reports the verification code and ignores other events', () => {
    expect(parseOpenpayWebhook({ type: 'verification', verification_code: 'A1b2C3' }, auth, creds)).toEqual({
      kind: 'verification',
      verificationCode: 'A1b2C3',
    });
    expect(parseOpenpayWebhook({ type: 'charge.succeeded', transaction: { id: 'x' } }, auth, creds)).toEqual({
      kind: 'other',
      type: 'charge.succeeded',
    });
  });
  it('refuses calls without the configured Basic credentials', () => {
    expect(() => parseOpenpayWebhook({ type: 'payout.failed', transaction: { id: 'x' } }, undefined, creds)).toThrow(/Basic credentials/);
    expect(() => parseOpenpayWebhook({ type: 'payout.failed', transaction: { id: 'x' } }, 'Basic AAAA', creds)).toThrow(
      /Basic credentials/,
    );
  });
});
