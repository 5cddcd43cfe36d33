import * as smpp from 'smpp';
import { analyzeSms, assertWithinLimit, type SmsLimit } from '../encoding/index.js';
import { isProviderError, ProviderError } from '../provider-error.js';
import {
  FINAL_SMS_STATUSES,
  type SmsProvider,
  type SmsSendRequest,
  type SmsSendResult,
  type SmsStatus,
  type SmsStatusUpdate,
} from '../provider.js';
import { buildSubmitParts, type SubmitPart } from './pdu-parts.js';
import { parseReceipt } from './receipt.js';
import type { SmppSettings } from './schema.js';

// SMPP 3.4 transceiver on npm `smpp`: one bound session, re-bound with exponential back-off after
// a drop; submit_sm per part; deliver_sm receipts become status updates for the whole message.

const ESM_CLASS_TYPE_MASK = 0x3c;
const ESM_CLASS_DELIVERY_RECEIPT = 0x04;
// Statuses where the SMSC did not take the message but may later (SMPP 3.4 §5.1.3).
const RETRYABLE_STATUS = new Set([0x08, 0x14, 0x58]); // ESME_RSYSERR, ESME_RMSGQFUL, ESME_RTHROTTLED
// Bind failures that retrying cannot fix.
const FATAL_BIND_STATUS = new Set([0x0e, 0x0f]); // ESME_RINVPASWD, ESME_RINVSYSID

function statusName(status: number): string {
  const name = Object.entries(smpp.errors).find(([, v]) => v === status)?.[0] ?? 'unknown';
  return `${name} (0x${status.toString(16).padStart(8, '0')})`;
}

const MAX_TRACKED_PARTS = 50_000;

const SEVERITY: Readonly<Record<SmsStatus, number>> = { queued: 0, sent: 1, delivered: 2, undelivered: 3, failed: 4 };

interface PartGroup {
  messageId: string;
  pending: Set<string>;
  worst: SmsStatus;
  errorCode?: string;
}

export class SmppSmsClient implements SmsProvider {
  readonly code = 'smpp';
  readonly limit: SmsLimit;
  private binding: Promise<smpp.Session> | undefined;
  private session: smpp.Session | undefined;
  private closed = false;
  private fatal: ProviderError | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectAttempt = 0;
  private readonly listeners = new Set<(u: SmsStatusUpdate) => void>();
  // In memory only: after a restart, receipts for the remaining parts arrive under part ids.
  private readonly groups = new Map<string, PartGroup>();

  constructor(private readonly settings: SmppSettings) {
    this.limit = { maxSegments: settings.maxSegments, ...(settings.maxChars ? { maxUnits: settings.maxChars } : {}) };
  }

  /** Binds now (otherwise the first send does). Rejects with SMPP_BIND_REFUSED or SMS_PROVIDER_UNAVAILABLE. */
  async connect(): Promise<void> {
    await this.ensureBound();
  }

  get isBound(): boolean {
    return this.session !== undefined;
  }

