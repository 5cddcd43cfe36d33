import smpp, { type Pdu, type Session } from 'smpp';
import { errorReason, guarded } from '../../guarded.js';
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

/** "ESME_RTHROTTLED (0x00000058)". Only a label: a status the table lacks keeps its number. */
export function statusName(status: number): string {
  const hex = `0x${(status >>> 0).toString(16).padStart(8, '0')}`;
  const name = Object.entries(smpp.errors).find(([, v]) => v === status)?.[0];
  return name ? `${name} (${hex})` : hex;
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
  private binding: Promise<Session> | undefined;
  private session: Session | undefined;
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
      const t = setTimeout(
        guarded(
          () => session.destroy(() => resolve()),
          () => resolve(),
        ),
        1000,
      );
      try {
        session.close(() => {
          clearTimeout(t);
          resolve();
        });
      } catch {
        clearTimeout(t);
        resolve(); // a socket that cannot even be closed is gone for us either way
      }
    });
  }

  private ensureBound(): Promise<Session> {
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

  private bind(): Promise<Session> {
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
        reject(e);
        try {
          session.destroy();
        } catch {
          // already gone
        }
      };
      const unavailable = (what: string) => (e: unknown) =>
        fail(
          new ProviderError('SMS_PROVIDER_UNAVAILABLE', `SMPP ${what} on ${this.where()} failed: ${errorReason(e)}`, { retryable: true }),
        );
      // After the bind, a throw in a session callback means this session can no longer be trusted:
      // drop it (sends re-bind on demand) instead of the process.
      const lost = (e: unknown) => {
        unavailable('session')(e);
        this.dropSession(session);
      };
      const timer = setTimeout(
        guarded(
          () =>
            fail(
              new ProviderError('SMS_PROVIDER_UNAVAILABLE', `SMPP bind to ${this.where()} timed out after ${s.timeoutMs} ms`, {
                retryable: true,
              }),
            ),
          unavailable('bind timer'),
        ),
        s.timeoutMs,
      );
      session.on(
        'error',
        guarded(
          (e: Error) =>
            fail(
              new ProviderError('SMS_PROVIDER_UNAVAILABLE', `SMPP connection to ${this.where()} failed: ${e.message}`, { retryable: true }),
            ),
          lost,
        ),
      );
      const onBindResp = (pdu: Pdu) => {
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
      };
      session.on(
        'connect',
        guarded(() => {
          session.bind_transceiver(
            { system_id: s.systemId, password: s.password, system_type: s.systemType, interface_version: 0x34 },
            guarded(onBindResp, unavailable('bind_transceiver_resp')),
          );
        }, unavailable('bind_transceiver')),
      );
      // A receipt that cannot be read is dropped (the SMSC already has its response): the message
      // keeps its last status rather than the session or the process going down.
      session.on(
        'deliver_sm',
        guarded(
          (pdu: Pdu) => this.onDeliverSm(session, pdu),
          () => undefined,
        ),
      );
      session.on(
        'enquire_link',
        guarded((pdu: Pdu) => session.send(pdu.response()), lost),
      );
      session.on(
        'unbind',
        guarded((pdu: Pdu) => {
          session.send(pdu.response());
          session.close();
        }, lost),
      );
      session.on(
        'close',
        guarded(
          () => {
            fail(
              new ProviderError('SMS_PROVIDER_UNAVAILABLE', `SMPP connection to ${this.where()} closed before bind`, { retryable: true }),
            );
            this.dropSession(session);
          },
          () => this.dropSession(session),
        ),
      );
    });
  }

  /** Forgets a session that closed or broke; receipts keep flowing through a background re-bind. */
  private dropSession(session: Session): void {
    if (this.session !== session) return;
    this.session = undefined;
    this.binding = undefined;
    this.scheduleReconnect();
  }

  /** Re-binds in the background so receipts keep flowing; sends also re-bind on demand. */
  private scheduleReconnect(): void {
    if (this.closed || this.fatal || this.listeners.size === 0 || this.reconnectTimer) return;
    const delay = Math.min(this.settings.reconnectBaseMs * 2 ** this.reconnectAttempt, this.settings.reconnectMaxMs);
    this.reconnectAttempt++;
    this.reconnectTimer = setTimeout(
      guarded(
        () => {
          this.reconnectTimer = undefined;
          if (this.binding || this.closed) return;
          this.ensureBound().catch(() => this.scheduleReconnect());
        },
        () => undefined, // the next send binds on demand
      ),
      delay,
    );
    this.reconnectTimer.unref();
  }

  private submit(session: Session, part: SubmitPart, request: SmsSendRequest): Promise<string> {
    const sender = request.sender ?? this.settings.sourceAddr;
    const numericSender = /^\+?\d+$/.test(sender);
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (e: ProviderError | undefined, messageId?: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        session.off('close', onClose);
        if (e) reject(e);
        else resolve(messageId as string);
      };
      // Once submit_sm may have left, any failure is "outcome unknown": the job is not resent.
      const unknown = (why: string) => (e?: unknown) =>
        settle(
          new ProviderError('SMS_PROVIDER_UNAVAILABLE', e === undefined ? why : `${why}: ${errorReason(e)}`, {
            retryable: true,
            outcomeUnknown: true,
          }),
        );
      const onClose = guarded(unknown('SMPP connection closed before submit_sm_resp'), unknown('SMPP close handler failed'));
      const timer = setTimeout(
        guarded(unknown(`No submit_sm_resp within ${this.settings.timeoutMs} ms`), unknown('SMPP submit timer failed')),
        this.settings.timeoutMs,
      );
      session.once('close', onClose);
      const onSubmitResp = (pdu: Pdu) => {
        if (pdu.command_status === 0) return settle(undefined, String(pdu.message_id));
        const retryable = RETRYABLE_STATUS.has(pdu.command_status);
        settle(
          new ProviderError(
            retryable ? 'SMS_PROVIDER_UNAVAILABLE' : 'SMS_PROVIDER_REJECTED',
            `SMSC refused submit_sm: ${statusName(pdu.command_status)}`,
            {
              retryable,
              providerCode: pdu.command_status,
            },
          ),
        );
      };
      let written: boolean;
      try {
        written = session.submit_sm(
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
          guarded(onSubmitResp, unknown('SMPP submit_sm_resp could not be read')),
        );
      } catch (e) {
        // The library encodes before it writes: a throw here means nothing left, and retrying the
        // same PDU would throw again.
        return settle(
          new ProviderError('SMS_PROVIDER_REJECTED', `SMPP submit_sm could not be encoded: ${errorReason(e)}`, { retryable: false }),
        );
      }
      if (!written) settle(new ProviderError('SMS_PROVIDER_UNAVAILABLE', 'SMPP socket not writable; nothing sent', { retryable: true }));
    });
  }

  private onDeliverSm(session: Session, pdu: Pdu): void {
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
    // One listener's throw must not keep the report from the others (nor reach the socket).
    for (const l of this.listeners) guarded(l, () => undefined)(update);
  }
}
