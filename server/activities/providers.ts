import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { PaymentProvider } from '../integrations/payments/provider.js';
import { openpayProvider } from '../integrations/payments/openpay/index.js';
import { manualProvider } from '../integrations/payments/manual/index.js';
import type { SmsProvider, SmsStatusUpdate } from '../integrations/sms/provider.js';
import { smppProvider } from '../integrations/sms/smpp/index.js';
import { twilioProvider } from '../integrations/sms/twilio/index.js';
import { recordSmsStatus } from '../integrations/sms/sending/index.js';

// Which SMS gateway and which payout provider a portal uses, read through a settings port: the
// per-portal settings store in the app (server/settings/wire.ts), a test's own values in tests. One
// `Providers` value per app (no module state): it builds each portal's providers once and keeps them,
// so an SMPP session stays bound and its delivery receipts reach recordSmsStatus.

export interface PortalProviderSettings {
  sms?: { provider: 'smpp' | 'twilio'; settings: unknown };
  payments?: { provider: 'openpay' | 'manual'; settings?: unknown };
  /** The lender's name as SMS templates sign it. */
  companyName?: string;
  /** Language of SMS templates and scripts when the phone does not tell (es, ru, en). */
  language?: string;
}

/** Where a portal's provider settings come from. */
export interface ProviderSettingsPort {
  settingsOf(portalId: string): Promise<PortalProviderSettings | undefined>;
}

export interface ProvidersOptions {
  /** Builds the SMS provider from its settings (default: the SMPP / Twilio clients). */
  createSmsProvider?: (s: NonNullable<PortalProviderSettings['sms']>) => SmsProvider;
}

/** A portal's providers and settings, as the activity jobs and routes see them. */
export interface Providers {
  settingsOf(portalId: string): Promise<PortalProviderSettings | undefined>;
  sms(portalId: string): Promise<SmsProvider>;
  payments(portalId: string): Promise<PaymentProvider>;
  /** Drops (and closes) one portal's providers after its settings changed. */
  forget(portalId: string): Promise<void>;
  /** Closes every provider (SMPP sessions): app shutdown. */
  close(): Promise<void>;
}

export class ProviderNotConfigured extends AppError {
  constructor(kind: string, portalId: string) {
    super(
      'PROVIDER_NOT_CONFIGURED',
      `no ${kind} provider configured for portal ${portalId}`,
      `No ${kind} provider is configured for this Bitrix24 account.`,
    );
  }
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

export function createProviders(port: ProviderSettingsPort, db: Kysely<Database>, o: ProvidersOptions = {}): Providers {
  const smsCache = new Map<string, SmsProvider>();
  const payCache = new Map<string, PaymentProvider>();
  return {
    settingsOf: (portalId) => port.settingsOf(portalId),
    async sms(portalId) {
      const cached = smsCache.get(portalId);
      if (cached) return cached;
      const s = (await port.settingsOf(portalId))?.sms;
      if (!s) throw new ProviderNotConfigured('SMS', portalId);
      const provider: SmsProvider =
        o.createSmsProvider?.(s) ?? (s.provider === 'smpp' ? smppProvider.create(s.settings) : twilioProvider.create(s.settings));
      // Receipts on the SMPP connection update this portal's messages.
      provider.onStatus?.((u) => void recordReceipt(db, portalId, provider.code, u));
      smsCache.set(portalId, provider);
      return provider;
    },
    async payments(portalId) {
      const cached = payCache.get(portalId);
      if (cached) return cached;
      const s = (await port.settingsOf(portalId))?.payments;
      if (!s) throw new ProviderNotConfigured('payout', portalId);
      const provider: PaymentProvider = s.provider === 'openpay' ? openpayProvider.create(s.settings) : manualProvider.create(s.settings);
      payCache.set(portalId, provider);
      return provider;
    },
    async forget(portalId) {
      const sms = smsCache.get(portalId);
      smsCache.delete(portalId);
      payCache.delete(portalId);
      await sms?.close?.().catch(() => undefined);
    },
    async close() {
      const all = [...smsCache.values()];
      smsCache.clear();
      payCache.clear();
      await Promise.allSettled(all.map((p) => p.close?.() ?? Promise.resolve()));
    },
  };
}
