import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { ExecutePayoutOptions } from '../payouts/index.js';
import type { PaymentProvider } from '../integrations/payments/provider.js';
import { openpayProvider } from '../integrations/payments/openpay/index.js';
import { manualProvider } from '../integrations/payments/manual/index.js';
import type { SmsProvider, SmsStatusUpdate } from '../integrations/sms/provider.js';
import { smppProvider } from '../integrations/sms/smpp/index.js';
import { twilioProvider } from '../integrations/sms/twilio/index.js';
import { recordSmsStatus, type ExecuteSmsOptions } from '../integrations/sms/sending/index.js';

// Which SMS gateway and which payout provider a portal uses. There is no per-portal settings store
// yet (ADAPTER: a platform settings table should feed `settingsOf`); the app wires a resolver with
// configureActivities() and tests point it at the local SMPP / OpenPay fakes. Providers are built once
// per portal and kept: an SMPP session stays bound and its delivery receipts reach recordSmsStatus.

export interface PortalProviderSettings {
  sms?: { provider: 'smpp' | 'twilio'; settings: unknown };
  payments?: { provider: 'openpay' | 'manual'; settings?: unknown };
  /** The lender's name as SMS templates sign it. */
  companyName?: string;
  /** Language of SMS templates and scripts when the phone does not tell (es, ru, en). */
  language?: string;
}

export interface ActivityConfig {
  settingsOf(portalId: string): Promise<PortalProviderSettings | undefined>;
  sms?: ExecuteSmsOptions;
  payouts?: ExecutePayoutOptions & { maxAttempts?: number };
  /** Builds the SMS provider from its settings (default: the SMPP / Twilio clients). */
  createSmsProvider?(s: NonNullable<PortalProviderSettings['sms']>): SmsProvider;
  /** Today as YYYY-MM-DD (loan variables); injectable for tests. */
  today?: () => string;
}

export class ProviderNotConfigured extends AppError {
  constructor(kind: string, portalId: string) {
    super(
      'PROVIDER_NOT_CONFIGURED',
      `no ${kind} provider configured for portal ${portalId}`,
      `No ${kind} provider is configured for this Bitrix24 account.`,
      undefined,
      422,
    );
  }
}

let config: ActivityConfig = { settingsOf: async () => undefined };
let dbRef: Kysely<Database> | undefined;
const smsCache = new Map<string, SmsProvider>();
const payCache = new Map<string, PaymentProvider>();

export function configureActivities(c: ActivityConfig, db?: Kysely<Database>): void {
  config = c;
  if (db) dbRef = db;
}

export function activityConfig(): ActivityConfig {
  return config;
}

export async function smsProviderFor(portalId: string, db: Kysely<Database>): Promise<SmsProvider> {
  const key = portalId;
  const cached = smsCache.get(key);
  if (cached) return cached;
  const s = (await config.settingsOf(portalId))?.sms;
  if (!s) throw new ProviderNotConfigured('SMS', portalId);
  const provider: SmsProvider =
    config.createSmsProvider?.(s) ?? (s.provider === 'smpp' ? smppProvider.create(s.settings) : twilioProvider.create(s.settings));
  // Receipts on the SMPP connection become status updates (and Bitrix24 reports) for this portal.
  provider.onStatus?.((u) => void recordReceipt(dbRef ?? db, portalId, provider.code, u));
  smsCache.set(key, provider);
  return provider;
}

// A fast SMSC may send the receipt before the send's result (its provider message id) is stored:
// look again a few times before giving the receipt up.
const RECEIPT_RETRIES_MS = [50, 200, 500, 1000, 2000];

async function recordReceipt(db: Kysely<Database>, portalId: string, providerCode: string, u: SmsStatusUpdate): Promise<void> {
  for (const waitMs of [0, ...RECEIPT_RETRIES_MS]) {
    if (waitMs) await new Promise((r) => setTimeout(r, waitMs));
    try {
      if (await recordSmsStatus(db, portalId, providerCode, u)) return;
    } catch {
      /* try again */
    }
  }
}

export async function paymentProviderFor(portalId: string): Promise<PaymentProvider> {
  const cached = payCache.get(portalId);
  if (cached) return cached;
  const s = (await config.settingsOf(portalId))?.payments;
  if (!s) throw new ProviderNotConfigured('payout', portalId);
  const provider: PaymentProvider = s.provider === 'openpay' ? openpayProvider.create(s.settings) : manualProvider.create(s.settings);
  payCache.set(portalId, provider);
  return provider;
}

/** Drops (and closes) one portal's cached providers after its settings changed (server/settings/wire.ts). */
export async function forgetActivityProviders(portalId: string): Promise<void> {
  const sms = smsCache.get(portalId);
  smsCache.delete(portalId);
  payCache.delete(portalId);
  await sms?.close?.().catch(() => undefined);
}

/** Closes cached providers (SMPP sessions) — app shutdown and between tests. */
export async function closeActivityProviders(): Promise<void> {
  const all = [...smsCache.values()];
  smsCache.clear();
  payCache.clear();
  await Promise.allSettled(all.map((p) => p.close?.() ?? Promise.resolve()));
}
