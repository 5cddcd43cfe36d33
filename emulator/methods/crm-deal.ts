// Legacy deal methods — doc: api-reference/crm/deals/crm-deal-{get,list,add,update,fields}.md,
// user-defined-fields/crm-deal-userfield-add.md (contract.md §7.1–7.2). UPPER_CASE string values;
// errors carry an EMPTY error code with HTTP 400.
import type { MethodTable } from '../rest/registry.js';
import { errors } from '../rest/errors.js';
import { ENTITY_DEAL, itemsOf } from '../state.js';
import type { CrmRecord } from '../records/crm.js';
import { DEAL_FIELDS, byUpper, ufToCamel, type FieldSpec } from '../crm/fields.js';
import { fromLegacy, toLegacy } from '../crm/convert.js';
import { applyFilter, applyOrder, page, parseFilter } from '../crm/filter.js';
import { createRecord, entityInfo, findRecord, StageError, updateRecord, deleteRecord } from '../crm/store.js';
import type { Core } from '../core.js';
import { canReadRecord } from '../crm/access.js';
import { isRecord, isYes, nextIdOf, param, toInt, toStr } from '../util.js';

const upperMap = byUpper(DEAL_FIELDS);

/** Value of a legacy field name on a stored record (for filters and ordering). */
export function legacyGetter(specs = upperMap) {
  return (rec: CrmRecord, field: string): unknown => {
    const key = field.toUpperCase();
    const spec = specs.get(key);
    if (spec) return rec[spec.camel];
    if (key.startsWith('UF_CRM_')) return rec[ufToCamel(key)];
    const parent = /^PARENT_ID_(\d+)$/.exec(key);
    if (parent) return rec[`parentId${parent[1]}`];
    return rec[field];
  };
}

export function selectList(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  if (isRecord(raw)) return Object.values(raw).map(String);
  return [];
}

function dealInfo(core: Core) {
  return entityInfo(core, ENTITY_DEAL)!;
}

function readId(params: Record<string, unknown>): number {
  const id = toInt(param(params, 'id'));
  if (id === undefined || id <= 0) throw errors.legacy('ID is not defined or invalid.');
  return id;
}

function readFields(params: Record<string, unknown>): Record<string, unknown> {
  const fields = param(params, 'fields');
  if (!isRecord(fields)) throw errors.legacy("Parameter 'fields' must be array.");
  return fields;
}

function withStageErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof StageError) throw errors.legacy(err.message);
    throw err;
  }
}

function fieldTypeOf(s: FieldSpec): string {
  if (s.statusType) return 'crm_status';
  const byKind: Record<FieldSpec['kind'], string> = {
    int: 'integer',
    float: 'double',
    yn: 'char',
    date: 'datetime',
    str: 'string',
    intList: 'integer',
  };
  return byKind[s.kind];
}

const USER_TYPES = new Set([
  'string',
  'integer',
  'double',
  'boolean',
  'datetime',
  'date',
  'money',
  'url',
  'address',
  'enumeration',
  'file',
  'employee',
  'crm_status',
  'iblock_section',
  'iblock_element',
  'crm',
]);

