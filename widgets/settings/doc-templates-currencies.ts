// The deals a template is for, by their currency (wire/document-templates.ts `dealCurrencies`): typed on
// the upload form and changed on a template's card. Without it every internal template went into every
// pack — a rouble deal's pack held the Mexican contract filled with roubles.
import { signal, type Signal } from '@preact/signals';
import type { TemplateView } from '../../wire/document-templates.js';
import { CURRENCY, splitAddresses } from './doc-banks-form.js';
import type { DocTemplatesApi } from './doc-templates-api.js';

/** The server's limit on a template's list. */
const MAX_CURRENCIES = 20;

/** Typed codes ("rub, MXN") as the list (null: every deal), or the first entry that is not a code. */
export function readCurrencies(text: string): { list: string[] | null } | { bad: string } {
  const codes = splitAddresses(text);
  const bad = codes.find((c) => !CURRENCY.test(c.toUpperCase())) ?? codes[MAX_CURRENCIES];
  if (bad !== undefined) return { bad };
  const list = [...new Set(codes.map((c) => c.toUpperCase()))];
  return { list: list.length > 0 ? list : null };
}

export interface CurrenciesEdit {
  templateId: string;
  text: string;
  /** The entry that is not a currency code, shown beside the input. */
  bad: string | null;
}

export interface TemplateCurrenciesModel {
  editing: Signal<CurrenciesEdit | null>;
  /** The last change saved, for its line of confirmation. */
  saved: Signal<{ name: string; list: string[] | null } | null>;
  edit(template: TemplateView): void;
  setText(text: string): void;
  cancel(): void;
  save(): Promise<void>;
}

export function createTemplateCurrencies(
  api: Pick<DocTemplatesApi, 'setCurrencies'>,
  templates: Signal<TemplateView[]>,
  failed: (e: unknown) => void,
): TemplateCurrenciesModel {
  const editing = signal<CurrenciesEdit | null>(null);
  const saved = signal<{ name: string; list: string[] | null } | null>(null);
  return {
    editing,
    saved,
    edit(t) {
      editing.value = { templateId: t.id, text: (t.dealCurrencies ?? []).join(', '), bad: null };
      saved.value = null;
    },
    setText(text) {
      if (editing.value) editing.value = { ...editing.value, text, bad: null };
    },
    cancel() {
      editing.value = null;
    },
    async save() {
      const e = editing.value;
      if (!e) return;
      const read = readCurrencies(e.text);
      if ('bad' in read) {
        editing.value = { ...e, bad: read.bad };
        return;
      }
      try {
        const t = await api.setCurrencies(e.templateId, read.list);
        templates.value = templates.value.map((x) => (x.id === t.id ? t : x));
        saved.value = { name: t.name, list: t.dealCurrencies ?? null };
        editing.value = null;
      } catch (err) {
        failed(err);
      }
    },
  };
}
