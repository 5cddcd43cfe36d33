// The offline event queue (doc: api-reference/events/offline-events.md, contract.md §3.4): one record per
// object (its latest change), read and cleared with event.offline.get/clear/error/list.
import type { Core } from '../core.js';
import { isoDate, isRecord, nextIdOf } from '../util.js';

function objectKey(data: Record<string, unknown>): string {
  const fields = isRecord(data.FIELDS) ? data.FIELDS : {};
  return JSON.stringify([fields.ID, fields.ENTITY_TYPE_ID]);
}

export function enqueueOffline(
  core: Core,
  eventName: string,
  data: Record<string, unknown>,
  userId: number | undefined,
  authConnector?: string,
): void {
  const key = objectKey(data);
  const q = core.state.offlineEvents;
  // A newer change of the same object replaces the waiting record (unless a reader reserved it).
  const i = q.findIndex(
    (e) => e.eventName === eventName && e.processId === '' && e.authConnector === authConnector && objectKey(e.eventData) === key,
  );
  if (i >= 0) q.splice(i, 1);
  const id = nextIdOf(core.state, 'offlineEvent');
  q.push({
    id,
    timestamp: isoDate(),
    eventName,
    eventData: data,
    additional: userId === undefined ? {} : { user_id: String(userId) },
    messageId: String(id),
    processId: '',
    error: false,
    ...(authConnector ? { authConnector } : {}),
  });
  core.changed();
}
