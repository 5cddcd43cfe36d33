import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PortalClient } from '../../portal-client/portal-client.js';
import { PortalCallError } from '../../portal-client/errors.js';
import { updateCall, type ActivityCall } from '../call-repo.js';

// The telephony calls a collector places from the call-script tab. Each is registered with
// telephony.externalCall.register when dialled (routes/activities/call-script.ts) and kept on the
// call-script row; when the collector finishes the script, each is finished with
// telephony.externalCall.finish (doc: api-reference/telephony/telephony-external-call-finish.md) — only
// then does Bitrix24 save it in the statistics and log it as a CRM call activity (register's doc: "To
// create a CRM activity for the call, you must also call telephony.externalCall.finish").

export interface TelephonyCall {
  /** CALL_ID answered by telephony.externalCall.register. */
  callId: string;
  /** The collector who dialled (USER_ID of register and finish). */
  userId: number;
  startedAtMs: number;
  finished?: boolean;
  /** Why the portal would not finish it (kept for support; the script still finishes). */
  finishError?: string;
}

/** A collector may redial; keep the last few. */
const MAX_CALLS = 10;
/** DURATION is the time from dialling to finishing the script, capped (a tab left open overnight). */
const MAX_DURATION_SEC = 4 * 3600;

export function telephonyCallsOf(call: ActivityCall): TelephonyCall[] {
  const list = (call.result ?? {}).telephonyCalls;
  return Array.isArray(list) ? (list as TelephonyCall[]) : [];
}

/** Remembers a registered call on the (still waiting) call-script row. */
export async function rememberTelephonyCall(db: Kysely<Database>, call: ActivityCall, t: TelephonyCall): Promise<void> {
  const telephonyCalls = [...telephonyCallsOf(call), t].slice(-MAX_CALLS);
  await updateCall(db, call.portalId, call.id, { result: { ...(call.result ?? {}), telephonyCalls } }, ['waiting']);
}

export function durationSec(t: TelephonyCall, endedAtMs: number): number {
  return Math.min(MAX_DURATION_SEC, Math.max(0, Math.round((endedAtMs - t.startedAtMs) / 1000)));
}

/**
 * Finishes every registered call not finished yet, recording each on the row as it goes so a rerun
 * of the job does not finish it twice. ERROR_CORE (the portal no longer knows the call, or the user is
 * inactive) cannot heal: recorded, not retried. Network errors and 5xx throw (the job is retried).
 * Returns the calls as stored.
 */
export async function finishTelephonyCalls(
  b24: PortalClient,
  db: Kysely<Database>,
  call: ActivityCall,
  endedAtMs: number,
): Promise<TelephonyCall[]> {
  const calls = telephonyCallsOf(call).map((t) => ({ ...t }));
  for (const t of calls) {
    if (t.finished) continue;
    try {
      // STATUS_CODE left to the doc's default: 200 with a duration, 304 (missed) without.
      await b24.call('telephony.externalcall.finish', { CALL_ID: t.callId, USER_ID: t.userId, DURATION: durationSec(t, endedAtMs) });
    } catch (e) {
      if (!(e instanceof PortalCallError && e.portalCode === 'ERROR_CORE')) throw e;
      t.finishError = e.message.slice(0, 300);
    }
    t.finished = true;
    await updateCall(db, call.portalId, call.id, { result: { ...(call.result ?? {}), telephonyCalls: calls } }, ['waiting']);
  }
  return calls;
}
