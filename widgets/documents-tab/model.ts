// The Documents tab's state (signals) and actions. Dependencies come in as arguments, so the model runs
// the same in the browser and in tests. What the user typed is kept per field and scope (base or a
// bank) until the server accepts it: a refused value stays in its input with the server's message.
// The parts live beside it by what they hold: list-model.ts (a list's rows), scans-model.ts,
// move-model.ts (catalog versions), packs-model.ts; keyed.ts the keys they share.
import { batch, computed, signal } from '@preact/signals';
import type { NumberLocale } from '../../lending/locale-number.js';
import type { ApplicationView, CatalogField } from '../../wire/document-catalog.js';
import type { ValuesView } from '../../wire/documents.js';
import { ApiError, type DocumentsApi } from './api.js';
import { BASE, dropUnder, keyOf, message, setIn, type Scope, type WriteOptions } from './keyed.js';
import { createListModel } from './list-model.js';
import { createMoveModel } from './move-model.js';
import { createPacksModel } from './packs-model.js';
import { createScansModel } from './scans-model.js';

export { BASE, type Scope };

export interface DocumentsDeps {
  api: DocumentsApi;
  locale: NumberLocale;
  /** The deal's currency, for amounts typed without one. */
  currency: string;
  /** Waits between pack polls (setTimeout in the browser). */
  sleep?: (ms: number) => Promise<void>;
}

export interface ShownValue {
  value: unknown;
  /** In a bank's view: inherited from base or overridden for this bank; null in the base view. */
  source: 'base' | 'override' | null;
}

export function createDocumentsModel(deps: DocumentsDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const state = signal<'loading' | 'ready' | 'no-catalog' | 'failed'>('loading');
  const loadError = signal<string | null>(null);
  const application = signal<ApplicationView | null>(null);
  const fields = signal<CatalogField[]>([]);
  const latestVersion = signal<number | null>(null);
  const values = signal<ValuesView | null>(null);
  const scope = signal<Scope>(BASE);
  const drafts = signal<Record<string, string>>({});
  const errors = signal<Record<string, string>>({});
  const saving = signal<string | null>(null);
  const savedKey = signal<string | null>(null);

  const banks = computed(() => values.value?.banks ?? []);
  const bank = computed(() => banks.value.find((b) => b.bankId === scope.value) ?? null);
  const missing = computed(() => new Set(bank.value?.missing ?? []));
  /**
   * Sections in the catalog's order, each with its fields in order. A field of another country's deals
   * (`dealCurrencies` without this deal's) is left out unless something is stored for it here.
   */
  const sections = computed(() => {
    const out = new Map<string, CatalogField[]>();
    const belongs = (f: CatalogField) => !f.dealCurrencies || f.dealCurrencies.includes(deps.currency) || shown(f.code).value !== undefined;
    for (const f of fields.value.filter(belongs)) out.set(f.section, [...(out.get(f.section) ?? []), f]);
    return [...out].map(([name, list]) => ({ name, fields: list }));
  });

  function shown(code: string): ShownValue {
    const v = values.value;
    if (!v) return { value: undefined, source: null };
    if (scope.value === BASE) return { value: v.base[code], source: null };
    const r = bank.value?.values.find((x) => x.code === code);
    return r ? { value: r.value, source: r.source } : { value: undefined, source: 'base' };
  }

  /**
   * Saves through `call`; the answer is the new values. On a refusal the message goes under the field
   * (`key`) and what was typed stays in its input (`draftKey`, the field's own key unless a list's cell).
   */
  /** `errorKey`: where a refusal shows (a list's cell the server named), else under the field. */
  async function write(o: WriteOptions): Promise<boolean> {
    const draftKey = o.draftKey ?? o.key;
    saving.value = o.key;
    try {
      const next = await o.call();
      batch(() => {
        values.value = next;
        setIn(drafts, draftKey, null);
        setIn(errors, o.key, null);
        dropUnder(errors, o.key);
        savedKey.value = o.key;
      });
      return true;
    } catch (e) {
      batch(() => {
        if (o.typed !== undefined && o.typed !== null) setIn(drafts, draftKey, o.typed);
        setIn(errors, o.errorKey?.(e) ?? o.key, message(e));
      });
      return false;
    } finally {
      if (saving.value === o.key) saving.value = null;
    }
  }

  const move = createMoveModel(deps.api, { application, fields, values, latestVersion });
  const packs = createPacksModel(deps.api, sleep);
  const scans = createScansModel(deps.api, { values, errors, saving, openError: packs.packError });
  const lists = createListModel({ api: deps.api, scope, drafts, shownValue: (code) => shown(code).value, write });

  return {
    state,
    loadError,
    application,
    fields,
    sections,
    values,
    banks,
    bank,
    missing,
    scope,
    drafts,
    errors,
    saving,
    savedKey,
    locale: deps.locale,
    currency: deps.currency,
    shown,
    keyOf,
    ...move,
    ...packs,
    ...scans,
    ...lists,

    async load(): Promise<void> {
      try {
        const app = await deps.api.openApplication();
        const [catalog, versions, v, kept] = await Promise.all([
          deps.api.catalogVersion(app.catalogVersion),
          deps.api.versions(),
          deps.api.values(),
          deps.api.scans(),
        ]);
        batch(() => {
          scans.scans.value = kept;
          application.value = app;
          fields.value = catalog;
          latestVersion.value = versions.at(-1)?.version ?? null;
          values.value = v;
          packs.preselectBanks(v.banks, deps.currency);
          state.value = 'ready';
        });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) state.value = 'no-catalog';
        else {
          loadError.value = message(e);
          state.value = 'failed';
        }
        return;
      }
      await packs.loadPacks();
      // A bank an earlier pack of this deal was made for is one the deal chose: ticked again.
      packs.preselectBanks(values.value?.banks ?? [], deps.currency);
    },

    selectScope(s: Scope): void {
      scope.value = s;
      savedKey.value = null;
    },

    /** The user's text while they type; kept until saved. */
    type(code: string, text: string): void {
      setIn(drafts, keyOf(scope.value, code), text);
    },

    /** Saves one field in the current scope (base, or an override for the chosen bank). */
    save(code: string, value: unknown, typed: string | null = null): Promise<boolean> {
      const s = scope.value;
      return write({ key: keyOf(s, code), call: () => deps.api.saveValues(s === BASE ? null : s, { [code]: value }), typed });
    },

    resetToBase(code: string): Promise<boolean> {
      const s = scope.value;
      if (s === BASE) return Promise.resolve(true);
      return write({ key: keyOf(s, code), call: () => deps.api.resetToBase(s, code) });
    },
  };
}

export type DocumentsModel = ReturnType<typeof createDocumentsModel>;
