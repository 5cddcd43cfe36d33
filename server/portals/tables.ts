import type { ColumnType, Generated } from 'kysely';

// Row types of the platform tables (migration 202611220100-platform). bigint columns come back
// from pg as strings, from SQLite as numbers: repositories convert with Number() at the edge.
type BigMs = ColumnType<number | string, number, number>;
type NullableBigMs = ColumnType<number | string | null, number | null, number | null>;

export type PortalStatus = 'active' | 'reinstall_needed' | 'uninstalled';
export type JobStatus = 'pending' | 'running' | 'done' | 'dead';

export interface PortalsTable {
  id: string;
  member_id: string;
  domain: string;
  client_endpoint: string;
  server_endpoint: string;
  access_token_enc: string | null;
  refresh_token_enc: string | null;
  token_expires_at: NullableBigMs;
  token_version: Generated<number>;
  refresh_lock_owner: string | null;
  refresh_lock_until: NullableBigMs;
  application_token_hash: string | null;
  application_token_enc: string | null;
  scope: Generated<string>;
  status: PortalStatus;
  app_version: string | null;
  installer_user_id: number | null;
  manifest_hash: string | null;
  schedule_entity_type_id: number | null;
  /** Comma-separated PlanLimit codes (plan-limits.ts); null = none. */
  plan_limits: string | null;
  last_error: string | null;
  installed_at: string;
  updated_at: string;
}

export interface OutboxJobsTable {
  id: string;
  portal_id: string | null;
  kind: string;
  idempotency_key: string;
  payload: string;
  status: JobStatus;
  attempts: Generated<number>;
  max_attempts: number;
  run_after: BigMs;
  locked_by: string | null;
  locked_until: NullableBigMs;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface InboundEventsTable {
  id: string;
  portal_id: string;
  event: string;
  dedupe_key: string;
  received_at: string;
}

export interface PlatformTables {
  portals: PortalsTable;
  outbox_jobs: OutboxJobsTable;
  inbound_events: InboundEventsTable;
}
