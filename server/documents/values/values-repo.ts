// An application's values (issue 15, items 1–2): base values and per-bank overrides, one row per
// application, bank ('' = base) and code. Each value is checked against the field's type in the
// catalog version the application is pinned to before anything is written; person, address and
// document-number values (and lists holding them) are stored as ciphertext bound to their row, and so
// are their old → new values in the history. Every query is scoped by portal_id.
import type { Executor, Trx } from '../../db/executor.js';
import { AppError, localizedError } from '../../errors.js';
import type { SecretBox } from '../../security/crypto.js';
import { canonicalJson } from '../catalog/catalog-diff.js';
import { SENSITIVE_TYPES, toFillerFields, type CatalogField } from '../catalog/catalog-field.js';
import type { Actor, DocumentApplication } from '../catalog/catalog-repo.js';
import { getVersion, lockApplication } from '../catalog/catalog-repo.js';
import { checkValues } from '../docx/check-values.js';
import type { ValueChange, ValuesView } from '../../../wire/documents.js';
import { listBankNames, listBanks, bankNotFound } from './banks-repo.js';
import { checkLimits } from './value-limits.js';
import { completenessFor } from './completeness.js';
import { scannedCodes } from '../scans/scans-repo.js';

const BASE = '';

export const valueAad = (portalId: string, applicationId: string, bankId: string, code: string) =>
  `document_values:${portalId}:${applicationId}:${bankId}:${code}`;
const historyAad = (portalId: string, applicationId: string, seq: number, side: 'old' | 'new') =>
  `document_value_history:${portalId}:${applicationId}:${seq}:${side}`;

// A sealed value whose ciphertext does not open (altered in the database, or copied from another
// row) is not the user's input and no retry mends it, so no read answers 5xx for it: the value is
// shown as null and named in `unreadable` (the box logs where, never what), and the next save of
// that field replaces it. Failing the whole read would hide every other value of the application.
const UNREADABLE = Symbol('unreadable');

function isSensitive(f: CatalogField): boolean {
  return SENSITIVE_TYPES.has(f.type) || (f.item ?? []).some((i) => SENSITIVE_TYPES.has(i.type));
}

async function pinnedFields(db: Executor, portalId: string, app: DocumentApplication): Promise<Map<string, CatalogField>> {
  const fields = await getVersion(db, portalId, app.catalogVersion);
  if (!fields) throw new AppError('INTERNAL', `catalog version ${app.catalogVersion} missing for ${app.id}`);
  return new Map(fields.map((f) => [f.code, f]));
}

/**
 * The checks name a field by its code (templates know it so); the person filling the application
 * knows it by its label, so a refusal here names the label in their language.
 */
function namedByLabel(f: CatalogField, lang: Actor['lang'], check: () => void): void {
  try {
    check();
  } catch (e) {
    if (!(e instanceof AppError) || !e.userMessage?.includes(f.code)) throw e;
    throw new AppError(
      e.code,
      e.message,
      e.userMessage.replace(cellPattern(f.code), (_, row: string | undefined, item: string | undefined) => {
        const sub = f.item?.find((i) => i.code === item);
        return row === undefined
          ? quoted(f.label, lang)
          : `${quoted(f.label, lang)}, ${ROW[lang]} ${row}${sub ? `, ${quoted(sub.label, lang)}` : ''}`;
      }),
      e.details,
    );
  }
}

const ROW = { en: 'row', ru: 'строка', es: 'fila' } as const;
const quoted = (label: CatalogField['label'], lang: Actor['lang']) => (lang === 'en' ? `“${label.en}”` : `«${label[lang]}»`);
/** The code alone, or a list's cell as check-values.ts names it: `code[row].item`. */
const cellPattern = (code: string) => new RegExp(`${code.replace(/[.]/gu, '\\.')}(?:\\[(\\d+)\\]\\.([a-z0-9_.]+))?`, 'u');

