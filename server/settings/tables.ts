// Kysely row type for `portal_settings` (migration 202611220400-portal-settings).

export type SettingsKind = 'sms' | 'payments';
/** The lender's own profile (server/settings/lender-profile.ts): no provider, no secrets. */
export type ProfileKind = 'lender';

export interface PortalSettingsTable {
  portal_id: string;
  kind: SettingsKind | ProfileKind;
  /** smpp | twilio (sms); openpay | manual (payments); profile (lender). */
  provider: string;
  /** JSON of the non-secret fields. */
  config: string;
  /** SecretBox ciphertext of a JSON object with the secret fields (aad: portal_settings:<portal>:<kind>). */
  secrets: string | null;
  /** Bumped on every save: caches compare it. */
  version: number;
  updated_at: string;
  /** Bitrix24 user id of the admin who saved. */
  updated_by: number | null;
}

export interface SettingsTables {
  portal_settings: PortalSettingsTable;
}
