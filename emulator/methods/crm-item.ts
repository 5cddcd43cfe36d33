// Universal item methods — doc: api-reference/crm/universal/crm-item-{add,get,list,update,delete}.md
// (contract.md §7.3). camelCase, native types, `parentId<entityTypeId>`, errors NOT_FOUND / ACCESS_DENIED.
import type { MethodTable } from '../rest/registry.js';
import { RestError } from '../rest/errors.js';
import { itemsOf } from '../state.js';
import type { CrmRecord } from '../records/crm.js';
import { fromItem, toItem } from '../crm/convert.js';
import { ufToCamel, ufToUpper } from '../crm/fields.js';
import { applyFilter, applyOrder, page, parseFilter } from '../crm/filter.js';
import { createRecord, deleteRecord, entityInfo, findRecord, StageError, updateRecord, type EntityInfo } from '../crm/store.js';
import type { Core } from '../core.js';
import { canReadRecord } from '../crm/access.js';
import { assertCanAddItem } from '../crm/plan.js';
import { isRecord, isYes, nextIdOf, param, toInt } from '../util.js';
import { selectList } from './crm-deal.js';
import { contactExtras } from './crm-contact.js';
import { isKnownSpaField } from './userfieldconfig.js';

const notFound = (text: string) => new RestError(400, 'NOT_FOUND', text);

function info(core: Core, params: Record<string, unknown>): EntityInfo {
  const typeId = toInt(param(params, 'entityTypeId'));
  const i = typeId === undefined ? undefined : entityInfo(core, typeId);
  if (!i) throw notFound('Smart process not found');
  return i;
}

function readFields(params: Record<string, unknown>): Record<string, unknown> {
  const fields = param(params, 'fields');
  if (!isRecord(fields)) throw new RestError(400, '100', "Expected iterable value for attribute 'fields'");
  return fields;
}

/** Field patch incl. multi-fields `fm: [{valueType, value, typeId}]` for leads and contacts. */
function patchOf(core: Core, i: EntityInfo, fields: Record<string, unknown>, current?: CrmRecord): Record<string, unknown> {
  const patch = fromItem(fields, i.specs);
  // A smart process keeps only the user fields created for it (userfieldconfig.add).
  if (core.state.types.some((t) => t.entityTypeId === i.entityTypeId)) {
    for (const k of Object.keys(patch)) if (k.startsWith('ufCrm') && !isKnownSpaField(core, i.entityTypeId, k)) delete patch[k];
  }
  if ((i.entityTypeId === 1 || i.entityTypeId === 3) && Array.isArray(fields.fm)) {
    const fm = (Array.isArray(current?.fm) ? [...(current.fm as unknown[])] : []) as Record<string, unknown>[];
    for (const e of fields.fm) {
      if (!isRecord(e)) continue;
      fm.push({
        id: nextIdOf(core.state, 'fm', 100),
        valueType: String(e.valueType ?? 'WORK'),
        value: String(e.value ?? ''),
        typeId: String(e.typeId ?? 'PHONE'),
      });
    }
    patch.fm = fm;
    patch.hasPhone = fm.some((f) => f.typeId === 'PHONE') ? 'Y' : 'N';
    patch.hasEmail = fm.some((f) => f.typeId === 'EMAIL') ? 'Y' : 'N';
  }
  return patch;
}

function output(
  core: Core,
  i: EntityInfo,
  rec: CrmRecord,
  params: Record<string, unknown>,
  select: string[] = [],
): Record<string, unknown> {
  const withFm = (i.entityTypeId === 1 || i.entityTypeId === 3) && (select.length === 0 || select.includes('*'));
  const item = { ...toItem(rec, i.specs, select), ...(withFm ? contactExtras(rec) : {}) };
  if (!isYes(param(params, 'useOriginalUfNames'))) return item;
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k.startsWith('ufCrm') ? ufToUpper(k) : k, v]));
}

function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof StageError) throw new RestError(400, 'CRM_FIELD_ERROR_VALUE_NOT_VALID', err.message);
    throw err;
  }
}

function itemGetter(rec: CrmRecord, field: string): unknown {
  if (field in rec) return rec[field];
  if (/^UF_CRM_/i.test(field)) return rec[ufToCamel(field.toUpperCase())];
  return rec[field.charAt(0).toLowerCase() + field.slice(1)];
}

export const crmItemMethods: MethodTable = {
  'crm.item.add': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      const i = info(core, params);
      assertCanAddItem(core, i.entityTypeId);
      const rec = guarded(() => createRecord(core, i, patchOf(core, i, readFields(params)), auth.userId));
      return { item: output(core, i, rec, params) };
    },
  },
  'crm.item.update': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      const i = info(core, params);
      const id = toInt(param(params, 'id'));
      const current = id === undefined ? undefined : findRecord(core, i.entityTypeId, id);
      const fields = readFields(params);
      const rec = current && guarded(() => updateRecord(core, i, current.id, patchOf(core, i, fields, current), auth.userId));
      if (!rec) throw notFound('Element not found');
      return { item: output(core, i, rec, params) };
    },
  },
  'crm.item.get': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      const i = info(core, params);
      const id = toInt(param(params, 'id'));
      const rec = id === undefined ? undefined : findRecord(core, i.entityTypeId, id);
      if (!rec) throw notFound('Element not found');
      if (!canReadRecord(core, auth.userId, i.entityTypeId, rec))
        throw new RestError(400, 'ACCESS_DENIED', 'You do not have permission to view this item');
      return { item: output(core, i, rec, params) };
    },
  },
  'crm.item.list': {
    scope: ['crm'],
    handler: ({ core }, params) => {
      const i = info(core, params);
      const rows = applyOrder(
        applyFilter(itemsOf(core.state, i.entityTypeId), parseFilter(param(params, 'filter')), itemGetter),
        param(params, 'order'),
        itemGetter,
        'id',
      );
      const select = selectList(param(params, 'select'));
      return page(rows, param(params, 'start'), (p) => ({ items: p.map((r) => output(core, i, r, params, select)) }));
    },
  },
  'crm.item.delete': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      const i = info(core, params);
      const id = toInt(param(params, 'id'));
      if (id === undefined || !deleteRecord(core, i, id, auth.userId)) throw notFound('Element not found');
      // UNVERIFIED(b24): crm.item.delete answers an empty result.
      return [];
    },
  },
};
