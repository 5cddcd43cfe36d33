// Row types of the deal-lifecycle tables (migration 202612041540-deal-lifecycle).

export interface DealStageMapsTable {
  portal_id: string;
  category_id: number;
  /** StageMap as JSON (stage-map.ts). */
  map: string;
  updated_by: number | null;
  updated_at: string;
}

export interface DealLifecycleTable {
  portal_id: string;
  deal_id: number;
  category_id: number;
  /** The deal's stage as the app last saw or wrote it. */
  stage_id: string;
  /** The stage the app itself last moved the deal to; null when it never did. */
  written_stage_id: string | null;
  /** The loan state the app last moved the deal for (LoanMark); null before the first. */
  loan_mark: string | null;
  /** The last loan event a stage caused (StageEvent); null before the first. */
  phase: string | null;
  /** The schedule version frozen by "offer fixed". */
  offer_version: number | null;
  /** Date (YYYY-MM-DD) the deal entered the "issued" stage. */
  issued_on: string | null;
  updated_at: string;
}

export interface LifecycleTransitionsTable {
  portal_id: string;
  /** The transition's key (e.g. stage:<deal>:<from>><to>:<n>); the primary key makes it once. */
  id: string;
  deal_id: number;
  /** 'stage' (deal → loan) or 'loan' (loan → deal). */
  direction: string;
  what: string;
  from_stage_id: string | null;
  to_stage_id: string | null;
  created_at: string;
}

export interface OfflineEventBatchesTable {
  portal_id: string;
  process_id: string;
  created_at: string;
  /** Set once every deal of the batch was handled: the batch only waits to be cleared. */
  handled_at: string | null;
}

/** The lender-pipeline preset per portal (migration 202612041955-lender-pipeline). */
export interface LenderPipelinesTable {
  portal_id: string;
  /** The pipeline the preset created; null until crm.category.add answered. */
  category_id: number | null;
  /** The highest pipeline id before the app's crm.category.add: a crashed run adopts the one above it. */
  max_category_before: number | null;
  /** 'running' | 'done' | 'failed' | 'gone' (wire/stage-maps.ts LenderPipelineState). */
  state: string;
  /** The error code of a failed run. */
  error: string | null;
  /** Runs asked for so far: the job of run n is keyed by n, so a click while one runs adds nothing. */
  run: number;
  /** Set when the stages were made exactly the preset once; later runs only add what is missing. */
  completed_at: string | null;
  updated_at: string;
}

export interface LifecycleTables {
  deal_stage_maps: DealStageMapsTable;
  deal_lifecycle: DealLifecycleTable;
  lifecycle_transitions: LifecycleTransitionsTable;
  offline_event_batches: OfflineEventBatchesTable;
  lender_pipelines: LenderPipelinesTable;
}
