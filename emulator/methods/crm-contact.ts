// Legacy contact methods — doc: api-reference/crm/contacts/crm-contact-{get,add,list,update}.md (contract.md §7.7).
// Multi-fields PHONE/EMAIL are arrays of {ID, VALUE_TYPE, VALUE, TYPE_ID}; stored as crm.item `fm`.
import type { MethodTable } from '../rest/registry.js';
import { errors } from '../rest/errors.js';
import { ENTITY_CONTACT, itemsOf } from '../state.js';
import type { CrmRecord } from '../records/crm.js';
import { CONTACT_FIELDS, byUpper, type FieldSpec } from '../crm/fields.js';
import { fromLegacy, toLegacy } from '../crm/convert.js';
import { applyFilter, applyOrder, page, parseFilter } from '../crm/filter.js';
import { createRecord, entityInfo, findRecord, updateRecord } from '../crm/store.js';
import type { Core } from '../core.js';
import { isRecord, nextIdOf, param, toInt, toStr } from '../util.js';
import { legacyGetter, selectList } from './crm-deal.js';

interface Fm {
  id: number;
  valueType: string;
  value: string;
  typeId: 'PHONE' | 'EMAIL';
}

const MULTI = ['PHONE', 'EMAIL'] as const;

export function fmOf(rec: CrmRecord): Fm[] {
  return Array.isArray(rec.fm) ? (rec.fm as Fm[]) : [];
}

/** PHONE/EMAIL of the legacy form; an entry with an ID and empty VALUE deletes it (doc: multi-field update). */
export function mergeMultiFields(core: Core, current: Fm[], fields: Record<string, unknown>): Fm[] | undefined {
  let changed = false;
  let fm = [...current];
  for (const typeId of MULTI) {
    const raw = param(fields, typeId);
    if (raw === undefined) continue;
    changed = true;
    const list = Array.isArray(raw) ? raw : isRecord(raw) ? Object.values(raw) : [];
    for (const e of list) {
      if (!isRecord(e)) continue;
      const id = toInt(e.ID);
      const value = toStr(e.VALUE) ?? '';
      const valueType = toStr(e.VALUE_TYPE) ?? 'WORK';
      const existing = id !== undefined ? fm.find((x) => x.id === id) : undefined;
      if (existing && value === '') fm = fm.filter((x) => x !== existing);
      else if (existing) Object.assign(existing, { value, valueType });
      else if (value !== '') fm.push({ id: nextIdOf(core.state, 'fm', 100), valueType, value, typeId });
    }
  }
  return changed ? fm : undefined;
}

/** The legacy form of a contact or company with its PHONE/EMAIL multi-fields. */
export function withMulti(rec: CrmRecord, select: string[] = [], specs: FieldSpec[] = CONTACT_FIELDS): Record<string, unknown> {
  const out = toLegacy(rec, specs, select);
  const all = select.length === 0 || select.includes('*');
  for (const typeId of MULTI) {
    const entries = fmOf(rec).filter((f) => f.typeId === typeId);
    if ((all && entries.length > 0) || select.includes(typeId)) {
      out[typeId] = entries.map((f) => ({ ID: String(f.id), VALUE_TYPE: f.valueType, VALUE: f.value, TYPE_ID: f.typeId }));
    }
  }
  return out;
}

/** crm.item view of multi-fields (contacts and leads): `fm` plus the flattened phone/email fields. */
export function contactExtras(rec: CrmRecord): Record<string, unknown> {
  const fm = fmOf(rec);
  const first = (typeId: string, valueType?: string) =>
    fm.find((f) => f.typeId === typeId && (!valueType || f.valueType === valueType))?.value ?? '';
  return {
    phoneMobile: first('PHONE', 'MOBILE'),
    phoneWork: first('PHONE', 'WORK'),
    phoneMailing: first('PHONE', 'MAILING'),
    emailHome: first('EMAIL', 'HOME'),
    emailWork: first('EMAIL', 'WORK'),
    emailMailing: first('EMAIL', 'MAILING'),
    imol: '',
    email: first('EMAIL'),
    phone: first('PHONE'),
    fm: fm.map((f) => ({ id: f.id, valueType: f.valueType, value: f.value, typeId: f.typeId })),
  };
}

/** A legacy add/update of a contact or company as a record patch, multi-fields merged. */
export function patchFrom(
  core: Core,
  fields: Record<string, unknown>,
  current: Fm[],
  specs: FieldSpec[] = CONTACT_FIELDS,
): Record<string, unknown> {
  const patch = fromLegacy(fields, specs);
  const fm = mergeMultiFields(core, current, fields);
  if (fm) {
    patch.fm = fm;
    patch.hasPhone = fm.some((f) => f.typeId === 'PHONE') ? 'Y' : 'N';
    patch.hasEmail = fm.some((f) => f.typeId === 'EMAIL') ? 'Y' : 'N';
  }
  return patch;
}

export function readId(params: Record<string, unknown>): number {
  const id = toInt(param(params, 'id'));
  if (id === undefined || id <= 0) throw errors.legacy('ID is not defined or invalid.');
  return id;
}

/** crm.contact.list / crm.company.list: filter, order and page a legacy list; PHONE/EMAIL filter on their values. */
export function listWithMulti(core: Core, params: Record<string, unknown>, entityTypeId: number, specs: FieldSpec[]): unknown {
  const base = legacyGetter(byUpper(specs));
  const get = (rec: CrmRecord, field: string): unknown => {
    const key = field.toUpperCase();
    if (key === 'PHONE' || key === 'EMAIL')
      return fmOf(rec)
        .filter((f) => f.typeId === key)
        .map((f) => f.value);
    return base(rec, field);
  };
  const rows = applyOrder(
    applyFilter(itemsOf(core.state, entityTypeId), parseFilter(param(params, 'filter')), get),
    param(params, 'order'),
    get,
    'ID',
  );
  const select = selectList(param(params, 'select'));
  return page(rows, param(params, 'start'), (p) => p.map((r) => withMulti(r, select, specs)));
}

export const crmContactMethods: MethodTable = {
  'crm.contact.get': {
    scope: ['crm'],
    handler: ({ core }, params) => {
      const rec = findRecord(core, ENTITY_CONTACT, readId(params));
      if (!rec) throw errors.legacy('Not found');
      return withMulti(rec);
    },
  },
  'crm.contact.add': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      const fields = param(params, 'fields');
      if (!isRecord(fields)) throw errors.legacy("Parameter 'fields' must be array.");
      return createRecord(core, entityInfo(core, ENTITY_CONTACT)!, patchFrom(core, fields, []), auth.userId).id;
    },
  },
  'crm.contact.update': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      const id = readId(params);
      const fields = param(params, 'fields');
      if (!isRecord(fields)) throw errors.legacy("Parameter 'fields' must be array.");
      const rec = findRecord(core, ENTITY_CONTACT, id);
      if (!rec) throw errors.legacy('Not found');
      updateRecord(core, entityInfo(core, ENTITY_CONTACT)!, id, patchFrom(core, fields, fmOf(rec)), auth.userId);
      return true;
    },
  },
  'crm.contact.list': {
    scope: ['crm'],
    handler: ({ core }, params) => listWithMulti(core, params, ENTITY_CONTACT, CONTACT_FIELDS),
  },
};
