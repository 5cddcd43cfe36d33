// State and actions of the templates screen: the banks (and the internal documents) with their
// templates and versions, and one upload form. An upload that the linter refuses shows each problem
// (an unknown code with the nearest valid one, an unsupported construct) or the file's refusal (macros,
// a zip bomb, too large) in the admin's language, and the form keeps the bank, name, kind, language and
// chosen file, so the admin fixes the .docx and sends it again.
import { signal, type Signal } from '@preact/signals';
import type { TemplateUpload, TemplateView } from '../../wire/document-templates.js';
import { ApiError } from '../shared/session-client.js';
import type { BankRef, DocTemplatesApi } from './doc-templates-api.js';
import { problemOf, type SectionProblem } from './providers-model.js';
import { createTemplateCurrencies, readCurrencies, type TemplateCurrenciesModel } from './doc-templates-currencies.js';

/**
 * server/documents/docx/limits.ts MAX_TEMPLATE_BYTES (doc-templates-model.test.ts keeps them equal): a
 * larger file is refused here before its megabytes travel; the server refuses it too (413).
 */
export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;

export interface UploadForm {
  /** '' for an internal document (contract, pledge) with no bank. */
  bankId: string;
  name: string;
  kind: TemplateUpload['kind'];
  lang: TemplateUpload['lang'];
  /** The deals it is for, as typed ("RUB", "mxn, usd"); empty: every deal (a new version keeps the template's). */
  dealCurrencies: string;
}

export type UploadOutcome =
  | { kind: 'stored'; template: TemplateView; created: boolean }
  /** The linter's problems, each as the server words it in the admin's language. */
  | { kind: 'lint'; message: string; problems: { kind: string; message: string; suggestion?: string }[] }
  /** The file refused as a whole (macros, zip bomb, too large, not a .docx, no catalog yet). */
  | { kind: 'refused'; code: string; message: string }
  /** Over MAX_TEMPLATE_BYTES, refused before sending; sizes in MB with one decimal, as the admin writes them. */
  | { kind: 'too-large'; sizeMb: string; limitMb: string };

export interface DocTemplatesModel {
  loading: Signal<boolean>;
  banks: Signal<BankRef[]>;
  templates: Signal<TemplateView[]>;
  form: Signal<UploadForm>;
  file: Signal<{ name: string; bytes: Uint8Array } | null>;
  /** 'name' or 'file' left empty when Upload was pressed. */
  missing: Signal<('name' | 'file')[]>;
  /** The typed deal currency that is not a code, when Upload was pressed. */
  badCurrency: Signal<string | null>;
  /** A template's deal currencies being changed on its card. */
  currencies: TemplateCurrenciesModel;
  busy: Signal<boolean>;
  outcome: Signal<UploadOutcome | null>;
  problem: Signal<{ key: SectionProblem; detail: string } | null>;
  /** The template whose Archive was pressed and awaits its confirmation. */
  confirming: Signal<string | null>;
  /** The last archive or restore done, for its line of confirmation. */
  done: Signal<{ kind: 'archived' | 'restored'; name: string } | null>;
  load(): Promise<void>;
  askArchive(templateId: string): void;
  cancelArchive(): void;
  /** Archives the template being confirmed: new packs skip it, made packs keep their version. */
  confirmArchive(): Promise<void>;
  restore(templateId: string): Promise<void>;
  set<K extends keyof UploadForm>(key: K, value: UploadForm[K]): void;
  setFile(name: string, bytes: Uint8Array): void;
  upload(): Promise<void>;
}

/** The linter's problems from a TEMPLATE_INVALID refusal's details, keeping only what the screen shows. */
export function lintProblems(details: Record<string, unknown>): { kind: string; message: string; suggestion?: string }[] {
  const list = Array.isArray(details.problems) ? (details.problems as unknown[]) : [];
  return list.flatMap((p) => {
    if (!p || typeof p !== 'object') return [];
    const r = p as Record<string, unknown>;
    const message = typeof r.message === 'string' ? r.message : typeof r.text === 'string' ? r.text : '';
    if (!message) return [];
    return [{ kind: String(r.kind ?? ''), message, ...(typeof r.suggestion === 'string' ? { suggestion: r.suggestion } : {}) }];
  });
}

/** Templates grouped as the screen shows them: each bank in its order, then the internal documents. */
export function byBank(
  banks: readonly BankRef[],
  templates: readonly TemplateView[],
): { bank: BankRef | null; templates: TemplateView[] }[] {
  const groups: { bank: BankRef | null; templates: TemplateView[] }[] = banks.map((bank) => ({
    bank,
    templates: templates.filter((t) => t.bankId === bank.id),
  }));
  groups.push({ bank: null, templates: templates.filter((t) => t.bankId === null || !banks.some((b) => b.id === t.bankId)) });
  return groups;
}

