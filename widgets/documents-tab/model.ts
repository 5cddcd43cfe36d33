// The Documents tab's state (signals) and actions. Dependencies come in as arguments, so the model runs
// the same in the browser and in tests. What the user typed is kept per field and scope (base or a
// bank) until the server accepts it: a refused value stays in its input with the server's message.
import { batch, computed, signal } from '@preact/signals';
import type { NumberLocale } from '../../lending/locale-number.js';
import type { ApplicationView, CatalogField, MovePreviewView } from '../../wire/document-catalog.js';
import type { PackView } from '../../wire/document-packs.js';
import type { ScanView } from '../../wire/document-scans.js';
import type { ValuesView } from '../../wire/documents.js';
import { ApiError, type DocumentsApi } from './api.js';

export interface DocumentsDeps {
  api: DocumentsApi;
  locale: NumberLocale;
  /** The deal's currency, for amounts typed without one. */
  currency: string;
  /** Waits between pack polls (setTimeout in the browser). */
  sleep?: (ms: number) => Promise<void>;
}

/** base, or a bank's id. */
export type Scope = string;
export const BASE: Scope = '';

export interface ShownValue {
  value: unknown;
  /** In a bank's view: inherited from base or overridden for this bank; null in the base view. */
  source: 'base' | 'override' | null;
}

const POLL_MS = 1000;
/** A pack is polled for at most this long; then the list shows it as the server last said. */
const POLL_LIMIT_MS = 10 * 60_000;
const FINAL = new Set(['done', 'failed']);

