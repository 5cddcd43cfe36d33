import type { SmsEncoding, SmsLimit } from './encoding/index.js';

// One interface in front of every SMS gateway (integrations.md §2.4 design note). Statuses are
// normalised to what Bitrix24's messageservice understands; `queued` and `sent` are progress,
// `delivered | undelivered | failed` are what messageservice.message.status.update accepts.

export type SmsStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';

export const FINAL_SMS_STATUSES: ReadonlySet<SmsStatus> = new Set(['delivered', 'undelivered', 'failed']);

export interface SmsSendRequest {
  /** E.164, e.g. +5215512345678. */
  to: string;
  /** Already normalised text (SmsAnalysis.text): providers send it as is. */
  text: string;
  encoding: SmsEncoding;
  /** Stable across retries of the same message (ours, not the provider's). */
  idempotencyKey: string;
  /** Sender id / from number; the provider's default when absent. */
  sender?: string;
}

export interface SmsSendResult {
  providerMessageId: string;
  segments: number;
  status: SmsStatus;
}

export interface SmsStatusUpdate {
  providerMessageId: string;
  status: SmsStatus;
  errorCode?: string;
}

/** What an HTTP status callback looks like once Fastify has parsed it. */
export interface StatusCallbackRequest {
  /** The full public URL the provider posted to (signatures cover it). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

export interface SmsProvider {
  readonly code: string;
  /** Refused before sending when exceeded (assertWithinLimit). */
  readonly limit: SmsLimit;
  send(request: SmsSendRequest): Promise<SmsSendResult>;
  /** HTTP providers: verify and parse a status callback. Throws AppError on a bad signature. */
  parseStatusCallback?(request: StatusCallbackRequest): SmsStatusUpdate;
  /** Push providers (SMPP): delivery receipts arrive on the connection. Returns an unsubscribe. */
  onStatus?(listener: (update: SmsStatusUpdate) => void): () => void;
  close?(): Promise<void>;
}