/** A list's item fields have limits of their own (a co-borrower's income ≥ 0): checked per row. */
function checkItemLimits(f: CatalogField, v: unknown, lang: Actor['lang']): void {
  if (f.type !== 'list' || !Array.isArray(v)) return;
  v.forEach((row: unknown, i) => {
    for (const item of f.item ?? []) {
      const cell = (row as Record<string, unknown>)[item.code];
      if (cell !== undefined && cell !== null) checkLimits({ ...item, code: `${f.code}[${i + 1}].${item.code}` }, cell, lang);
    }
  });
}

/**
 * Writes base values (bankId null) or one bank's overrides; a null value removes it (for a bank: back
 * to the base value). All values are checked first: one wrong value refuses the lot, nothing stored.
 */
export async function setValues(
  trx: Trx,
  box: SecretBox,
  portalId: string,
  app: DocumentApplication,
  bankId: string | null,
  values: Readonly<Record<string, unknown>>,
  by: Actor,
): Promise<void> {
  if (bankId !== null && (await listBankNames(trx, portalId, bankId)).length === 0) throw bankNotFound(bankId);
  const catalog = await pinnedFields(trx, portalId, app);
  for (const [code, v] of Object.entries(values)) {
    const f = catalog.get(code);
    // Scans (file) are uploaded with the application, not typed in as values.
    if (!f || f.type === 'file') {
      throw localizedError('DOCUMENT_FIELD_UNKNOWN', by.lang, `unknown field ${code}`, { code, version: app.catalogVersion }, { code });
    }
    if (v !== null)
      namedByLabel(f, by.lang, () => {
        checkValues(toFillerFields([f]), { [code]: v }, by.lang);
        checkLimits(f, v, by.lang);
        checkItemLimits(f, v, by.lang);
      });
  }
  const bank = bankId ?? BASE;
  // The application's row lock serialises its writers: old values read here stay true until commit,
  // and history numbers follow one another.
  await lockApplication(trx, portalId, app.id, by.nowIso);
  const last = await trx
    .selectFrom('document_value_history')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('portal_id', '=', portalId)
    .where('application_id', '=', app.id)
    .executeTakeFirst();
  let seq = Number(last?.seq ?? 0);
  for (const [code, v] of Object.entries(values)) {
    const secret = isSensitive(catalog.get(code)!);
    const aad = valueAad(portalId, app.id, bank, code);
    const old = await trx
      .selectFrom('document_values')
      .select(['value', 'encrypted'])
      .where('portal_id', '=', portalId)
      .where('application_id', '=', app.id)
      .where('bank_id', '=', bank)
      .where('code', '=', code)
      .executeTakeFirst();
    // An unreadable old value is recorded as null in the history: what it was is not known.
    const oldJson = old ? (old.encrypted ? (box.open(old.value, aad) ?? UNREADABLE) : old.value) : null;
    const newJson = v === null ? null : canonicalJson(v);
    if (oldJson === newJson) continue;
    if (newJson === null) {
      await trx
        .deleteFrom('document_values')
        .where('portal_id', '=', portalId)
        .where('application_id', '=', app.id)
        .where('bank_id', '=', bank)
        .where('code', '=', code)
        .execute();
    } else {
      const row = {
        value: secret ? box.encrypt(newJson, aad) : newJson,
        encrypted: secret ? 1 : 0,
        updated_at: by.nowIso,
        updated_by: by.userId,
      };
      await trx
        .insertInto('document_values')
        .values({ portal_id: portalId, application_id: app.id, bank_id: bank, code, ...row })
        .onConflict((oc) => oc.columns(['portal_id', 'application_id', 'bank_id', 'code']).doUpdateSet(row))
        .execute();
    }
    seq += 1;
    const seal = (json: string | null, side: 'old' | 'new') =>
      json === null ? null : secret ? box.encrypt(json, historyAad(portalId, app.id, seq, side)) : json;
    await trx
      .insertInto('document_value_history')
      .values({
        portal_id: portalId,
        application_id: app.id,
        seq,
        bank_id: bank,
        code,
        old_value: seal(oldJson === UNREADABLE ? null : oldJson, 'old'),
        new_value: seal(newJson, 'new'),
        encrypted: secret ? 1 : 0,
        changed_at: by.nowIso,
        changed_by: by.userId,
      })
      .execute();
  }
}

