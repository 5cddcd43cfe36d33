import { AppError } from '../../../errors.js';
import { analyzeSms, assertWithinLimit, type SmsLimit } from '../encoding/index.js';
import { ProviderError } from '../provider-error.js';
import type { SmsProvider, SmsSendRequest, SmsSendResult, SmsStatus, SmsStatusUpdate, StatusCallbackRequest } from '../provider.js';
import type { TwilioSettings } from './schema.js';
import { verifyTwilioSignature } from './signature.js';

// Client for Twilio's Messages API (twilio.com/docs/messaging/api/message-resource), via fetch.
// Twilio has no idempotency key on message create, so exactly-once is the caller's job
// (server/integrations/sms/sms-service.ts stores the intent first and never blindly resends).

const STATUS_MAP: Readonly<Record<string, SmsStatus>> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  partially_delivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

export function normaliseTwilioStatus(status: string): SmsStatus {
  const s = STATUS_MAP[status];
  if (!s) throw new AppError('VALIDATION', `Unknown Twilio message status "${status}"`);
  return s;
}

interface TwilioMessage {
  sid: string;
  status: string;
  num_segments?: string | number | null;
  error_code?: number | null;
  error_message?: string | null;
}

interface TwilioErrorBody {
  code?: number;
  message?: string;
  more_info?: string;
  status?: number;
}

export class TwilioSmsClient implements SmsProvider {
  readonly code = 'twilio';
  readonly limit: SmsLimit;

  constructor(
    private readonly settings: TwilioSettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.limit = { maxSegments: settings.maxSegments, ...(settings.maxChars ? { maxUnits: settings.maxChars } : {}) };
  }

  async send(request: SmsSendRequest): Promise<SmsSendResult> {
    const analysis = analyzeSms(request.text);
    assertWithinLimit(analysis, this.limit);
    const form = new URLSearchParams({ To: request.to, From: request.sender ?? this.settings.from, Body: analysis.text });
    if (this.settings.statusCallbackUrl) form.set('StatusCallback', this.settings.statusCallbackUrl);
    const url = `${this.settings.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(this.settings.accountSid)}/Messages.json`;
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${this.settings.accountSid}:${this.settings.authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (e) {
      // A timeout may fire after Twilio accepted the message: the outcome is unknown.
      throw new ProviderError('SMS_PROVIDER_UNAVAILABLE', `Twilio request failed: ${(e as Error).message}`, {
        retryable: true,
        outcomeUnknown: true,
      });
    }
    const body = (await res.json().catch(() => ({}))) as TwilioMessage & TwilioErrorBody;
    if (!res.ok) throw this.toError(res.status, body);
    const segments = Number(body.num_segments ?? 0) || analysis.segments;
    return { providerMessageId: body.sid, segments, status: normaliseTwilioStatus(body.status) };
  }

  private toError(httpStatus: number, body: TwilioErrorBody): ProviderError {
    const detail = `Twilio ${httpStatus} code ${body.code ?? '?'}: ${body.message ?? 'no message'}`;
    // 429 and 5xx happen before a message is created (Twilio answers them without a sid).
    const retryable = httpStatus === 429 || httpStatus >= 500;
    const code = httpStatus === 401 ? 'SMS_PROVIDER_AUTH' : retryable ? 'SMS_PROVIDER_UNAVAILABLE' : 'SMS_PROVIDER_REJECTED';
    return new ProviderError(code, detail, { retryable, httpStatus, ...(body.code !== undefined ? { providerCode: body.code } : {}) });
  }

  /** Verifies X-Twilio-Signature, then maps MessageSid/MessageStatus/ErrorCode. */
  parseStatusCallback(request: StatusCallbackRequest): SmsStatusUpdate {
    const header = request.headers['x-twilio-signature'];
    const signature = Array.isArray(header) ? header[0] : header;
    if (!signature || !verifyTwilioSignature(this.settings.authToken, request.url, request.body, signature)) {
      throw new AppError('UNAUTHORIZED', 'Twilio status callback with a missing or wrong X-Twilio-Signature');
    }
    const sid = request.body.MessageSid;
    const status = request.body.MessageStatus;
    if (typeof sid !== 'string' || typeof status !== 'string')
      throw new AppError('VALIDATION', 'Twilio status callback without MessageSid/MessageStatus');
    const errorCode = request.body.ErrorCode;
    return {
      providerMessageId: sid,
      status: normaliseTwilioStatus(status),
      ...(typeof errorCode === 'string' && errorCode ? { errorCode } : {}),
    };
  }
}
