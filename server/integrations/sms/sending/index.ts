// Exactly-once SMS: requestSms (intent keyed by message_id / event_token) → executeSms (outbox
// worker; never resends when the outcome is unknown) → applySmsStatus (receipts, forward only).
export { requestSms, normalisePhone, DEFAULT_SMS_MAX_ATTEMPTS, type SmsRequestInput, type RequestSmsOptions } from './request-sms.js';
export { executeSms, applySmsStatus, smsBackoffMs, type ExecuteSmsOptions, type ExecuteSmsResult } from './execute-sms.js';
export { findSmsById, findSmsByKey, type SmsRecord } from './sms-repo.js';
export { enqueueSmsSend, smsSendJob, recordSmsStatus, SMS_SEND_JOB, SMS_STATUS_JOB, type SmsProviderResolver } from './sms-jobs.js';
export type { SmsMessageStatus } from './tables.js';