/** The base values, and for every bank of the portal each field's value: inherited or overridden. */
export async function resolveValues(db: Executor, box: SecretBox, portalId: string, app: DocumentApplication): Promise<ValuesView> {
  const rows = await db
    .selectFrom('document_values')
    .select(['bank_id', 'code', 'value', 'encrypted'])
    .where('portal_id', '=', portalId)
    .where('application_id', '=', app.id)
    .execute();
  const byBank = new Map<string, Map<string, unknown>>();
  const unreadable: { bankId: string | null; code: string }[] = [];
  for (const r of rows) {
    const json = r.encrypted ? box.open(r.value, valueAad(portalId, app.id, r.bank_id, r.code)) : r.value;
    if (json === undefined) unreadable.push({ bankId: r.bank_id === BASE ? null : r.bank_id, code: r.code });
    const m = byBank.get(r.bank_id) ?? new Map<string, unknown>();
    m.set(r.code, json === undefined ? UNREADABLE : (JSON.parse(json) as unknown));
    byBank.set(r.bank_id, m);
  }
  const shown = (v: unknown) => (v === UNREADABLE ? { value: null, unreadable: true as const } : { value: v });
  const base = byBank.get(BASE) ?? new Map<string, unknown>();
  // Completeness needs the pinned fields; seen from a portal the application is not in, there are none.
  const catalog = (await getVersion(db, portalId, app.catalogVersion)) ?? [];
  // A required scan counts as filled once one is uploaded under its field.
  const scanned = await scannedCodes(db, portalId, app.id);
  const banks = (await listBanks(db, box, portalId)).map((b) => {
    const overrides = byBank.get(b.id) ?? new Map<string, unknown>();
    const codes = [...new Set([...base.keys(), ...overrides.keys()])].sort();
    const values = codes.map((code) =>
      overrides.has(code)
        ? { code, ...shown(overrides.get(code)), source: 'override' as const }
        : { code, ...shown(base.get(code)), source: 'base' as const },
    );
    const resolved = new Map<string, unknown>(values.map((v) => [v.code, v.value]));
    for (const code of scanned) resolved.set(code, true);
    const currencies = b.dealCurrencies ? { dealCurrencies: b.dealCurrencies } : {};
    return { bankId: b.id, name: b.name, values, ...completenessFor(catalog, b.requiredFields, resolved), ...currencies };
  });
  const baseShown = Object.fromEntries([...base].map(([code, v]) => [code, v === UNREADABLE ? null : v]));
  return { catalogVersion: app.catalogVersion, base: baseShown, banks, ...(unreadable.length > 0 ? { unreadable } : {}) };
}

/** Every change of the application's values, oldest first, decrypted for the people allowed to see it. */
export async function valueHistory(db: Executor, box: SecretBox, portalId: string, applicationId: string): Promise<ValueChange[]> {
  const rows = await db
    .selectFrom('document_value_history')
    .select(['seq', 'bank_id', 'code', 'old_value', 'new_value', 'encrypted', 'changed_at', 'changed_by'])
    .where('portal_id', '=', portalId)
    .where('application_id', '=', applicationId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => {
    let unreadable = false;
    const open = (text: string | null, side: 'old' | 'new'): unknown => {
      if (text === null) return null;
      const json = r.encrypted ? box.open(text, historyAad(portalId, applicationId, Number(r.seq), side)) : text;
      if (json === undefined) unreadable = true;
      return json === undefined ? null : (JSON.parse(json) as unknown);
    };
    const old = open(r.old_value, 'old');
    const next = open(r.new_value, 'new');
    return {
      bankId: r.bank_id === BASE ? null : r.bank_id,
      code: r.code,
      old,
      new: next,
      changedAt: r.changed_at,
      changedBy: r.changed_by === null ? null : Number(r.changed_by),
      ...(unreadable ? { unreadable: true as const } : {}),
    };
  });
}