  onStatus(listener: (u: SmsStatusUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async send(request: SmsSendRequest): Promise<SmsSendResult> {
    const analysis = analyzeSms(request.text);
    assertWithinLimit(analysis, this.limit); // refused before anything goes on the wire
    const { parts } = buildSubmitParts(analysis.text, request.idempotencyKey);
    const session = await this.ensureBound();
    const ids: string[] = [];
    for (const part of parts) {
      try {
        ids.push(await this.submit(session, part, request));
      } catch (e) {
        if (ids.length > 0 && isProviderError(e)) {
          throw new ProviderError(e.code, `${e.message} (after ${ids.length} of ${parts.length} parts were accepted)`, {
            ...e.info,
            outcomeUnknown: true,
          });
        }
        throw e;
      }
    }
    const messageId = ids[0] as string;
    if (ids.length > 1) {
      const group: PartGroup = { messageId, pending: new Set(ids), worst: 'queued' };
      for (const id of ids) this.groups.set(id, group);
      // Bounded: receipts that never come must not grow memory forever (oldest entries go first).
      for (const oldest of this.groups.keys()) {
        if (this.groups.size <= MAX_TRACKED_PARTS) break;
        this.groups.delete(oldest);
      }
    }
    return { providerMessageId: messageId, segments: parts.length, status: 'queued' };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const session = this.session ?? (await this.binding?.catch(() => undefined));
    this.session = undefined;
    this.binding = undefined;
    if (!session) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => session.destroy(() => resolve()), 1000);
      session.close(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  private ensureBound(): Promise<smpp.Session> {
    if (this.closed) return Promise.reject(new ProviderError('SMS_PROVIDER_UNAVAILABLE', 'SMPP client is closed', { retryable: true }));
    if (this.fatal) return Promise.reject(this.fatal);
    this.binding ??= this.bind().catch((e: unknown) => {
      this.binding = undefined;
      throw e;
    });
    return this.binding;
  }

  private where(): string {
    return `${this.settings.host}:${this.settings.port} as "${this.settings.systemId}"`;
  }

  private bind(): Promise<smpp.Session> {
    const s = this.settings;
    return new Promise((resolve, reject) => {
      const session = smpp.connect({
        host: s.host,
        port: s.port,
        ...(s.enquireLinkMs > 0 ? { auto_enquire_link_period: s.enquireLinkMs } : {}),
      });
      session.setMaxListeners(0);
      let settled = false;
      const fail = (e: ProviderError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        session.destroy();
        reject(e);
      };
      const timer = setTimeout(
        () =>
          fail(
            new ProviderError('SMS_PROVIDER_UNAVAILABLE', `SMPP bind to ${this.where()} timed out after ${s.timeoutMs} ms`, {
              retryable: true,
            }),
          ),
        s.timeoutMs,
      );
      session.on('error', (e: Error) =>
        fail(new ProviderError('SMS_PROVIDER_UNAVAILABLE', `SMPP connection to ${this.where()} failed: ${e.message}`, { retryable: true })),
      );
      session.on('connect', () => {
        session.bind_transceiver(
          { system_id: s.systemId, password: s.password, system_type: s.systemType, interface_version: 0x34 },
          (pdu) => {
            if (pdu.command_status !== 0) {
              const retryable = !FATAL_BIND_STATUS.has(pdu.command_status);
              const e = new ProviderError(
                'SMPP_BIND_REFUSED',
                `SMPP bind_transceiver refused by ${this.where()}: ${statusName(pdu.command_status)}`,
                {
                  retryable,
                  providerCode: pdu.command_status,
                },
              );
              if (!retryable) this.fatal = e; // wrong credentials: stop knocking until reconfigured
              fail(e);
              return;
            }
            settled = true;
            clearTimeout(timer);
            this.session = session;
            this.reconnectAttempt = 0;
            resolve(session);
          },
        );
      });
      session.on('deliver_sm', (pdu: smpp.Pdu) => this.onDeliverSm(session, pdu));
      session.on('enquire_link', (pdu: smpp.Pdu) => session.send(pdu.response()));
      session.on('unbind', (pdu: smpp.Pdu) => {
        session.send(pdu.response());
        session.close();
      });
      session.on('close', () => {
        fail(new ProviderError('SMS_PROVIDER_UNAVAILABLE', `SMPP connection to ${this.where()} closed before bind`, { retryable: true }));
        if (this.session === session) {
          this.session = undefined;
          this.binding = undefined;
          this.scheduleReconnect();
        }
      });
    });
  }

  /** Re-binds in the background so receipts keep flowing; sends also re-bind on demand. */
  private scheduleReconnect(): void {
    if (this.closed || this.fatal || this.listeners.size === 0 || this.reconnectTimer) return;
    const delay = Math.min(this.settings.reconnectBaseMs * 2 ** this.reconnectAttempt, this.settings.reconnectMaxMs);
    this.reconnectAttempt++;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.binding || this.closed) return;
      this.ensureBound().catch(() => this.scheduleReconnect());
    }, delay);
    this.reconnectTimer.unref();
  }

