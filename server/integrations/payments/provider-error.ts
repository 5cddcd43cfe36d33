import { AppError } from '../../errors.js';

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

export class PaymentProviderError extends AppError {
  override name = 'PaymentProviderError';
  constructor(
    code: string,
    message: string,
    readonly info: PaymentProviderErrorInfo,
  ) {
    super(code, message, 'The payment provider could not make the payout.', { ...info }, info.retryable ? 503 : 502);
  }
}

export function isPaymentProviderError(e: unknown): e is PaymentProviderError {
  return e instanceof PaymentProviderError;
}
