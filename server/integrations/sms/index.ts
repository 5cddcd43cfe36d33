// SMS providers behind one interface (provider.ts). The settings UI lists `smsProviders`; the
// sending service (sending/) resolves one per portal and calls `create(settings)`.
import { smppProvider } from './smpp/index.js';
import { twilioProvider } from './twilio/index.js';

export const smsProviders = { twilio: twilioProvider, smpp: smppProvider } as const;
export type SmsProviderCode = keyof typeof smsProviders;

export type { SmsProvider, SmsSendRequest, SmsSendResult, SmsStatus, SmsStatusUpdate, StatusCallbackRequest } from './provider.js';
export { FINAL_SMS_STATUSES } from './provider.js';
export { ProviderError, isProviderError } from './provider-error.js';
export { toBitrixSmsStatus } from './bitrix-status.js';
