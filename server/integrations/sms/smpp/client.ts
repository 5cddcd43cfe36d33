import smpp, { type Pdu, type Session } from 'smpp';
import { errorReason, guarded } from '../../guarded.js';
import { analyzeSms, assertWithinLimit, type SmsLimit } from '../encoding/index.js';
import { isProviderError, ProviderError } from '../provider-error.js';
import type { SmsProvider, SmsSendRequest, SmsSendResult, SmsStatusUpdate } from '../provider.js';
import { PartGroups } from './part-groups.js';
import { buildSubmitParts } from './pdu-parts.js';
import { parseReceipt } from './receipt.js';
import type { SmppSettings } from './schema.js';
import { submitPart } from './submit.js';
import { FATAL_BIND_STATUS, statusName } from './status.js';

// SMPP 3.4 transceiver on npm `smpp`: one bound session, re-bound with exponential back-off after
// a drop; submit_sm per part; deliver_sm receipts become status updates for the whole message
// (part-groups.ts).

const ESM_CLASS_TYPE_MASK = 0x3c;
const ESM_CLASS_DELIVERY_RECEIPT = 0x04;

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
  private readonly parts = new PartGroups();

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
        ids.push(await submitPart(session, part, request, this.settings));
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
    this.parts.track(ids);
    return { providerMessageId: ids[0] as string, segments: parts.length, status: 'queued' };
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

  private onDeliverSm(session: Session, pdu: Pdu): void {
    session.send(pdu.response());
    const esm = typeof pdu.esm_class === 'number' ? pdu.esm_class : 0;
    if ((esm & ESM_CLASS_TYPE_MASK) !== ESM_CLASS_DELIVERY_RECEIPT) return; // inbound SMS: not ours to handle here
    const sm = pdu.short_message as { message?: unknown } | undefined;
    const text = typeof sm?.message === 'string' ? sm.message : '';
    const receipt = parseReceipt(text, pdu.receipted_message_id, pdu.message_state);
    if (!receipt) return;
    const update = this.parts.onReceipt(receipt);
    if (update) this.emit(update);
  }

  private emit(update: SmsStatusUpdate): void {
    // One listener's throw must not keep the report from the others (nor reach the socket).
    for (const l of this.listeners) guarded(l, () => undefined)(update);
  }
}
