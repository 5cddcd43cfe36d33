import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import { currencyScale } from '../../../lending/currency.js';
import { AppError } from '../../errors.js';

/**
 * A positive amount in the currency's scale, as a normalised decimal string ("100" → "100.00").
 * The scale is lending/currency.ts's (the one table: KWD 3, XOF 0, MXN 2); a loan's currency is
 * known there, the core refused the loan otherwise.
 */
export function positiveAmount(value: string, currency: string, field: string): string {
  if (!/^\d{1,15}(\.\d{1,10})?$/.test(value))
    throw new AppError('VALIDATION', `${field} is not a decimal`, { key: 'AMOUNT_NOT_DECIMAL', params: { field } }, { field });
  const d = new Decimal(value);
  const scale = currencyScale(currency);
  if (d.lte(0))
    throw new AppError('AMOUNT_NOT_POSITIVE', `${field} ≤ 0`, { key: 'AMOUNT_NOT_POSITIVE_FIELD', params: { field } }, { field });
  if (d.decimalPlaces() > scale)
    throw new AppError(
      'AMOUNT_SCALE',
      `${field} has more than ${scale} decimals`,
      { key: 'AMOUNT_SCALE_FIELD', params: { field, scale, currency } },
      { field },
    );
  return d.toFixed(scale);
}

/** Stable hash of a request body, to tell a replay from a different request under the same id. */
export function requestHash(body: Record<string, string | number | null>): string {
  const keys = Object.keys(body).sort();
  return createHash('sha256')
    .update(JSON.stringify(keys.map((k) => [k, body[k]])))
    .digest('hex');
}
