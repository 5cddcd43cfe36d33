// Counters served by GET /emulator/api/stats.

export interface DeliveryRecord {
  id: number;
  event: string;
  handler: string;
  bindingId?: number;
  /** HTTP status of the handler's answer; null when it could not be reached or the event was dropped. */
  status: number | null;
  error?: string;
  dropped: boolean;
  at: string;
  durationMs: number;
  payload: Record<string, unknown>;
}

export interface Stats {
  restCalls: Record<string, number>;
  restCallsTotal: number;
  batchSubCalls: number;
  refreshes: number;
  codeExchanges: number;
  rejected: Record<string, number>;
  faultsInjected: number;
  oauthErrors: Record<string, number>;
  events: { delivered: number; failed: number; dropped: number; deliveries: DeliveryRecord[] };
}

export function createStats(): Stats {
  return {
    restCalls: {},
    restCallsTotal: 0,
    batchSubCalls: 0,
    refreshes: 0,
    codeExchanges: 0,
    rejected: {},
    faultsInjected: 0,
    oauthErrors: {},
    events: { delivered: 0, failed: 0, dropped: 0, deliveries: [] },
  };
}

export function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

/** Bounded log: the emulator may run a whole demo day. */
export const MAX_DELIVERY_RECORDS = 2000;
