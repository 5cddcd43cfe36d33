// Smart-process user fields — doc: api-reference/crm/universal/userfieldconfig/userfieldconfig-{add,list}.md,
// userfieldconfig/entity-id.md. Scope `userfieldconfig` plus the module's scope (moduleId "crm").
// entityId is CRM_<crm.type id> (not the entityTypeId); fieldName must start with UF_<entityId>_;
// errors answer with an empty code (the docs' "Possible Error Codes" table).
// Only smart processes are emulated here (deal fields are crm.deal.userfield.*).
import type { MethodTable } from '../rest/registry.js';
import { errors } from '../rest/errors.js';
import type { Core } from '../core.js';
import type { EmulatorState } from '../state.js';
import { ufToCamel } from '../crm/fields.js';
import { applyFilter, applyOrder, page, parseFilter } from '../crm/filter.js';
import { isRecord, nextIdOf, param, toInt, toStr } from '../util.js';

export interface SpaUserField {
  id: number;
  entityId: string;
  fieldName: string;
  userTypeId: string;
  xmlId: string | null;
  sort: number;
  multiple: boolean;
  mandatory: boolean;
  showFilter: string;
  editInList: boolean;
  isSearchable: boolean;
  settings: Record<string, unknown>;
  editFormLabel: Record<string, string>;
  helpMessage: Record<string, string> | null;
  enum: { id: number; value: string; def: string; sort: number; xmlId: string }[] | null;
}

// Kept on the state object so it is saved and reset with it. Optional: older state files lack it.
type WithSpaFields = EmulatorState & { spaUserFields?: SpaUserField[] };

export function spaUserFields(state: EmulatorState): SpaUserField[] {
  const s = state as WithSpaFields;
  s.spaUserFields ??= [];
  return s.spaUserFields;
}

const USER_TYPES = new Set([
  'string',
  'integer',
  'double',
  'boolean',
  'date',
  'datetime',
  'money',
  'url',
  'address',
  'file',
  'enumeration',
  'employee',
  'crm_status',
  'crm',
  'iblock_section',
  'iblock_element',
]);

/**
 * Whether a crm.item field name (camelCase, e.g. ufCrm5Principal) is a user field of this smart
 * process. UNVERIFIED(b24): the docs do not say what crm.item.add/update do with an unknown uf
 * field; a portal does not store it, so the emulator drops it silently.
 */
export function isKnownSpaField(core: Core, entityTypeId: number, camel: string): boolean {
  const type = core.state.types.find((t) => t.entityTypeId === entityTypeId);
  if (!type) return false;
  const entityId = `CRM_${type.id}`;
  return spaUserFields(core.state).some((f) => f.entityId === entityId && ufToCamel(f.fieldName) === camel);
}

const yn = (v: boolean) => (v ? 'Y' : 'N');

function view(f: SpaUserField): Record<string, unknown> {
  const langs = Object.keys(f.editFormLabel);
  const nulls = () => Object.fromEntries(langs.map((l) => [l, null]));
  return {
    id: String(f.id),
    entityId: f.entityId,
    fieldName: f.fieldName,
    userTypeId: f.userTypeId,
    xmlId: f.xmlId,
    sort: String(f.sort),
    multiple: yn(f.multiple),
    mandatory: yn(f.mandatory),
    showFilter: f.showFilter,
    showInList: 'Y',
    editInList: yn(f.editInList),
    isSearchable: yn(f.isSearchable),
    settings: f.settings,
    languageId: Object.fromEntries(langs.map((l) => [l, l])),
    editFormLabel: f.editFormLabel,
    listColumnLabel: nulls(),
    listFilterLabel: nulls(),
    errorMessage: nulls(),
    helpMessage: f.helpMessage ?? nulls(),
    ...(f.enum
      ? {
          enum: f.enum.map((e) => ({
            id: String(e.id),
            userFieldId: String(f.id),
            value: e.value,
            def: e.def,
            sort: String(e.sort),
            xmlId: e.xmlId,
          })),
        }
      : {}),
  };
}

