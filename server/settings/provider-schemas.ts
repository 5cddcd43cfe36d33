import type { TObject } from '@sinclair/typebox';
import { SmppSettingsSchema } from '../integrations/sms/smpp/schema.js';
import { TwilioSettingsSchema } from '../integrations/sms/twilio/schema.js';
import { OpenpaySettingsSchema } from '../integrations/payments/openpay/schema.js';
import { ManualPayoutSettingsSchema } from '../integrations/payments/manual/schema.js';
import type { SettingsKind } from './tables.js';

// Which providers an admin can pick for each kind, with the settings schema each provider folder
// owns (schema.ts) and the fields of it that are secrets: those are stored encrypted, never sent
// back by the API (only "set" / "not set") and kept as they are when a save omits them.

export interface ProviderSpec {
  code: string;
  schema: TObject;
  secretFields: readonly string[];
}

export const PROVIDER_SPECS = {
  sms: {
    smpp: { code: 'smpp', schema: SmppSettingsSchema, secretFields: ['password'] },
    twilio: { code: 'twilio', schema: TwilioSettingsSchema, secretFields: ['authToken'] },
  },
  payments: {
    openpay: { code: 'openpay', schema: OpenpaySettingsSchema, secretFields: ['privateKey'] },
    manual: { code: 'manual', schema: ManualPayoutSettingsSchema, secretFields: [] },
  },
} as const satisfies Record<SettingsKind, Record<string, ProviderSpec>>;

export const SETTINGS_KINDS: readonly SettingsKind[] = ['sms', 'payments'];

export function providerSpec(kind: SettingsKind, provider: string): ProviderSpec | undefined {
  const specs: Record<string, ProviderSpec> = PROVIDER_SPECS[kind];
  return Object.hasOwn(specs, provider) ? specs[provider] : undefined;
}

export function providerCodes(kind: SettingsKind): string[] {
  return Object.keys(PROVIDER_SPECS[kind]);
}

/** Splits a settings object into what may be shown (config) and what must be encrypted (secrets). */
export function splitSecrets(
  spec: ProviderSpec,
  settings: Record<string, unknown>,
): { config: Record<string, unknown>; secrets: Record<string, string> } {
  const config: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const [k, v] of Object.entries(settings)) {
    if (spec.secretFields.includes(k)) {
      if (typeof v === 'string') secrets[k] = v;
    } else config[k] = v;
  }
  return { config, secrets };
}
