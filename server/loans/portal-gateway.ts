// What loan sync needs from a Bitrix24 portal. server/portal-client's PortalClient satisfies it as is
// (structurally), so the job handler passes `await ctx.portal()`; tests pass a fake or an HTTP
// gateway to the emulator.

export interface GatewayBatchCommand {
  method: string;
  params?: Record<string, unknown>;
}

/** v2 batch outcome: per-command results and errors by key, plus list totals/next by key. */
export interface GatewayBatchOutcome<T = unknown> {
  results: Record<string, T>;
  errors: Record<string, { code: string; description: string }>;
  total: Record<string, number>;
  next: Record<string, number>;
}

export interface PortalGateway {
  call<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** At most 50 commands per call (we chunk ourselves, so one call = one REST request). */
  batch<T = unknown>(commands: Record<string, GatewayBatchCommand>): Promise<GatewayBatchOutcome<T>>;
}

/** Largest v2 batch (contract.md §2.4). */
export const BATCH_LIMIT = 50;
