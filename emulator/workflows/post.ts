// POSTs an activity call form-encoded, as the portal's queue does (see events/bus.ts postForm). A longer
// answer timeout than event delivery: a burst of duplicate deliveries queues at the app, and a slow
// answer there is what we want to observe, not a transport timeout.
import qs from 'qs';
import type { PostResult } from '../events/bus.js';

// UNVERIFIED(b24): the queue server's timeout for an activity handler is not documented.
const ACTIVITY_HANDLER_TIMEOUT_MS = 60_000;

export async function postActivityCall(url: string, payload: Record<string, unknown>): Promise<PostResult> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Bitrix24 Webhook Engine' },
      body: qs.stringify(payload),
      signal: AbortSignal.timeout(ACTIVITY_HANDLER_TIMEOUT_MS),
      redirect: 'manual',
    });
    return { status: res.status, body: await res.text() };
  } catch (err) {
    return { status: null, body: '', error: err instanceof Error ? err.message : String(err) };
  }
}
