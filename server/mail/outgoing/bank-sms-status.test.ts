import { describe, expect, it } from 'vitest';
import { bankSmsStatus } from './bank-sms-status.js';

describe('bankSmsStatus', () => {
  it('delivered to any phone is delivered; failed only when every phone failed', () => {
    expect(bankSmsStatus([])).toBe('queued');
    expect(bankSmsStatus(['requested', 'sending'])).toBe('queued');
    expect(bankSmsStatus(['unknown'])).toBe('queued');
    expect(bankSmsStatus(['queued', 'failed'])).toBe('sent');
    expect(bankSmsStatus(['undelivered', 'delivered'])).toBe('delivered');
    expect(bankSmsStatus(['failed', 'undelivered'])).toBe('failed');
  });
});
