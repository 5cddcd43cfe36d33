import { AppError } from '../../errors.js';

// Providers throw these so the sending service can tell "try again later" from "never works".
// `outcomeUnknown` marks failures after the request may have reached the provider (timeouts,
// dropped connections): the service must not blindly resend then.
export interface ProviderErrorInfo {
  retryable: boolean;
  outcomeUnknown?: boolean;
  providerCode?: string | number;
  httpStatus?: number;
}

export class ProviderError extends AppError {
  override name = 'ProviderError';
  constructor(
    code: string,
    message: string,
    readonly info: ProviderErrorInfo,
  ) {
    super(code, message, 'The SMS provider could not send the message.', { ...info }, info.retryable ? 503 : 502);
  }
}

export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError;
}
