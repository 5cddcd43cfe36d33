import type { PortalClient } from '../portal-client/portal-client.js';
import { isAppError } from '../errors.js';

// Reporting back to a waiting workflow (contract.md §5.3; doc: bizproc-event-send.md,
// bizproc-activity-log.md). The event_token is the credential. A 403 ACCESS_DENIED on event.send
// means the token was already answered (a job that ran twice after a crash) or timed out: nothing
// more to do, so it counts as delivered.

const MAX_LOG = 1000;

export async function sendReturnValues(
  b24: PortalClient,
  eventToken: string,
  returnValues: Record<string, unknown>,
  logMessage?: string,
): Promise<'sent' | 'already'> {
  try {
    await b24.call('bizproc.event.send', {
      EVENT_TOKEN: eventToken,
      RETURN_VALUES: returnValues,
      ...(logMessage ? { LOG_MESSAGE: logMessage.slice(0, MAX_LOG) } : {}),
    });
    return 'sent';
  } catch (e) {
    if (isAppError(e) && e.code === 'PORTAL_ACCESS_DENIED') return 'already';
    throw e;
  }
}

/** Progress in the workflow log; best effort (logging may be off in the template, the token may be spent). */
export async function logProgress(b24: PortalClient, eventToken: string, message: string): Promise<void> {
  try {
    await b24.call('bizproc.activity.log', { EVENT_TOKEN: eventToken, LOG_MESSAGE: message.slice(0, MAX_LOG) });
  } catch {
    /* best effort */
  }
}
