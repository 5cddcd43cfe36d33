// event.offline.get|clear|error|list — doc: api-reference/events/event-offline-{get,clear,error,list}.md (contract.md §3.4).
import type { MethodTable } from '../rest/registry.js';
import { errors } from '../rest/errors.js';
import type { OfflineEvent } from '../records/messages.js';
import { applyFilter, applyOrder, page, parseFilter } from '../crm/filter.js';
import { isYes, param, randomToken, toInt, toStr } from '../util.js';

function row(e: OfflineEvent): Record<string, unknown> {
  return {
    ID: String(e.id),
    TIMESTAMP_X: e.timestamp,
    EVENT_NAME: e.eventName,
    // UNVERIFIED(b24): the doc example shows `false`; real queues carry the event's data (FIELDS.ID …).
    EVENT_DATA: e.eventData,
    EVENT_ADDITIONAL: e.additional,
    MESSAGE_ID: e.messageId,
  };
}

const get = (e: OfflineEvent, field: string): unknown => {
  const r = { ...row(e), PROCESS_ID: e.processId, ERROR: e.error ? '1' : '0' } as Record<string, unknown>;
  return r[field.toUpperCase()];
};

function idList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

export const eventOfflineMethods: MethodTable = {
  'event.offline.get': {
    scope: [],
    appOnly: 'WRONG_AUTH_TYPE',
    adminOnly: true,
    handler: ({ core }, params) => {
      const clear = param(params, 'clear') === undefined ? true : isYes(param(params, 'clear'));
      const processId = toStr(param(params, 'process_id'));
      const wantErrors = isYes(param(params, 'error'));
      const limit = Math.min(toInt(param(params, 'limit')) ?? 50, 1000);
      const q = core.state.offlineEvents;
      // Parallel readers get disjoint sets: only free rows (or our own reserved ones) are handed out.
      // UNVERIFIED(b24): auth_connector on get does not narrow what is read (the fixture reads a queue bound
      // without one); the key acts when changes are recorded (events/bus.ts).
      const pool = q.filter((e) => (processId ? e.processId === processId : e.processId === '') && e.error === wantErrors);
      const filtered = applyFilter(pool, parseFilter(param(params, 'filter')), get);
      const rows = applyOrder(filtered, param(params, 'order') ?? { TIMESTAMP_X: 'ASC' }, get, 'ID').slice(0, limit);
      if (clear) {
        core.state.offlineEvents = q.filter((e) => !rows.includes(e));
        return { process_id: null, events: rows.map(row) };
      }
      const pid = processId ?? randomToken();
      for (const e of rows) e.processId = pid;
      return { process_id: pid, events: rows.map(row) };
    },
  },
  'event.offline.clear': {
    scope: [],
    appOnly: 'WRONG_AUTH_TYPE',
    adminOnly: true,
    handler: ({ core }, params) => {
      const processId = toStr(param(params, 'process_id'));
      if (!processId) throw errors.argument('PROCESS_ID');
      const ids = idList(param(params, 'id'));
      const messageIds = idList(param(params, 'message_id'));
      core.state.offlineEvents = core.state.offlineEvents.filter(
        (e) =>
          !(
            e.processId === processId &&
            ((ids.length === 0 && messageIds.length === 0) || ids.includes(String(e.id)) || messageIds.includes(e.messageId))
          ),
      );
      return true;
    },
  },
  'event.offline.error': {
    scope: [],
    appOnly: 'WRONG_AUTH_TYPE',
    adminOnly: true,
    handler: ({ core }, params) => {
      const processId = toStr(param(params, 'process_id'));
      if (!processId) throw errors.argument('PROCESS_ID');
      const messageIds = idList(param(params, 'message_id'));
      for (const e of core.state.offlineEvents) if (e.processId === processId && messageIds.includes(e.messageId)) e.error = true;
      return true;
    },
  },
  'event.offline.list': {
    scope: [],
    appOnly: 'WRONG_AUTH_TYPE',
    adminOnly: true,
    handler: ({ core }, params) => {
      const filtered = applyFilter(core.state.offlineEvents, parseFilter(param(params, 'filter')), get);
      const rows = applyOrder(filtered, param(params, 'order') ?? { ID: 'ASC' }, get, 'ID');
      return page(rows, param(params, 'start'), (p) => p.map((e) => ({ ...row(e), PROCESS_ID: e.processId, ERROR: e.error ? '1' : '0' })));
    },
  },
};