function langMap(v: unknown, fallback: string): Record<string, string> {
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x ?? '')]));
  const s = toStr(v);
  return { en: s ?? fallback };
}

function checkModule(params: Record<string, unknown>, scope: string[]): void {
  const moduleId = toStr(param(params, 'moduleId'));
  if (!moduleId) throw errors.argument('moduleId');
  if (moduleId !== 'crm') throw errors.legacy('No settings for UserFieldAccess');
  if (!scope.includes('crm')) throw errors.legacy('The current method required more scopes. (crm)');
}

export const userfieldconfigMethods: MethodTable = {
  'userfieldconfig.add': {
    scope: ['userfieldconfig'],
    handler: ({ core, auth }, params) => {
      checkModule(params, auth.scope);
      const field = param(params, 'field');
      if (!isRecord(field)) throw errors.argument('field');
      const entityId = toStr(field.entityId)?.toUpperCase() ?? '';
      const typeId = /^CRM_(\d+)$/.exec(entityId)?.[1];
      if (typeId === undefined || !core.state.types.some((t) => t.id === Number(typeId)))
        throw errors.legacy('You cannot create custom fields');
      const userTypeId = toStr(field.userTypeId);
      if (!userTypeId || !(USER_TYPES.has(userTypeId) || userTypeId.startsWith('rest_')))
        throw errors.legacy("The 'USER_TYPE_ID' field is not found.");
      const fieldName = toStr(field.fieldName)?.toUpperCase();
      if (!fieldName) throw errors.legacy("The 'FIELD_NAME' field is not found.");
      if (!fieldName.startsWith(`UF_${entityId}_`) || !/^[A-Z0-9_]+$/.test(fieldName) || fieldName.length > 50)
        throw errors.legacy('You cannot create custom fields');
      const all = spaUserFields(core.state);
      if (all.some((f) => f.entityId === entityId && f.fieldName === fieldName)) throw errors.legacy(`Field ${fieldName} already exists`);
      const id = nextIdOf(core.state, 'userfield', 6000);
      const rawEnum = Array.isArray(field.enum) ? field.enum.filter(isRecord) : [];
      const f: SpaUserField = {
        id,
        entityId,
        fieldName,
        userTypeId,
        xmlId: toStr(field.xmlId) ?? null,
        sort: toInt(field.sort) ?? 100,
        multiple: toStr(field.multiple) === 'Y',
        mandatory: toStr(field.mandatory) === 'Y',
        showFilter: toStr(field.showFilter) ?? 'N',
        editInList: toStr(field.editInList) !== 'N',
        isSearchable: toStr(field.isSearchable) === 'Y',
        settings: isRecord(field.settings) ? field.settings : {},
        editFormLabel: langMap(field.editFormLabel, fieldName),
        helpMessage: field.helpMessage === undefined ? null : langMap(field.helpMessage, ''),
        enum:
          userTypeId === 'enumeration'
            ? rawEnum.map((e, i) => ({
                id: nextIdOf(core.state, 'userfieldEnum', 3000),
                value: String(e.value ?? ''),
                def: toStr(e.def) === 'Y' ? 'Y' : 'N',
                sort: toInt(e.sort) ?? 100 * (i + 1),
                xmlId: toStr(e.xmlId) ?? `enum${i + 1}`,
              }))
            : null,
      };
      all.push(f);
      core.changed();
      return { field: view(f) };
    },
  },
  'userfieldconfig.list': {
    scope: ['userfieldconfig'],
    handler: ({ core, auth }, params) => {
      checkModule(params, auth.scope);
      // Filter and order on the wire values, except numbers (id, sort) which compare as numbers.
      const get = (f: SpaUserField, k: string): unknown => (k === 'id' || k === 'sort' ? f[k] : view(f)[k]);
      const filtered = applyFilter(spaUserFields(core.state), parseFilter(param(params, 'filter')), get);
      const ordered = applyOrder(filtered, param(params, 'order') ?? { sort: 'ASC', id: 'ASC' }, get, 'id');
      return page(ordered, param(params, 'start'), (p) => ({ fields: p.map(view) }));
    },
  },
};
