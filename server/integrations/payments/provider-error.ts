import { AppError, type ErrorCode } from '../../errors.js';

// Thrown by payment providers. `outcomeUnknown`: the request may have reached the provider
// (timeout, 5xx, dropped connection) — the payout service asks the provider before any retry.
// `duplicate`: the provider already has a payout with this order id.
export interface PaymentProviderErrorInfo {
  retryable: boolean;
  outcomeUnknown?: boolean;
  duplicate?: boolean;
  providerCode?: string | number;
  httpStatus?: number;
  requestId?: string;
}

/** The codes a payment provider fails with (statuses and texts in server/errors.ts). */
export type PaymentProviderErrorCode = Extract<ErrorCode, `PAYOUT_${string}`>;

export class PaymentProviderError extends AppError {
  override name = 'PaymentProviderError';
  declare readonly code: PaymentProviderErrorCode;
  constructor(
    code: PaymentProviderErrorCode,
    message: string,
    readonly info: PaymentProviderErrorInfo,
  ) {
    super(code, message, undefined, { ...info });
  }
}

export function isPaymentProviderError(e: unknown): e is PaymentProviderError {
  return e instanceof PaymentProviderError;
}