export const crmDealMethods: MethodTable = {
  'crm.deal.get': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      const rec = findRecord(core, ENTITY_DEAL, readId(params));
      if (!rec) throw errors.legacy('Not found');
      if (!canReadRecord(core, auth.userId, ENTITY_DEAL, rec)) throw errors.legacy('Access denied');
      return toLegacy(rec, DEAL_FIELDS);
    },
  },
  'crm.deal.list': {
    scope: ['crm'],
    handler: ({ core }, params) => {
      const get = legacyGetter();
      const rows = applyOrder(
        applyFilter(itemsOf(core.state, ENTITY_DEAL), parseFilter(param(params, 'filter')), get),
        param(params, 'order'),
        get,
        'ID',
      );
      const select = selectList(param(params, 'select'));
      return page(rows, param(params, 'start'), (p) => p.map((r) => toLegacy(r, DEAL_FIELDS, select)));
    },
  },
  'crm.deal.add': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      const patch = fromLegacy(readFields(params), DEAL_FIELDS, { allowImmutable: true });
      return withStageErrors(() => createRecord(core, dealInfo(core), patch, auth.userId).id);
    },
  },
  'crm.deal.update': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      const id = readId(params);
      const patch = fromLegacy(readFields(params), DEAL_FIELDS);
      // auth_connector: the caller's offline queue does not record its own write (offline-events.md).
      const connector = toStr(param(params, 'auth_connector'));
      const rec = withStageErrors(() => updateRecord(core, dealInfo(core), id, patch, auth.userId, connector));
      if (!rec) throw errors.legacy('Not found');
      return true;
    },
  },
  'crm.deal.delete': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      if (!deleteRecord(core, dealInfo(core), readId(params), auth.userId)) throw errors.legacy('Not found');
      return true;
    },
  },
  'crm.deal.fields': {
    scope: ['crm'],
    handler: ({ core }) => {
      const out: Record<string, unknown> = {};
      for (const s of DEAL_FIELDS) {
        if (s.itemOnly) continue;
        out[s.upper] = {
          type: s.fieldType ?? fieldTypeOf(s),
          isRequired: s.required ?? false,
          isReadOnly: s.readOnly ?? false,
          isImmutable: s.immutable ?? false,
          isMultiple: false,
          isDynamic: false,
          ...(s.deprecated ? { isDeprecated: true } : {}),
          title: s.title,
          ...(s.statusType ? { statusType: s.statusType } : {}),
          ...(s.parentEntityTypeId ? { settings: { parentEntityTypeId: s.parentEntityTypeId } } : {}),
        };
        if (s.upper === 'CONTACT_ID') {
          // Write-only in crm.deal.add/update; the multiple link that replaces CONTACT_ID.
          out.CONTACT_IDS = {
            type: 'crm_contact',
            isRequired: false,
            isReadOnly: false,
            isImmutable: false,
            isMultiple: true,
            isDynamic: false,
            title: 'Contacts',
          };
        }
      }
      for (const uf of core.state.dealUserFields) {
        const label = typeof uf.label === 'string' ? uf.label : uf.fieldName;
        out[uf.fieldName] = {
          type: uf.userTypeId,
          isRequired: uf.mandatory,
          isReadOnly: false,
          isImmutable: false,
          isMultiple: uf.multiple,
          isDynamic: true,
          title: uf.fieldName,
          listLabel: label,
          formLabel: label,
          filterLabel: label,
          settings: uf.settings ?? [],
        };
      }
      return out;
    },
  },
  'crm.deal.userfield.add': {
    scope: ['crm'],
    handler: ({ core }, params) => {
      const fields = readFields(params);
      const userTypeId = toStr(param(fields, 'USER_TYPE_ID'));
      if (!userTypeId || !USER_TYPES.has(userTypeId)) throw errors.legacy("The 'USER_TYPE_ID' field is not found.");
      const rawName = toStr(param(fields, 'FIELD_NAME'))?.toUpperCase();
      if (!rawName) throw errors.legacy("The 'FIELD_NAME' field is not found.");
      const fieldName = rawName.startsWith('UF_CRM_') ? rawName : `UF_CRM_${rawName}`;
      if (!/^[A-Z0-9_]+$/.test(fieldName) || fieldName.length > 50) throw errors.badRequest('ERROR_CORE', 'Invalid field name');
      // UNVERIFIED(b24): wording of the duplicate-name error.
      if (core.state.dealUserFields.some((u) => u.fieldName === fieldName))
        throw errors.badRequest('ERROR_CORE', 'Field name already exists');
      const label = param(fields, 'EDIT_FORM_LABEL') ?? param(fields, 'LABEL') ?? fieldName;
      const id = nextIdOf(core.state, 'userfield', 6000);
      core.state.dealUserFields.push({
        id,
        fieldName,
        userTypeId,
        multiple: isYes(param(fields, 'MULTIPLE')),
        mandatory: isYes(param(fields, 'MANDATORY')),
        label,
        settings: param(fields, 'SETTINGS'),
        list: param(fields, 'LIST'),
        sort: toInt(param(fields, 'SORT')) ?? 100,
        xmlId: toStr(param(fields, 'XML_ID')),
      });
      return id;
    },
  },
  'crm.deal.userfield.list': {
    scope: ['crm'],
    handler: ({ core }, params) => {
      const rows = core.state.dealUserFields.map((u) => ({
        ID: String(u.id),
        ENTITY_ID: 'CRM_DEAL',
        FIELD_NAME: u.fieldName,
        USER_TYPE_ID: u.userTypeId,
        XML_ID: u.xmlId ?? null,
        SORT: String(u.sort),
        MULTIPLE: u.multiple ? 'Y' : 'N',
        MANDATORY: u.mandatory ? 'Y' : 'N',
        SHOW_FILTER: 'N',
        SHOW_IN_LIST: 'Y',
        EDIT_IN_LIST: 'Y',
        IS_SEARCHABLE: 'N',
        SETTINGS: u.settings ?? [],
        ...(u.list ? { LIST: u.list } : {}),
      }));
      const filtered = applyFilter(rows, parseFilter(param(params, 'filter')), (r, f) => (r as Record<string, unknown>)[f.toUpperCase()]);
      return filtered;
    },
  },
};
