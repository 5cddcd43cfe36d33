// "Send to banks" in the Documents tab (issue 16 item 2): choose banks, e-mail or SMS, a preview per
// bank rendered by the server from that bank's template (in the bank's language) that the user may
// edit, attach the pack, send; then the messages sent from this deal with their status and the SMTP
// server's reply, refreshed while any is still on its way. A refusal is shown next to what caused it
// (a bank's text, the pack toggle) and what was typed is kept. Dependencies come in as arguments.
import { computed, signal } from '@preact/signals';
import type { BankMessageDraft, BankMessageDraftsReply, BankMessageView } from '../../wire/bank-messages.js';
import { analyzeSms, overLimit, type SmsOverLimit } from '../../lending/sms-encoding/analyze.js';
import type { BankView } from '../../wire/documents.js';
import { ApiError, type DocumentsApi } from './api.js';

export interface BankSendDeps {
  api: DocumentsApi;
  /** Who signs the messages ({{manager}}): the user, as the portal named them. */
  managerName: string;
  /** A UUID per press of Send (crypto.randomUUID in the browser): a double click queues once. */
  newRequestId: () => string;
  sleep?: (ms: number) => Promise<void>;
}

export type Channel = 'email' | 'sms';
/** What the user sees and edits per chosen bank. */
export interface BankDraft extends BankMessageDraft {
  /** The bank's text or subject was refused: the server's words, shown under it. */
  error?: string;
}

/** An SMS text as the provider will count it, by the server's own rule (lending/sms-encoding overLimit). */
export interface SmsCount {
  units: number;
  segments: number;
  /** The provider's limit that applies, when it has one. */
  max: { unit: 'characters' | 'segments'; value: number } | null;
  over: SmsOverLimit | null;
}

export function smsCount(text: string, limit: BankMessageDraftsReply['smsLimit']): SmsCount {
  const a = analyzeSms(text);
  const max = !limit
    ? null
    : limit.maxUnits !== undefined
      ? { unit: 'characters' as const, value: limit.maxUnits }
      : limit.maxSegments !== undefined
        ? { unit: 'segments' as const, value: limit.maxSegments }
        : null;
  return { units: a.units, segments: a.segments, max, over: limit ? overLimit(a, limit) : null };
}

