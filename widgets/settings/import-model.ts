// State of the payment-file import on the settings screen: the file, which columns hold what, how
// the agent writes dates and amounts, and the last answer. Import is offered only after a preview
// of exactly this file and these settings came back clean — what the admin saw is what is booked.
import { batch, computed, signal } from '@preact/signals';
import { ApiError } from '../shared/session-client.js';
import type { Lang } from './i18n.js';
import type { ImportApi, ImportRecord, ImportRequest, ImportResult, LineIssue } from './import-api.js';

/** Where a running import is: the upload, waiting for a parse thread, or read and checked. */
export type ImportPhase = 'sending' | 'queued' | 'parsing';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'working'; dryRun: boolean; phase: ImportPhase }
  | { kind: 'preview'; result: ImportResult }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'refused'; message: string; issues: LineIssue[] }
  | { kind: 'failed'; code: string; message: string };

export interface ImportSettings {
  dealId: string;
  date: string;
  amount: string;
  reference: string;
  dateOrder: ImportRequest['locale']['dateOrder'];
  decimalSeparator: ImportRequest['locale']['decimalSeparator'];
}

/**
 * What an agent's file usually looks like in the admin's country: headers in their language and
 * amounts written the local way — a Mexican agent writes "2,030.86", a Russian one "2 030,86" — so a
 * normal file previews without touching the settings. An agent with other headers types theirs.
 */
const DEFAULT_IMPORT_SETTINGS: Record<Lang, ImportSettings> = {
  en: { dealId: 'Deal', date: 'Date', amount: 'Amount', reference: 'Reference', dateOrder: 'dmy', decimalSeparator: '.' },
  es: { dealId: 'Negociación', date: 'Fecha', amount: 'Monto', reference: 'Referencia', dateOrder: 'dmy', decimalSeparator: '.' },
  ru: { dealId: 'Номер сделки', date: 'Дата', amount: 'Сумма', reference: 'Номер платежа', dateOrder: 'dmy', decimalSeparator: ',' },
};

export function defaultImportSettings(lang: Lang): ImportSettings {
  return DEFAULT_IMPORT_SETTINGS[lang];
}

export function createImportModel(api: ImportApi, lang: Lang = 'en') {
  const file = signal<{ name: string; bytes: Uint8Array } | null>(null);
  const settings = signal<ImportSettings>(defaultImportSettings(lang));
  const state = signal<ImportState>({ kind: 'idle' });
  /** The portal's past imports, newest first; null until loaded (or when it could not be). */
  const history = signal<ImportRecord[] | null>(null);
  /** Import needs a clean preview of the current file and settings with something new in it. */
  const canImport = computed(() => state.value.kind === 'preview' && state.value.result.summary.new > 0);

  function setFile(name: string, bytes: Uint8Array): void {
    batch(() => {
      file.value = { name, bytes };
      state.value = { kind: 'idle' };
    });
  }

  function set<K extends keyof ImportSettings>(key: K, value: ImportSettings[K]): void {
    batch(() => {
      settings.value = { ...settings.value, [key]: value };
      // A preview of other settings says nothing about these.
      if (state.value.kind !== 'working') state.value = { kind: 'idle' };
    });
  }

  /** The page's language became known (the portal's): its defaults, unless the admin changed any. */
  function useLanguage(next: Lang): void {
    if (Object.values(DEFAULT_IMPORT_SETTINGS).includes(settings.peek())) settings.value = defaultImportSettings(next);
  }

  async function run(dryRun: boolean): Promise<void> {
    const f = file.value;
    if (!f || state.value.kind === 'working' || (!dryRun && !canImport.value)) return;
    const s = settings.value;
    state.value = { kind: 'working', dryRun, phase: 'sending' };
    const onStatus = (status: string) => {
      if ((status === 'queued' || status === 'parsing') && state.value.kind === 'working')
        state.value = { kind: 'working', dryRun, phase: status };
    };
    try {
      const result = await api.run(
        {
          fileName: f.name,
          content: f.bytes,
          mapping: {
            dealId: s.dealId.trim(),
            date: s.date.trim(),
            amount: s.amount.trim(),
            ...(s.reference.trim() ? { reference: s.reference.trim() } : {}),
          },
          locale: { dateOrder: s.dateOrder, decimalSeparator: s.decimalSeparator },
          dryRun,
        },
        onStatus,
      );
      state.value = dryRun ? { kind: 'preview', result } : { kind: 'done', result };
    } catch (e) {
      state.value = refusal(e);
    }
    void loadHistory();
  }

  /** True while the next page of lines is on its way. */
  const loadingLines = signal(false);

  /** The preview's (or import's) next page of lines, appended to what the table shows. */
  async function moreLines(): Promise<void> {
    const st = state.value;
    if ((st.kind !== 'preview' && st.kind !== 'done') || loadingLines.value) return;
    if (st.result.lines.length >= st.result.lineCount) return;
    loadingLines.value = true;
    try {
      const page = await api.lines(st.result.importId, st.result.lines.length);
      // Only if the screen still shows that result (a new preview may have started meanwhile).
      if (state.value === st)
        state.value = { ...st, result: { ...st.result, lines: [...st.result.lines, ...page.lines], lineCount: page.lineCount } };
    } catch {
      // The summary and the first page stay; the button can be pressed again.
    } finally {
      loadingLines.value = false;
    }
  }

  async function loadHistory(): Promise<void> {
    try {
      history.value = await api.history();
    } catch {
      // The list is a convenience: the import itself reported its own outcome.
    }
  }

  return {
    file,
    settings,
    state,
    history,
    canImport,
    loadingLines,
    moreLines,
    setFile,
    set,
    useLanguage,
    loadHistory,
    preview: () => run(true),
    apply: () => run(false),
  };
}

function refusal(e: unknown): ImportState {
  if (e instanceof ApiError && e.status === 422) {
    const issues = Array.isArray(e.details.issues) ? (e.details.issues as LineIssue[]) : [];
    return { kind: 'refused', message: e.message, issues };
  }
  return { kind: 'failed', code: e instanceof ApiError ? e.code : 'NETWORK', message: e instanceof Error ? e.message : String(e) };
}

export type ImportModel = ReturnType<typeof createImportModel>;
