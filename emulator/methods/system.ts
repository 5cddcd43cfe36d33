// app.info, user.current, user.get, profile, user.admin, scope — doc: api-reference/common/system/app-info.md,
// api-reference/user/user-current.md, api-reference/user/user-get.md, api-reference/common/users/profile.md,
// api-reference/common/users/user-admin.md, .../system/scope.md (contract.md §7.11).
import { applyFilter, applyOrder, page, parseFilter } from '../crm/filter.js';
import { Paged, type MethodTable } from '../rest/registry.js';
import { RestError } from '../rest/errors.js';
import type { PortalUser } from '../records/users.js';
import { isRecord, isYes, param, toStr } from '../util.js';

export const ALL_SCOPES = [
  'crm',
  'placement',
  'bizproc',
  'messageservice',
  'user',
  'user_brief',
  'user_basic',
  'im',
  'disk',
  'telephony',
  'entity',
  'department',
];

export function userCurrent(u: PortalUser): Record<string, unknown> {
  return {
    ID: String(u.id),
    ACTIVE: true,
    NAME: u.name,
    LAST_NAME: u.lastName,
    EMAIL: u.email,
    LAST_LOGIN: '2026-01-01T09:00:00+00:00',
    DATE_REGISTER: '2025-01-01T00:00:00+00:00',
    IS_ONLINE: 'Y',
    TIMESTAMP_X: '01.01.2025 00:00:00',
    LAST_ACTIVITY_DATE: '2026-01-01 09:00:00',
    PERSONAL_GENDER: u.gender,
    PERSONAL_BIRTHDAY: '',
    WORK_POSITION: u.workPosition,
    UF_EMPLOYMENT_DATE: '',
    UF_DEPARTMENT: u.departmentIds,
  };
}

export const systemMethods: MethodTable = {
  'app.info': {
    scope: [],
    // doc: without app context → 400 ACCESS_DENIED "Access denied! Application context required".
    appOnly: () => new RestError(400, 'ACCESS_DENIED', 'Access denied! Application context required'),
    handler: ({ core }) => {
      const app = core.state.app;
      return {
        ID: 1,
        CODE: app?.code ?? core.opts.clientId,
        VERSION: app?.version ?? 1,
        STATUS: app?.status ?? core.opts.appStatus,
        INSTALLED: app?.installed ?? false,
        PAYMENT_EXPIRED: app?.paymentExpired ? 'Y' : 'N',
        DAYS: null,
        LANGUAGE_ID: app?.languageId ?? core.state.portal.languageId,
        LICENSE: core.state.portal.license,
        LICENSE_TYPE: core.state.portal.license.split('_')[1] ?? 'basic',
        LICENSE_FAMILY: core.state.portal.license.split('_')[1] ?? 'basic',
      };
    },
  },
  'user.current': {
    scope: ['user', 'user_brief', 'user_basic'],
    handler: ({ core, auth }) => userCurrent(core.state.users.find((u) => u.id === auth.userId)!),
  },
  // doc: api-reference/user/user-get.md — scope user, user_brief or user_basic (else insufficient_scope);
  // FILTER (or the filter keys at the top level, as the doc's examples pass UF_DEPARTMENT) with the
  // list prefixes and array values; sorted by ID ascending unless sort/order say otherwise; pages of 50.
  // UNVERIFIED(b24): NAME_SEARCH, USER_TYPE and IS_ONLINE filters and ADMIN_MODE are not emulated.
  'user.get': {
    scope: ['user', 'user_brief', 'user_basic'],
    handler: ({ core }, params) => {
      const explicit = param(params, 'FILTER');
      const control = new Set(['filter', 'sort', 'order', 'select', 'start', 'admin_mode', 'image_resize']);
      const filter = isRecord(explicit)
        ? explicit
        : Object.fromEntries(Object.entries(params).filter(([k]) => !control.has(k.toLowerCase())));
      const rows = core.state.users.map(userCurrent);
      const get = (r: Record<string, unknown>, field: string) => r[field.toUpperCase()];
      const sort = toStr(param(params, 'sort'));
      const order = sort ? { [sort]: toStr(param(params, 'order')) ?? 'ASC' } : undefined;
      const found = applyOrder(applyFilter(rows, parseFilter(filter), get), order, get, 'ID');
      return page(found, param(params, 'start'), (p) => p);
    },
  },
  profile: {
    scope: [],
    handler: ({ core, auth }) => {
      const u = core.state.users.find((x) => x.id === auth.userId)!;
      return { ID: String(u.id), ADMIN: u.admin, NAME: u.name, LAST_NAME: u.lastName, PERSONAL_GENDER: u.gender, TIME_ZONE: '' };
    },
  },
  // doc: api-reference/common/users/user-admin.md — scope basic, any user; true for a portal administrator.
  'user.admin': {
    scope: [],
    handler: ({ core, auth }) => core.state.users.find((u) => u.id === auth.userId)?.admin === true,
  },
  // UNVERIFIED(b24): one department holding everybody; enough for the documented batch example.
  'department.get': {
    scope: ['department'],
    handler: () => new Paged([{ ID: '1', NAME: 'Company', SORT: 500, UF_HEAD: '1' }], 1),
  },
  scope: {
    scope: [],
    handler: ({ auth }, params) => (isYes(param(params, 'full')) ? ALL_SCOPES : auth.scope),
  },
};
