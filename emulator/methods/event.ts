// event.bind|unbind|get — doc: api-reference/events/event-bind.md, event-unbind.md, event-get.md (contract.md §3.1).
import type { MethodTable } from '../rest/registry.js';
import { errors, RestError } from '../rest/errors.js';
import { isRecord, nextIdOf, param, toInt, toStr } from '../util.js';

/** Events this portal can send. Others answer ERROR_EVENT_NOT_FOUND like a portal without the module. */
const KNOWN_EVENTS = new Set([
  'ONAPPINSTALL',
  'ONAPPUNINSTALL',
  'ONAPPUPDATE',
  'ONAPPTEST',
  'ONOFFLINEEVENT',
  'ONCRMDEALADD',
  'ONCRMDEALUPDATE',
  'ONCRMDEALDELETE',
  'ONCRMDEALMOVETOCATEGORY',
  'ONCRMCONTACTADD',
  'ONCRMCONTACTUPDATE',
  'ONCRMCONTACTDELETE',
  'ONCRMLEADADD',
  'ONCRMLEADUPDATE',
  'ONCRMLEADDELETE',
  'ONCRMDYNAMICITEMADD',
  'ONCRMDYNAMICITEMUPDATE',
  'ONCRMDYNAMICITEMDELETE',
  'ONCRMTIMELINECOMMENTADD',
  'ONCRMACTIVITYADD',
]);

function knownEvent(name: string): boolean {
  // Per-type SPA variants: ONCRMDYNAMICITEMADD_147 (contract.md §3.2).
  return KNOWN_EVENTS.has(name) || /^ONCRMDYNAMICITEM(ADD|UPDATE|DELETE)_\d+$/.test(name);
}

export const eventMethods: MethodTable = {
  'event.bind': {
    scope: [],
    // UNVERIFIED(b24): how a webhook call of event.bind is refused.
    appOnly: 'WRONG_AUTH_TYPE',
    handler: ({ core, auth }, params) => {
      const event = toStr(param(params, 'event'))?.toUpperCase();
      if (!event) throw errors.argument('EVENT');
      if (!knownEvent(event)) throw new RestError(400, 'ERROR_EVENT_NOT_FOUND', 'Event not found');
      const offline = toStr(param(params, 'event_type'))?.toLowerCase() === 'offline';
      const handler = toStr(param(params, 'handler')) ?? '';
      if (!offline && !handler) throw errors.argument('HANDLER');
      const authType = toInt(param(params, 'auth_type')) ?? 0;
      const admin = core.state.users.find((u) => u.id === auth.userId)?.admin ?? false;
      if (!admin && offline) throw errors.accessDenied('Access denied! Offline events binding requires administrator access rights');
      if (!admin && authType !== 0 && authType !== auth.userId) {
        throw errors.accessDenied('Access denied! Event binding with AUTH_TYPE requires administrator access rights');
      }
      const dup = core.state.eventBindings.some(
        (b) => b.event === event && b.handler === handler && b.authType === authType && b.offline === offline,
      );
      if (dup) throw new RestError(400, 'ERROR_HANDLER_ALREADY_EXIST', 'Handler already exists!');
      const options = param(params, 'options');
      core.state.eventBindings.push({
        id: nextIdOf(core.state, 'eventBinding'),
        event,
        handler,
        authType,
        offline,
        authConnector: toStr(param(params, 'auth_connector')),
        options: isRecord(options) ? options : undefined,
        boundBy: auth.userId,
      });
      return true;
    },
  },
  'event.unbind': {
    scope: [],
    appOnly: 'WRONG_AUTH_TYPE',
    handler: ({ core }, params) => {
      const event = toStr(param(params, 'event'))?.toUpperCase();
      if (!event) throw errors.argument('EVENT');
      const handler = toStr(param(params, 'handler')) ?? '';
      const authType = toInt(param(params, 'auth_type')) ?? 0;
      const offline = toStr(param(params, 'event_type'))?.toLowerCase() === 'offline';
      const before = core.state.eventBindings.length;
      core.state.eventBindings = core.state.eventBindings.filter(
        (b) => !(b.event === event && b.handler === handler && b.authType === authType && b.offline === offline),
      );
      return { count: before - core.state.eventBindings.length };
    },
  },
  // doc: event.test triggers ONAPPTEST with data {QUERY: <params>, LANGUAGE_ID} to the bound handler.
  'event.test': {
    scope: [],
    appOnly: 'WRONG_AUTH_TYPE',
    handler: ({ core, auth }, params) => {
      core.events.emit('ONAPPTEST', { QUERY: params, LANGUAGE_ID: core.state.app?.languageId ?? 'en' }, { userId: auth.userId });
      return 1;
    },
  },
  'event.get': {
    scope: [],
    appOnly: 'WRONG_AUTH_TYPE',
    handler: ({ core, auth }) => {
      const admin = core.state.users.find((u) => u.id === auth.userId)?.admin ?? false;
      return core.state.eventBindings
        .filter((b) => admin || b.boundBy === auth.userId)
        .map((b) => ({ event: b.event, handler: b.handler, auth_type: String(b.authType), offline: b.offline ? 1 : 0 }));
    },
  },
};
