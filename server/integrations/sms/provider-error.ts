import { AppError, type ErrorCode } from '../../errors.js';

// Providers throw these so the sending service can tell "try again later" from "never works".
// `outcomeUnknown` marks failures after the request may have reached the provider (timeouts,
// dropped connections): the service must not blindly resend then.
export interface ProviderErrorInfo {
  retryable: boolean;
  outcomeUnknown?: boolean;
  providerCode?: string | number;
  httpStatus?: number;
}

/** The codes an SMS provider fails with (statuses and texts in server/errors.ts). */
export type SmsProviderErrorCode = Extract<ErrorCode, `SMS_PROVIDER_${string}` | `SMPP_${string}`>;

export class ProviderError extends AppError {
  override name = 'ProviderError';
  declare readonly code: SmsProviderErrorCode;
  constructor(
    code: SmsProviderErrorCode,
    message: string,
    readonly info: ProviderErrorInfo,
  ) {
    super(code, message, undefined, { ...info });
  }
}

export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError;
}
