// bizproc.activity.* / bizproc.robot.* registration, bizproc.event.send, bizproc.activity.log —
// doc: api-reference/bizproc/bizproc-activity/*, bizproc-robot/* (contract.md §5).
import type { MethodDef, MethodTable } from '../rest/registry.js';
import { RestError, errors } from '../rest/errors.js';
import type { BizprocRegistration } from '../records/bindings.js';
import { isRecord, isoDate, param, toInt, toStr } from '../util.js';
import type { Core } from '../core.js';

const validation = (text: string) => new RestError(400, 'ERROR_ACTIVITY_VALIDATION_FAILURE', text);
const notFound = () => new RestError(400, 'ERROR_ACTIVITY_NOT_FOUND', 'Activity or Automation rule not found!');

function checkHandler(core: Core, handler: string): void {
  let url: URL;
  try {
    url = new URL(handler);
  } catch {
    throw new RestError(400, 'ERROR_WRONG_HANDLER_URL', 'Wrong handler URL!');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RestError(400, 'ERROR_UNSUPPORTED_PROTOCOL', 'Unsupported protocol');
  // doc: HANDLER "must have the same domain where the application is installed".
  const appHosts = [core.state.app?.handlerUrl, core.state.app?.installUrl].filter((u): u is string => !!u).map((u) => new URL(u).hostname);
  if (appHosts.length > 0 && !appHosts.includes(url.hostname)) throw new RestError(400, 'ERROR_WRONG_HANDLER_URL', 'Wrong handler URL!');
}

function validateProps(raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null || raw === '') return {};
  if (!isRecord(raw)) throw validation('Wrong properties array!');
  for (const [key, prop] of Object.entries(raw)) {
    if (!/^[a-zA-Z][a-zA-Z0-9_]*$/.test(key)) throw validation(`Wrong property key ${key}!`);
    if (!isRecord(prop) || param(prop, 'Name') === undefined || param(prop, 'Name') === '') throw validation(`Empty property NAME ${key}!`);
  }
  return raw;
}

function readRegistration(core: Core, params: Record<string, unknown>, base?: BizprocRegistration): BizprocRegistration {
  const code = base?.code ?? toStr(param(params, 'CODE'));
  if (!code) throw validation('Empty activity code!');
  if (!/^[a-zA-Z0-9._-]+$/.test(code)) throw validation('Wrong activity code!');
  const handler = toStr(param(params, 'HANDLER')) ?? base?.handler;
  if (!handler) throw new RestError(400, 'ERROR_WRONG_HANDLER_URL', 'Wrong handler URL!');
  checkHandler(core, handler);
  const name = param(params, 'NAME') ?? base?.name;
  if (name === undefined || name === '' || (isRecord(name) && Object.keys(name).length === 0)) throw validation('Empty activity NAME!');
  const docType = param(params, 'DOCUMENT_TYPE') ?? base?.documentType;
  if (docType !== undefined && !(Array.isArray(docType) && docType.length === 3)) throw validation('Wrong activity DOCUMENT_TYPE!');
  const filter = param(params, 'FILTER') ?? base?.filter;
  if (filter !== undefined && !isRecord(filter)) throw validation('Wrong activity FILTER!');
  return {
    code,
    handler,
    authUserId: toInt(param(params, 'AUTH_USER_ID')) ?? base?.authUserId ?? 1,
    // Current docs: empty USE_SUBSCRIPTION means the workflow waits.
    useSubscription: toStr(param(params, 'USE_SUBSCRIPTION')) ?? base?.useSubscription ?? '',
    name,
    description: param(params, 'DESCRIPTION') ?? base?.description ?? '',
    properties: param(params, 'PROPERTIES') !== undefined ? validateProps(param(params, 'PROPERTIES')) : (base?.properties ?? {}),
    returnProperties:
      param(params, 'RETURN_PROPERTIES') !== undefined ? validateProps(param(params, 'RETURN_PROPERTIES')) : (base?.returnProperties ?? {}),
    documentType: docType,
    filter,
    usePlacement: toStr(param(params, 'USE_PLACEMENT')) ?? base?.usePlacement ?? 'N',
    placementHandler: toStr(param(params, 'PLACEMENT_HANDLER')) ?? base?.placementHandler,
  };
}

