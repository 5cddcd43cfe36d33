// The columns a request we send out exactly once keeps (payouts, sms_messages): the id and idempotency
// key made before sending, the hash of what was asked (a repeat with another body is refused), the
// provider and the bounded attempts. One mapping to the domain form for every such table.

export interface RequestRowColumns {
  portal_id: string;
  id: string;
  idempotency_key: string;
  request_hash: string;
  provider: string;
  last_error: string | null;
  attempts: number;
  max_attempts: number;
  /** Epoch ms (pg returns bigint as string: read through Number()). */
  next_attempt_at: number | string;
  created_at: string;
  updated_at: string;
}

export interface RequestRecord {
  id: string;
  portalId: string;
  key: string;
  provider: string;
  lastError: string | null;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: number;
  requestHash: string;
  createdAt: string;
  updatedAt: string;
}

export function toRequestRecord(r: RequestRowColumns): RequestRecord {
  return {
    id: r.id,
    portalId: r.portal_id,
    key: r.idempotency_key,
    provider: r.provider,
    lastError: r.last_error,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    nextAttemptAt: Number(r.next_attempt_at),
    requestHash: r.request_hash,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
