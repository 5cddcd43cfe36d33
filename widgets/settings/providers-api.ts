// SMS gateway and payout provider of the portal (server/routes/api/settings): administrators only.
// Secrets never come back (only "set" / "not set"); a save or a test without a secret keeps the
// stored one.
import type { Static } from '@sinclair/typebox';
import type { KindParam, MaskedSettings as MaskedSettingsWire, SettingsReply, TestReply } from '../../wire/providers.js';
import { createSessionClient, type SessionClientConfig } from '../shared/session-client.js';

export type ProviderKind = Static<typeof KindParam>['kind'];

/** The part of a provider's settings schema (TypeBox → JSON Schema) the form reads. */
export interface FieldSchema {
  type?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  anyOf?: { const?: unknown }[];
}

export interface ProviderInfo {
  code: string;
  secretFields: string[];
  schema: { properties?: Record<string, FieldSchema>; required?: string[] };
}

export type MaskedSettings = Static<typeof MaskedSettingsWire>;

/** The wire says `schema: unknown` (any provider's JSON Schema); the form reads the part above. */
export type ProvidersReply = Omit<Static<typeof SettingsReply>, 'providers'> & { providers: Record<ProviderKind, ProviderInfo[]> };

export type TestResult = Static<typeof TestReply>;

export function createProvidersApi(cfg: SessionClientConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  return {
    list: () => client.request<ProvidersReply>('GET', '/api/v1/settings/providers'),
    async save(kind: ProviderKind, provider: string, settings: Record<string, unknown>): Promise<MaskedSettings> {
      return (await client.request<{ settings: MaskedSettings }>('PUT', `/api/v1/settings/providers/${kind}`, { provider, settings }))
        .settings;
    },
    test: (kind: ProviderKind, provider: string, settings: Record<string, unknown>) =>
      client.request<TestResult>('POST', `/api/v1/settings/providers/${kind}/test`, { provider, settings }),
  };
}

export type ProvidersApi = ReturnType<typeof createProvidersApi>;