function registrationMethods(kind: 'activity' | 'robot'): MethodTable {
  const list = (core: Core) => (kind === 'activity' ? core.state.activities : core.state.robots);
  const common: Pick<MethodDef, 'scope' | 'appOnly' | 'adminOnly'> = { scope: ['bizproc'], appOnly: 'ACCESS_DENIED', adminOnly: true };
  return {
    [`bizproc.${kind}.add`]: {
      ...common,
      handler: ({ core }, params) => {
        if (Object.keys(params).length === 0) throw validation('Empty data!');
        const reg = readRegistration(core, params);
        // Activities and robots share one table (IS_ROBOT), so a code is unique across both.
        if ([...core.state.activities, ...core.state.robots].some((r) => r.code === reg.code)) {
          throw new RestError(400, 'ERROR_ACTIVITY_ALREADY_INSTALLED', 'Activity or Robot already installed!');
        }
        list(core).push(reg);
        return true;
      },
    },
    [`bizproc.${kind}.update`]: {
      ...common,
      handler: ({ core }, params) => {
        const code = toStr(param(params, 'CODE'));
        if (!code) throw validation('Empty activity code!');
        const fields = param(params, 'FIELDS');
        if (!isRecord(fields)) throw validation('Empty data!');
        const rows = list(core);
        const i = rows.findIndex((r) => r.code === code);
        if (i < 0) throw notFound();
        rows[i] = readRegistration(core, fields, rows[i]);
        return true;
      },
    },
    [`bizproc.${kind}.delete`]: {
      ...common,
      handler: ({ core }, params) => {
        const code = toStr(param(params, 'CODE'));
        const rows = list(core);
        const i = rows.findIndex((r) => r.code === code);
        if (!code || i < 0) throw notFound();
        rows.splice(i, 1);
        return true;
      },
    },
    [`bizproc.${kind}.list`]: { ...common, adminOnly: false, handler: ({ core }) => list(core).map((r) => r.code) },
  };
}

export const bizprocMethods: MethodTable = {
  ...registrationMethods('activity'),
  ...registrationMethods('robot'),
  'bizproc.event.send': {
    scope: ['bizproc'],
    handler: ({ core }, params) => {
      const token = toStr(param(params, 'EVENT_TOKEN'));
      const wt = token ? core.state.workflowTokens.find((t) => t.eventToken === token) : undefined;
      // An unknown, finished or already answered token: 403 ACCESS_DENIED "Access denied!" (doc).
      if (!wt || wt.used) throw errors.accessDenied('Access denied!');
      const rv = param(params, 'RETURN_VALUES');
      wt.used = true;
      wt.returnValues = isRecord(rv) ? rv : {};
      const log = toStr(param(params, 'LOG_MESSAGE'));
      if (log) wt.logMessages.push(log);
      wt.completedAt = isoDate();
      core.notify.emit('bizproc.event.send', wt);
      return true;
    },
  },
  'bizproc.activity.log': {
    scope: ['bizproc'],
    handler: ({ core }, params) => {
      const token = toStr(param(params, 'EVENT_TOKEN'));
      const message = toStr(param(params, 'LOG_MESSAGE'));
      if (!message) throw new RestError(400, 'ERROR_EMPTY_LOG_MESSAGE', 'Empty log message!');
      const wt = token ? core.state.workflowTokens.find((t) => t.eventToken === token) : undefined;
      if (!wt || wt.used) throw errors.accessDenied('Access denied!');
      wt.logMessages.push(message);
      core.notify.emit('bizproc.activity.log', wt);
      return true;
    },
  },
};