const POLL_MS = 1500;
/** Messages are polled for at most this long after a send; then the list says what the server last did. */
const POLL_LIMIT_MS = 3 * 60_000;
const PENDING = new Set(['queued']);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createBankSendModel(deps: BankSendDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const directory = signal<BankView[]>([]);
  const unavailable = signal(false);
  const chosen = signal<string[]>([]);
  const channel = signal<Channel>('email');
  const attachPack = signal(true);
  const drafts = signal<Record<string, BankDraft>>({});
  const loadingDrafts = signal(false);
  /** The portal's SMS provider's limit, as the drafts answer named it (null: none or no provider). */
  const smsLimit = signal<BankMessageDraftsReply['smsLimit']>(null);
  const sending = signal(false);
  const error = signal<string | null>(null);
  const packError = signal<string | null>(null);
  const sentNote = signal(false);
  const messages = signal<BankMessageView[] | null>(null);
  let requestId: string | null = null;

  const chosenDrafts = computed(() => chosen.value.map((id) => drafts.value[id]).filter((d): d is BankDraft => d !== undefined));
  const bankName = (id: string) => directory.value.find((b) => b.id === id)?.name ?? id;

  async function load(): Promise<void> {
    try {
      const [banks, list] = await Promise.all([deps.api.bankDirectory(), deps.api.bankMessages()]);
      directory.value = banks;
      messages.value = list;
      if (list.some((m) => PENDING.has(m.status))) void poll();
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) unavailable.value = true;
      else error.value = message(e);
    }
  }

  /** Drafts for chosen banks that have none yet; an edited draft is never replaced. */
  async function fetchDrafts(): Promise<void> {
    const need = chosen.value.filter((id) => !drafts.value[id]);
    if (need.length === 0) return;
    loadingDrafts.value = true;
    try {
      const r = await deps.api.bankDrafts(need, deps.managerName);
      const next = { ...drafts.value };
      for (const d of r.drafts) next[d.bankId] = d;
      drafts.value = next;
      smsLimit.value = r.smsLimit;
      error.value = null;
    } catch (e) {
      error.value = message(e);
    } finally {
      loadingDrafts.value = false;
    }
  }

  function toggle(bankId: string, on: boolean): Promise<void> {
    chosen.value = on ? [...chosen.value.filter((x) => x !== bankId), bankId] : chosen.value.filter((x) => x !== bankId);
    requestId = null;
    sentNote.value = false;
    return fetchDrafts();
  }

  function edit(bankId: string, part: 'subject' | 'text' | 'sms', value: string): void {
    const d = drafts.value[bankId];
    if (!d) return;
    drafts.value = { ...drafts.value, [bankId]: { ...d, [part]: value, error: undefined } };
    requestId = null;
  }

  function setChannel(c: Channel): void {
    channel.value = c;
    requestId = null;
    packError.value = null;
  }

  function setAttachPack(on: boolean): void {
    attachPack.value = on;
    requestId = null;
    packError.value = null;
    // A pack too big for the mail server was said under its bank: without the pack it no longer holds.
    drafts.value = Object.fromEntries(Object.entries(drafts.value).map(([id, d]) => [id, { ...d, error: undefined }]));
  }

  async function send(): Promise<void> {
    const list = chosenDrafts.value;
    if (list.length === 0 || sending.value) return;
    sending.value = true;
    error.value = null;
    packError.value = null;
    sentNote.value = false;
    // The same id while nothing changed: a second press (or a retry after a network fault) queues once.
    requestId ??= deps.newRequestId();
    const sms = channel.value === 'sms';
    try {
      await deps.api.sendToBanks({
        requestId,
        bankIds: list.map((d) => d.bankId),
        ...(sms ? { channel: 'sms' as const } : { subject: list[0]!.subject }),
        text: sms ? list[0]!.sms : list[0]!.text,
        perBank: list.map((d) => (sms ? { bankId: d.bankId, text: d.sms } : { bankId: d.bankId, subject: d.subject, text: d.text })),
        ...(!sms && attachPack.value ? { attachPack: true } : {}),
      });
      sentNote.value = true;
      requestId = null;
      await refresh();
      void poll();
    } catch (e) {
      showRefusal(e);
    } finally {
      sending.value = false;
    }
  }

  /**
   * A refusal next to what it is about: a bank's text, or its message when its pack is too big for the
   * mail server; the pack toggle; else above the button.
   */
  function showRefusal(e: unknown): void {
    const text = message(e);
    const details = e instanceof ApiError ? e.details : {};
    const bankId = typeof details.bankId === 'string' ? details.bankId : null;
    const tooLarge = e instanceof ApiError && e.code === 'MAIL_TOO_LARGE';
    if (details.field === 'attachPack' && !(tooLarge && bankId && drafts.value[bankId])) packError.value = text;
    else if (bankId && drafts.value[bankId] && (tooLarge || details.field === 'text' || details.field === 'subject'))
      drafts.value = { ...drafts.value, [bankId]: { ...drafts.value[bankId]!, error: text } };
    else error.value = text;
  }

  async function refresh(): Promise<void> {
    try {
      messages.value = await deps.api.bankMessages();
    } catch (e) {
      error.value = message(e);
    }
  }

  let polling = false;
  async function poll(): Promise<void> {
    if (polling) return;
    polling = true;
    const until = Date.now() + POLL_LIMIT_MS;
    try {
      while (Date.now() < until) {
        await sleep(POLL_MS);
        await refresh();
        if (!messages.value?.some((m) => PENDING.has(m.status))) return;
      }
    } finally {
      polling = false;
    }
  }

  return {
    directory,
    unavailable,
    chosen,
    channel,
    attachPack,
    drafts,
    chosenDrafts,
    loadingDrafts,
    smsLimit,
    sending,
    error,
    packError,
    sentNote,
    messages,
    bankName,
    load,
    toggle,
    edit,
    setChannel,
    setAttachPack,
    send,
    refresh,
  };
}

export type BankSendModel = ReturnType<typeof createBankSendModel>;
