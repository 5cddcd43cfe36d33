// placement.bind|unbind|get — doc: api-reference/widgets/placement-bind.md, -unbind.md, -get.md (contract.md §4.1).
import type { MethodTable } from '../rest/registry.js';
import { errors, RestError } from '../rest/errors.js';
import { isRecord, nextIdOf, param, toInt, toStr } from '../util.js';

type LangAll = Record<string, { TITLE?: string; DESCRIPTION?: string; GROUP_NAME?: string }>;

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export const placementMethods: MethodTable = {
  'placement.bind': {
    scope: ['placement'],
    appOnly: 'WRONG_AUTH_TYPE',
    adminOnly: true,
    handler: ({ core, auth }, params) => {
      const code = toStr(param(params, 'PLACEMENT'))?.toUpperCase();
      if (!code) throw errors.argument('PLACEMENT');
      const handler = toStr(param(params, 'HANDLER'));
      if (!handler) throw errors.argument('HANDLER');
      // CRM placements need the crm scope too (doc: ERROR_PLACEMENT_NOT_FOUND when it is missing).
      if (code.startsWith('CRM_') && !auth.scope.includes('crm')) {
        throw new RestError(400, 'ERROR_PLACEMENT_NOT_FOUND', 'Placement not found');
      }
      if (!isHttpUrl(handler)) throw new RestError(400, 'ERROR_WRONG_HANDLER_URL', 'Wrong handler URL');
      const exists = core.state.placements.some((p) => p.placement === code && p.handler === handler);
      // UNVERIFIED(b24): binding the same placement+handler twice is reported as an error.
      if (exists) throw new RestError(400, 'ERROR_PLACEMENT_HANDLER_ALREADY_EXISTS', 'Handler already binded');
      const title = toStr(param(params, 'TITLE')) ?? '';
      const description = toStr(param(params, 'DESCRIPTION')) ?? '';
      const groupName = toStr(param(params, 'GROUP_NAME')) ?? '';
      const langAllRaw = param(params, 'LANG_ALL');
      const langAll: LangAll = isRecord(langAllRaw)
        ? (langAllRaw as LangAll)
        : { en: { TITLE: title, DESCRIPTION: description, GROUP_NAME: groupName } };
      const options = param(params, 'OPTIONS');
      const userId = toInt(param(params, 'USER_ID')) ?? 0;
      if (userId !== 0 && code !== 'PAGE_BACKGROUND_WORKER') {
        throw new RestError(400, 'ERROR_PLACEMENT_USER_MODE', 'User mode is not available for this placement');
      }
      core.state.placements.push({
        id: nextIdOf(core.state, 'placement'),
        placement: code,
        handler,
        title,
        description,
        groupName,
        langAll,
        options: isRecord(options) ? options : {},
        userId,
      });
      return true;
    },
  },
  'placement.unbind': {
    scope: ['placement'],
    appOnly: 'WRONG_AUTH_TYPE',
    adminOnly: true,
    handler: ({ core }, params) => {
      const code = toStr(param(params, 'PLACEMENT'))?.toUpperCase();
      if (!code) throw errors.argument('PLACEMENT');
      const handler = toStr(param(params, 'HANDLER'));
      const before = core.state.placements.length;
      core.state.placements = core.state.placements.filter(
        (p) => !(p.placement === code && (handler === undefined || p.handler === handler)),
      );
      return { count: before - core.state.placements.length };
    },
  },
  'placement.get': {
    scope: ['placement'],
    appOnly: 'WRONG_AUTH_TYPE',
    handler: ({ core }) =>
      core.state.placements.map((p) => ({
        placement: p.placement,
        userId: p.userId,
        handler: p.handler,
        // PHP serialises an empty options array as [].
        options: Object.keys(p.options).length === 0 ? [] : p.options,
        title: p.title,
        description: p.description,
        langAll: p.langAll,
      })),
  },
};
