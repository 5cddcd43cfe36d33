// A stored CRM record (crm.item camelCase, native types) to and from the two wire forms:
// legacy crm.deal.*/crm.contact.* (UPPER_CASE, string values) and crm.item.* (camelCase, typed).
import type { CrmRecord } from '../records/crm.js';
import { byCamel, byUpper, type FieldSpec, ufToCamel, ufToUpper } from './fields.js';
import { toInt } from '../util.js';

const isUfCamel = (k: string) => /^ufCrm/.test(k);
const isParentCamel = (k: string) => /^parentId\d+$/.test(k);

function legacyValue(kind: FieldSpec['kind'], v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (kind === 'int') return String(v);
  if (kind === 'float') return Number(v).toFixed(2);
  return v;
}

function legacyUf(v: unknown): unknown {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return v;
}

/** select: [] or ['*', 'UF_*'] means everything (the default of crm.deal.list). */
export function toLegacy(rec: CrmRecord, specs: FieldSpec[], select: string[] = []): Record<string, unknown> {
  const all = select.length === 0;
  const star = all || select.includes('*');
  const ufStar = all || select.includes('UF_*');
  const wanted = new Set(select.map((s) => s.toUpperCase()));
  const out: Record<string, unknown> = {};
  for (const s of specs) {
    if (s.itemOnly) continue;
    if (s.upper === 'ID' || star || wanted.has(s.upper)) out[s.upper] = legacyValue(s.kind, rec[s.camel]);
  }
  for (const [k, v] of Object.entries(rec)) {
    if (isParentCamel(k)) {
      const upper = `PARENT_ID_${k.slice('parentId'.length)}`;
      if (star || wanted.has(upper)) out[upper] = v === null || v === undefined ? null : String(v);
    } else if (isUfCamel(k)) {
      const upper = ufToUpper(k);
      if (ufStar || wanted.has(upper)) out[upper] = legacyUf(v);
    }
  }
  return out;
}

/** select: [] or ['*'] = all fields. */
export function toItem(rec: CrmRecord, specs: FieldSpec[], select: string[] = []): Record<string, unknown> {
  const star = select.length === 0 || select.includes('*');
  const wanted = new Set(select);
  const out: Record<string, unknown> = {};
  for (const s of specs) {
    if (s.legacyOnly) continue;
    if (s.camel === 'id' || star || wanted.has(s.camel)) {
      const v = rec[s.camel];
      out[s.camel] = v === undefined ? (s.kind === 'intList' ? [] : null) : v;
    }
  }
  for (const [k, v] of Object.entries(rec)) {
    if ((isParentCamel(k) || isUfCamel(k)) && (star || wanted.has(k))) out[k] = v;
  }
  if (star || wanted.has('entityTypeId')) out.entityTypeId = rec.entityTypeId;
  return out;
}

export function parseValue(kind: FieldSpec['kind'], v: unknown): unknown {
  if (v === null || v === undefined || v === '') return kind === 'intList' ? [] : null;
  switch (kind) {
    case 'int':
      return toInt(v) ?? null;
    case 'float': {
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
    case 'yn':
      return v === true || v === 'Y' || v === 'y' || v === 1 || v === '1' ? 'Y' : 'N';
    case 'intList':
      return (Array.isArray(v) ? v : [v]).map((x) => toInt(x)).filter((x): x is number => x !== undefined);
    default:
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

/** Writable legacy fields → camel patch. Unknown and read-only fields are ignored, as the portal does. */
export function fromLegacy(
  fields: Record<string, unknown>,
  specs: FieldSpec[],
  opts: { allowImmutable?: boolean } = {},
): Record<string, unknown> {
  const map = byUpper(specs);
  const patch: Record<string, unknown> = {};
  for (const [rawKey, v] of Object.entries(fields)) {
    const key = rawKey.toUpperCase();
    const spec = map.get(key);
    if (spec) {
      if (spec.readOnly || (spec.immutable && !opts.allowImmutable)) continue;
      patch[spec.camel] = parseValue(spec.kind, v);
    } else if (key === 'CONTACT_IDS' && specs.some((x) => x.camel === 'contactIds')) {
      // crm.deal.add/update accept CONTACT_IDS, though crm.deal.get does not return it.
      patch.contactIds = parseValue('intList', v);
    } else if (/^UF_CRM_/.test(key)) {
      patch[ufToCamel(key)] = v;
    } else if (/^PARENT_ID_\d+$/.test(key)) {
      patch[`parentId${key.slice('PARENT_ID_'.length)}`] = toInt(v) ?? null;
    }
  }
  return patch;
}

/** crm.item fields → camel patch. `ufCrm…` and `parentId<n>` pass through; UF_CRM_* originals are accepted too. */
export function fromItem(fields: Record<string, unknown>, specs: FieldSpec[]): Record<string, unknown> {
  const map = byCamel(specs);
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    const spec = map.get(k);
    if (spec) {
      if (spec.camel === 'id' || spec.readOnly) continue;
      patch[k] = parseValue(spec.kind, v);
    } else if (isUfCamel(k)) patch[k] = v;
    else if (/^UF_CRM_/i.test(k)) patch[ufToCamel(k.toUpperCase())] = v;
    else if (isParentCamel(k)) patch[k] = toInt(v) ?? null;
  }
  return patch;
}