const keyOf = (scope: Scope, code: string) => `${scope}\u0000${code}`;
/** Scans belong to the application, not to a bank: one key whatever the scope. */
const scanKey = (code: string) => `scan\u0000${code}`;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

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
  const movePreview = signal<MovePreviewView | null>(null);
  const moveError = signal<string | null>(null);
  /** The labels of both versions' fields, so the diff names fields as people know them. */
  const moveLabels = signal<ReadonlyMap<string, CatalogField['label']>>(new Map());
  const scans = signal<ScanView[]>([]);
  const packs = signal<PackView[] | null>(null);
  const packsUnavailable = signal(false);
  const packError = signal<string | null>(null);
  const packBanks = signal<string[]>([]);
  const packInternal = signal(true);
  const generating = signal(false);

  const banks = computed(() => values.value?.banks ?? []);
  const bank = computed(() => banks.value.find((b) => b.bankId === scope.value) ?? null);
  const missing = computed(() => new Set(bank.value?.missing ?? []));
  /** Sections in the catalog's order, each with its fields in order. */
  const sections = computed(() => {
    const out = new Map<string, CatalogField[]>();
    for (const f of fields.value) out.set(f.section, [...(out.get(f.section) ?? []), f]);
    return [...out].map(([name, list]) => ({ name, fields: list }));
  });
  const newerVersion = computed(() => {
    const pinned = application.value?.catalogVersion;
    const latest = latestVersion.value;
    return pinned !== undefined && latest !== null && latest > pinned ? latest : null;
  });

  function shown(code: string): ShownValue {
    const v = values.value;
    if (!v) return { value: undefined, source: null };
    if (scope.value === BASE) return { value: v.base[code], source: null };
    const r = bank.value?.values.find((x) => x.code === code);
    return r ? { value: r.value, source: r.source } : { value: undefined, source: 'base' };
  }

  const setIn = (s: typeof drafts, key: string, v: string | null) => {
    const next = { ...s.value };
    if (v === null) delete next[key];
    else next[key] = v;
    s.value = next;
  };

  async function loadPacks(): Promise<void> {
    try {
      packs.value = await deps.api.packs();
      packsUnavailable.value = false;
    } catch (e) {
      // The pack routes come with the pack generator (wire/document-packs.ts); until a server has
      // them, the section says so instead of a raw "No route".
      if (e instanceof ApiError && e.status === 404 && e.code === 'NOT_FOUND' && e.message.startsWith('No route'))
        packsUnavailable.value = true;
      else packError.value = message(e);
    }
  }

  async function write(code: string, key: string, call: () => Promise<ValuesView>, typed: string | null): Promise<void> {
    saving.value = key;
    try {
      const next = await call();
      batch(() => {
        values.value = next;
        setIn(drafts, key, null);
        setIn(errors, key, null);
        savedKey.value = key;
      });
    } catch (e) {
      batch(() => {
        if (typed !== null) setIn(drafts, key, typed);
        setIn(errors, key, message(e));
      });
    } finally {
      if (saving.value === key) saving.value = null;
    }
  }

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
    newerVersion,
    movePreview,
    moveError,
    moveLabels,
    scans,
    packs,
    packsUnavailable,
    packError,
    packBanks,
    packInternal,
    generating,
    locale: deps.locale,
    currency: deps.currency,
    shown,
    keyOf,

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
          scans.value = kept;
          application.value = app;
          fields.value = catalog;
          latestVersion.value = versions.at(-1)?.version ?? null;
          values.value = v;
          packBanks.value = v.banks.map((b) => b.bankId);
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
      await loadPacks();
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
    save(code: string, value: unknown, typed: string | null = null): Promise<void> {
      const s = scope.value;
      return write(code, keyOf(s, code), () => deps.api.saveValues(s === BASE ? null : s, { [code]: value }), typed);
    },

    resetToBase(code: string): Promise<void> {
      const s = scope.value;
      if (s === BASE) return Promise.resolve();
      return write(code, keyOf(s, code), () => deps.api.resetToBase(s, code), null);
    },

    /**
     * Uploads a scan under its field (kept with the application, for every bank), then reads the
     * values again: a bank that requires it counts it now. A refusal shows under the field.
     */
    async uploadScan(code: string, file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<void> {
      const key = scanKey(code);
      saving.value = key;
      try {
        scans.value = await deps.api.uploadScan(code, file.name, new Uint8Array(await file.arrayBuffer()));
        values.value = await deps.api.values();
        setIn(errors, key, null);
      } catch (e) {
        setIn(errors, key, message(e));
      } finally {
        if (saving.value === key) saving.value = null;
      }
    },

    async deleteScan(code: string, scanId: string): Promise<void> {
      try {
        scans.value = await deps.api.deleteScan(scanId);
        values.value = await deps.api.values();
        setIn(errors, scanKey(code), null);
      } catch (e) {
        setIn(errors, scanKey(code), message(e));
      }
    },

    async openScan(scanId: string): Promise<void> {
      try {
        window.open(URL.createObjectURL(await deps.api.scanFile(scanId)), '_blank', 'noopener');
      } catch (e) {
        packError.value = message(e);
      }
    },

    scanKey,

    async reviewMove(): Promise<void> {
      const to = newerVersion.value;
      if (to === null) return;
      moveError.value = null;
      try {
        const [preview, target] = await Promise.all([deps.api.previewMove(to), deps.api.catalogVersion(to)]);
        batch(() => {
          moveLabels.value = new Map([...fields.value, ...target].map((f) => [f.code, f.label]));
          movePreview.value = preview;
        });
      } catch (e) {
        moveError.value = message(e);
      }
    },

    cancelMove(): void {
      movePreview.value = null;
    },

    /** Moves from the version whose diff the user saw; the server refuses if it moved meanwhile. */
    async confirmMove(): Promise<void> {
      const p = movePreview.value;
      if (!p) return;
      try {
        const app = await deps.api.move(p.from, p.to);
        const [catalog, v] = await Promise.all([deps.api.catalogVersion(app.catalogVersion), deps.api.values()]);
        batch(() => {
          application.value = app;
          fields.value = catalog;
          values.value = v;
          movePreview.value = null;
        });
      } catch (e) {
        moveError.value = message(e);
      }
    },

    togglePackBank(bankId: string, on: boolean): void {
      const rest = packBanks.value.filter((b) => b !== bankId);
      packBanks.value = on ? [...rest, bankId] : rest;
    },

    /** POSTs the pack, then polls it until it is final, keeping the list's copy current. */
    async generate(): Promise<void> {
      if (generating.value || packBanks.value.length === 0) return;
      generating.value = true;
      packError.value = null;
      const put = (p: PackView) => (packs.value = [p, ...(packs.value ?? []).filter((x) => x.id !== p.id)]);
      try {
        let pack = await deps.api.generatePack({ bankIds: packBanks.value, internal: packInternal.value });
        put(pack);
        const until = Date.now() + POLL_LIMIT_MS;
        while (!FINAL.has(pack.status) && Date.now() < until) {
          await sleep(POLL_MS);
          pack = await deps.api.pack(pack.id);
          put(pack);
        }
      } catch (e) {
        packError.value = message(e);
      } finally {
        generating.value = false;
      }
    },

    /** Opens a generated document (or its preview) in a new browser tab from its bytes. */
    async openDocument(packId: string, index: number, what: 'file' | 'preview'): Promise<void> {
      try {
        const blob = await deps.api.document(packId, index, what);
        window.open(URL.createObjectURL(blob), '_blank', 'noopener');
      } catch (e) {
        packError.value = message(e);
      }
    },
  };
}

export type DocumentsModel = ReturnType<typeof createDocumentsModel>;
