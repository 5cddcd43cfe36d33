import { createHash } from 'node:crypto';
import type { PaymentLine } from '../types.js';

// The id of an imported payment is made from the payment itself, so the same payment gets the same
// id in every file it ever appears in — a re-sent file, a cumulative weekly file, the rows in
// another order — and registerPayment's idempotency (per loan, by id) books it once.
//
// The key is dealId | value date | amount | reference, each normalised so that spelling does not
// matter ("1500.5" = "1500.50", "  A-1 " = "A-1"); the portal is not in it because ids are only
// ever looked up within one loan of one portal. Two identical lines in ONE file are two payments
// (two customers' exact same instalment at the same store, no reference), so each line also
// carries its occurrence among identical keys in its file: 0 for the first, 1 for the second …
//
// Consequence: an identical line in a DIFFERENT file (same deal, day, amount, no reference) is
// taken to be the same payment and counts once. For agent files that is the right default — a
// day's payments arrive again in re-sent and cumulative files far more often than one customer
// pays the exact same amount twice on one day, and an import that books a duplicate moves money
// that never came. A file with a reference column (bank operation number) has no such ambiguity.
//
// Never change the normalisation or the hash layout: ids already booked would stop matching.

/** Prefix that marks a payment id made by the import (the loan tab makes UUIDs). */
export const IMPORT_ID_PREFIX = 'imp:';
const HASH_HEX_CHARS = 32; // 128 bits: collisions among a lender's payments are not a concern

/** "0010.500" → "10.5", "7.00" → "7": one spelling per decimal value (the parser gives plain decimals). */
export function canonicalAmount(amount: string): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!m) return amount.trim();
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

/** Trimmed, inner whitespace collapsed, Unicode NFC; empty → null. */
export function canonicalReference(reference: string | null): string | null {
  const r = (reference ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  return r === '' ? null : r;
}

export function paymentKey(line: Pick<PaymentLine, 'dealId' | 'date' | 'amount' | 'reference'>): string {
  return [line.dealId, line.date, canonicalAmount(line.amount), canonicalReference(line.reference) ?? ''].join('|');
}

export function importPaymentId(key: string, occurrence: number): string {
  const hex = createHash('sha256').update(`${key}#${occurrence}`).digest('hex');
  return IMPORT_ID_PREFIX + hex.slice(0, HASH_HEX_CHARS);
}

/**
 * Ids of one file's lines, one line at a time in the file's order (each line's occurrence among
 * identical keys counts the lines before it), so a long file can be worked through in slices.
 */
export function paymentIdSequence(): (line: PaymentLine) => string {
  const seen = new Map<string, number>();
  return (line) => {
    const key = paymentKey(line);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return importPaymentId(key, occurrence);
  };
}

/** The payment id of every line of one file, in the lines' order. */
export function paymentIdsOf(lines: readonly PaymentLine[]): string[] {
  return lines.map(paymentIdSequence());
}