export function createDocTemplatesModel(api: DocTemplatesApi, lang: () => UploadForm['lang']): DocTemplatesModel {
  const loading = signal(true);
  const banks = signal<BankRef[]>([]);
  const templates = signal<TemplateView[]>([]);
  const form = signal<UploadForm>({ bankId: '', name: '', kind: 'questionnaire', lang: lang(), dealCurrencies: '' });
  const file = signal<{ name: string; bytes: Uint8Array } | null>(null);
  const missing = signal<('name' | 'file')[]>([]);
  const badCurrency = signal<string | null>(null);
  const busy = signal(false);
  const outcome = signal<UploadOutcome | null>(null);
  const problem = signal<{ key: SectionProblem; detail: string } | null>(null);
  const confirming = signal<string | null>(null);
  const done = signal<{ kind: 'archived' | 'restored'; name: string } | null>(null);
  const currencies = createTemplateCurrencies(api, templates, (e) => {
    problem.value = problemOf(e);
  });

  const toggle = async (kind: 'archived' | 'restored', templateId: string) => {
    if (busy.value) return;
    busy.value = true;
    try {
      const t = kind === 'archived' ? await api.archive(templateId) : await api.restore(templateId);
      templates.value = templates.value.map((x) => (x.id === t.id ? t : x));
      done.value = { kind, name: t.name };
      problem.value = null;
    } catch (e) {
      problem.value = problemOf(e);
    } finally {
      busy.value = false;
      confirming.value = null;
    }
  };

  return {
    loading,
    banks,
    templates,
    form,
    file,
    missing,
    badCurrency,
    currencies,
    busy,
    outcome,
    problem,
    confirming,
    done,
    askArchive(templateId) {
      confirming.value = templateId;
      done.value = null;
    },
    cancelArchive() {
      confirming.value = null;
    },
    async confirmArchive() {
      if (confirming.value) await toggle('archived', confirming.value);
    },
    restore: (templateId) => toggle('restored', templateId),
    async load() {
      loading.value = true;
      try {
        const [b, t] = await Promise.all([api.banks(), api.templates()]);
        banks.value = b;
        templates.value = t;
        problem.value = null;
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        loading.value = false;
      }
    },
    set(key, value) {
      form.value = { ...form.value, [key]: value };
      if (key === 'name') missing.value = missing.value.filter((m) => m !== 'name');
      if (key === 'dealCurrencies') badCurrency.value = null;
    },
    setFile(name, bytes) {
      file.value = { name, bytes };
      missing.value = missing.value.filter((m) => m !== 'file');
      outcome.value = null;
    },
    async upload() {
      if (busy.value) return;
      const f = form.value;
      const chosen = file.value;
      const absent: ('name' | 'file')[] = [...(f.name.trim() ? [] : ['name' as const]), ...(chosen ? [] : ['file' as const])];
      missing.value = absent;
      const read = readCurrencies(f.dealCurrencies);
      badCurrency.value = 'bad' in read ? read.bad : null;
      if (absent.length > 0 || !chosen || 'bad' in read) return;
      if (chosen.bytes.length > MAX_TEMPLATE_BYTES) {
        // Written the way the admin's language writes decimals (ru: 11,0).
        const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace('.', lang() === 'ru' ? ',' : '.');
        outcome.value = { kind: 'too-large', sizeMb: mb(chosen.bytes.length), limitMb: mb(MAX_TEMPLATE_BYTES) };
        return;
      }
      busy.value = true;
      problem.value = null;
      outcome.value = null;
      try {
        const q: TemplateUpload = {
          fileName: chosen.name,
          name: f.name.trim(),
          kind: f.kind,
          lang: f.lang,
          ...(f.bankId ? { bankId: f.bankId } : {}),
          ...(read.list ? { dealCurrencies: read.list.join(',') } : {}),
        };
        const r = await api.upload(q, chosen.bytes);
        outcome.value = { kind: 'stored', template: r.template, created: r.created };
        templates.value = [r.template, ...templates.value.filter((t) => t.id !== r.template.id)];
      } catch (e) {
        if (e instanceof ApiError && e.code === 'TEMPLATE_INVALID') {
          outcome.value = { kind: 'lint', message: e.message, problems: lintProblems(e.details) };
        } else if (
          e instanceof ApiError &&
          e.status !== 401 &&
          e.status !== 403 &&
          (e.status === 413 || e.status === 422 || e.status === 404)
        ) {
          outcome.value = { kind: 'refused', code: e.code, message: e.message };
        } else {
          problem.value = problemOf(e);
        }
      } finally {
        busy.value = false;
      }
    },
  };
}
