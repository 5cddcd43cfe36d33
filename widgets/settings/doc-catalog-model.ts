// State and actions of the catalog screen: the latest published version, the draft, one field's form
// open at a time (add or edit), remove, and Publish with what it added, removed and relabelled. Each
// add / edit / remove stores the whole draft at once (PUT is a full replace), so what the screen
// lists is what the server holds; a refusal lands beside the input it concerns and keeps what was typed.
import { signal, type Signal } from '@preact/signals';
import type { NumberLocale } from '../../lending/locale-number.js';
import type { CatalogDiffView, CatalogDraftView, CatalogField, CatalogVersionInfoView, PublishView } from '../../wire/document-catalog.js';
import { ApiError } from '../shared/session-client.js';
import type { DocCatalogApi } from './doc-catalog-api.js';
import {
  emptyForm,
  emptyRow,
  fieldOf,
  fieldOfCatalogRefusal,
  formOf,
  withSourceKind,
  type FieldForm,
  type FormErrors,
  type RowForm,
} from './doc-catalog-form.js';
import { problemOf, type SectionProblem } from './providers-model.js';

export interface Editing {
  /** The field's index in the draft; null for a new field. */
  index: number | null;
  form: FieldForm;
}

export interface DocCatalogModel {
  loading: Signal<boolean>;
  draft: Signal<CatalogField[]>;
  /** What publishing the draft would add, remove and change against the latest version. */
  pending: Signal<CatalogDiffView>;
  versions: Signal<CatalogVersionInfoView[]>;
  /** The latest published version's fields (null: nothing published yet). */
  published: Signal<{ version: number; fields: CatalogField[] } | null>;
  editing: Signal<Editing | null>;
  errors: Signal<FormErrors>;
  busy: Signal<'saving' | 'publishing' | null>;
  /** The last publish's answer, until the draft changes again. */
  result: Signal<PublishView | null>;
  problem: Signal<{ key: SectionProblem; detail: string } | null>;
  load(): Promise<void>;
  startNew(section?: string): void;
  edit(index: number): void;
  cancel(): void;
  set<K extends keyof FieldForm>(key: K, value: FieldForm[K]): void;
  /** A list's row fields, edited inline: add an empty row, change one input, remove a row. */
  addRow(): void;
  setRow<K extends keyof RowForm>(index: number, key: K, value: RowForm[K]): void;
  removeRow(index: number): void;
  saveField(): Promise<void>;
  remove(index: number): Promise<void>;
  publish(): Promise<void>;
}

export function createDocCatalogModel(api: DocCatalogApi, locale: () => NumberLocale): DocCatalogModel {
  const loading = signal(true);
  const draft = signal<CatalogField[]>([]);
  const pending = signal<CatalogDiffView>({ added: [], removed: [], changed: [] });
  const show = (d: CatalogDraftView) => {
    draft.value = d.fields;
    pending.value = d.pending;
  };
  const versions = signal<CatalogVersionInfoView[]>([]);
  const published = signal<{ version: number; fields: CatalogField[] } | null>(null);
  const editing = signal<Editing | null>(null);
  const errors = signal<FormErrors>({});
  const busy = signal<'saving' | 'publishing' | null>(null);
  const result = signal<PublishView | null>(null);
  const problem = signal<{ key: SectionProblem; detail: string } | null>(null);

  async function loadPublished(): Promise<void> {
    const list = (await api.versions()).versions;
    versions.value = list;
    const latest = list.at(-1);
    published.value = latest ? await api.version(latest.version) : null;
  }

  /** Stores `next` as the draft; a field refusal goes beside the open form's inputs. */
  async function store(next: CatalogField[]): Promise<boolean> {
    busy.value = 'saving';
    problem.value = null;
    try {
      show(await api.saveDraft(next));
      result.value = null;
      return true;
    } catch (e) {
      const open = editing.value;
      const field = e instanceof ApiError && e.code === 'CATALOG_INVALID' && open ? fieldOfCatalogRefusal(e.details, open.form) : null;
      if (field) errors.value = field;
      else problem.value = problemOf(e);
      return false;
    } finally {
      busy.value = null;
    }
  }

  /** The error beside an input goes once the admin changes that input. */
  function clearError(key: string): void {
    if (!(key in errors.value)) return;
    const { [key as keyof FormErrors]: _gone, ...rest } = errors.value;
    errors.value = rest;
  }

  return {
    loading,
    draft,
    pending,
    versions,
    published,
    editing,
    errors,
    busy,
    result,
    problem,
    async load() {
      loading.value = true;
      try {
        const [d] = await Promise.all([api.draft(), loadPublished()]);
        show(d);
        problem.value = null;
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        loading.value = false;
      }
    },
    startNew(section) {
      editing.value = { index: null, form: emptyForm(section ?? draft.value.at(-1)?.section ?? '') };
      errors.value = {};
    },
    edit(index) {
      const f = draft.value[index];
      if (!f) return;
      editing.value = { index, form: formOf(f, locale()) };
      errors.value = {};
    },
    cancel() {
      editing.value = null;
      errors.value = {};
    },
    set(key, value) {
      const open = editing.value;
      if (!open) return;
      const form = key === 'sourceKind' ? withSourceKind(open.form, value as FieldForm['sourceKind']) : { ...open.form, [key]: value };
      editing.value = { ...open, form };
      clearError(key === 'sourceKind' ? 'sourceField' : key);
    },
    addRow() {
      const open = editing.value;
      if (open) editing.value = { ...open, form: { ...open.form, rows: [...open.form.rows, emptyRow()] } };
      clearError('type');
    },
    setRow(index, key, value) {
      const open = editing.value;
      if (!open) return;
      const rows = open.form.rows.map((r, i) => (i === index ? { ...r, [key]: value } : r));
      editing.value = { ...open, form: { ...open.form, rows } };
      clearError(`rows.${index}.${key}`);
    },
    removeRow(index) {
      const open = editing.value;
      if (!open) return;
      editing.value = { ...open, form: { ...open.form, rows: open.form.rows.filter((_, i) => i !== index) } };
      // The rows below moved up: their errors no longer sit beside the right inputs until saved again.
      errors.value = Object.fromEntries(Object.entries(errors.value).filter(([k]) => !k.startsWith('rows.')));
    },
    async saveField() {
      const open = editing.value;
      if (!open || busy.value) return;
      const others = draft.value.filter((_, i) => i !== open.index).map((f) => f.code);
      const r = fieldOf(open.form, others, locale());
      if ('errors' in r) {
        errors.value = r.errors;
        return;
      }
      errors.value = {};
      const next = open.index === null ? [...draft.value, r.field] : draft.value.map((f, i) => (i === open.index ? r.field : f));
      if (await store(next)) editing.value = null;
    },
    async remove(index) {
      if (busy.value) return;
      if (editing.value?.index === index) editing.value = null;
      if (!(await store(draft.value.filter((_, i) => i !== index)))) return;
      // A field open further down moved up by one.
      const open = editing.value;
      if (open?.index != null && open.index > index) editing.value = { ...open, index: open.index - 1 };
    },
    async publish() {
      if (busy.value) return;
      busy.value = 'publishing';
      problem.value = null;
      try {
        result.value = await api.publish();
        // Published: the draft now equals the latest version, nothing is pending.
        const [d] = await Promise.all([api.draft(), loadPublished()]);
        show(d);
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = null;
      }
    },
  };
}
