// Kysely row types of the applicant checks (migration 202612041550-applicant-checks).

export interface CheckBlacklistTable {
  portal_id: string;
  /** 'phone' | 'document' */
  kind: string;
  /** secrets.hash(kind:value) of the normalised value: the lookup key. */
  value_hash: string;
  /** The normalised value, encrypted (aad: portal, kind, hash): what an admin sees. */
  value_enc: string;
  reason_enc: string | null;
  added_by: number | null;
  created_at: string;
}

export interface CheckSettingsTable {
  portal_id: string;
  /** 'RU' | 'MX' | null: how national phone numbers are read. */
  country: string | null;
  /** JSON of HttpCheckConfig without the auth header; null = no HTTP check. */
  http_config: string | null;
  http_auth_enc: string | null;
  updated_by: number | null;
  updated_at: string;
}

export interface CheckTables {
  check_blacklist: CheckBlacklistTable;
  check_settings: CheckSettingsTable;
}