  private submit(session: smpp.Session, part: SubmitPart, request: SmsSendRequest): Promise<string> {
    const sender = request.sender ?? this.settings.sourceAddr;
    const numericSender = /^\+?\d+$/.test(sender);
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        session.off('close', onClose);
      };
      const onClose = () => {
        cleanup();
        reject(
          new ProviderError('SMS_PROVIDER_UNAVAILABLE', 'SMPP connection closed before submit_sm_resp', {
            retryable: true,
            outcomeUnknown: true,
          }),
        );
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new ProviderError('SMS_PROVIDER_UNAVAILABLE', `No submit_sm_resp within ${this.settings.timeoutMs} ms`, {
            retryable: true,
            outcomeUnknown: true,
          }),
        );
      }, this.settings.timeoutMs);
      session.once('close', onClose);
      const written = session.submit_sm(
        {
          source_addr_ton: numericSender ? 1 : 5,
          source_addr_npi: numericSender ? 1 : 0,
          source_addr: sender.replace(/^\+/, ''),
          dest_addr_ton: 1,
          dest_addr_npi: 1,
          destination_addr: request.to.replace(/^\+/, ''),
          esm_class: part.esmClass,
          data_coding: part.dataCoding,
          registered_delivery: 1,
          short_message: part.shortMessage,
        },
        (pdu) => {
          cleanup();
          if (pdu.command_status === 0) return resolve(String(pdu.message_id));
          const retryable = RETRYABLE_STATUS.has(pdu.command_status);
          reject(
            new ProviderError(
              retryable ? 'SMS_PROVIDER_UNAVAILABLE' : 'SMS_PROVIDER_REJECTED',
              `SMSC refused submit_sm: ${statusName(pdu.command_status)}`,
              {
                retryable,
                providerCode: pdu.command_status,
              },
            ),
          );
        },
      );
      if (!written) {
        cleanup();
        reject(new ProviderError('SMS_PROVIDER_UNAVAILABLE', 'SMPP socket not writable; nothing sent', { retryable: true }));
      }
    });
  }

  private onDeliverSm(session: smpp.Session, pdu: smpp.Pdu): void {
    session.send(pdu.response());
    const esm = typeof pdu.esm_class === 'number' ? pdu.esm_class : 0;
    if ((esm & ESM_CLASS_TYPE_MASK) !== ESM_CLASS_DELIVERY_RECEIPT) return; // inbound SMS: not ours to handle here
    const sm = pdu.short_message as { message?: unknown } | undefined;
    const text = typeof sm?.message === 'string' ? sm.message : '';
    const receipt = parseReceipt(text, pdu.receipted_message_id, pdu.message_state);
    if (!receipt) return;
    const group = this.groups.get(receipt.messageId);
    if (!group)
      return this.emit({
        providerMessageId: receipt.messageId,
        status: receipt.status,
        ...(receipt.errorCode ? { errorCode: receipt.errorCode } : {}),
      });
    if (SEVERITY[receipt.status] > SEVERITY[group.worst]) {
      group.worst = receipt.status;
      if (receipt.errorCode) group.errorCode = receipt.errorCode;
    }
    if (!FINAL_SMS_STATUSES.has(receipt.status)) return this.emit({ providerMessageId: group.messageId, status: 'sent' });
    group.pending.delete(receipt.messageId);
    this.groups.delete(receipt.messageId);
    // The message counts as delivered only when every part is; the worst part decides otherwise.
    if (group.pending.size === 0)
      this.emit({ providerMessageId: group.messageId, status: group.worst, ...(group.errorCode ? { errorCode: group.errorCode } : {}) });
  }

  private emit(update: SmsStatusUpdate): void {
    for (const l of this.listeners) l(update);
  }
}
