// State and actions of the banks screen: the directory, one bank's form open at a time (add or edit),
// the published catalog's fields for its checklist of required fields, and Save. A refusal — here
// before sending, or the server's (a name already used, a band it refuses) — lands beside the input it
// concerns and keeps everything typed. Bank contacts that could not be read (contactsUnreadable) open
// empty with a warning that saving replaces them.
import { signal, type Signal } from '@preact/signals';
import type { NumberLocale } from '../../lending/locale-number.js';
import type { CatalogField } from '../../wire/document-catalog.js';
import type { BankView } from '../../wire/documents.js';
import { ApiError } from '../shared/session-client.js';
import type { DocBanksApi } from './doc-banks-api.js';
import { bankErrorsOfRefusal, bankFormOf, bankOf, emptyBankForm, type BankForm, type BankFormErrors } from './doc-banks-form.js';
import type { TemplateForm } from './doc-banks-template.js';
import { problemOf, type SectionProblem } from './providers-model.js';

export interface BankEditing {
  /** null for a new bank. */
  id: string | null;
  form: BankForm;
  unreadable: boolean;
}

export interface DocBanksModel {
  loading: Signal<boolean>;
  banks: Signal<BankView[]>;
  /** The latest published catalog's fields (labelled on screen in the page's language). */
  fields: Signal<CatalogField[]>;
  editing: Signal<BankEditing | null>;
  errors: Signal<BankFormErrors>;
  search: Signal<string>;
  busy: Signal<boolean>;
  /** The bank just saved, highlighted in the list. */
  savedId: Signal<string | null>;
  problem: Signal<{ key: SectionProblem; detail: string } | null>;
  /** Administrators also load the catalog (for the checklist); anyone else only reads the list. */
  load(admin: boolean): Promise<void>;
  startNew(): void;
  edit(id: string): void;
  cancel(): void;
  set<K extends keyof BankForm>(key: K, value: BankForm[K]): void;
  setMessage<K extends keyof TemplateForm>(key: K, value: TemplateForm[K]): void;
  toggleField(code: string): void;
  save(): Promise<void>;
}

export function createDocBanksModel(api: DocBanksApi, locale: () => NumberLocale): DocBanksModel {
  const loading = signal(true);
  const banks = signal<BankView[]>([]);
  const fields = signal<CatalogField[]>([]);
  const editing = signal<BankEditing | null>(null);
  const errors = signal<BankFormErrors>({});
  const search = signal('');
  const busy = signal(false);
  const savedId = signal<string | null>(null);
  const problem = signal<{ key: SectionProblem; detail: string } | null>(null);

  const open = (e: BankEditing) => {
    editing.value = e;
    errors.value = {};
    search.value = '';
    savedId.value = null;
    problem.value = null;
  };

  return {
    loading,
    banks,
    fields,
    editing,
    errors,
    search,
    busy,
    savedId,
    problem,
    async load(admin) {
      loading.value = true;
      try {
        const [list, catalog] = await Promise.all([api.list(), admin ? api.catalog() : Promise.resolve([])]);
        banks.value = list;
        fields.value = catalog;
        problem.value = null;
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        loading.value = false;
      }
    },
    startNew() {
      open({ id: null, form: emptyBankForm(locale()), unreadable: false });
    },
    edit(id) {
      const bank = banks.value.find((b) => b.id === id);
      if (bank) open({ id, form: bankFormOf(bank, locale()), unreadable: bank.contactsUnreadable === true });
    },
    cancel() {
      editing.value = null;
      errors.value = {};
    },
    set(key, value) {
      const e = editing.value;
      if (!e) return;
      editing.value = { ...e, form: { ...e.form, [key]: value } };
      if (key in errors.value) {
        const rest = { ...errors.value };
        delete rest[key as keyof BankFormErrors];
        errors.value = rest;
      }
    },
    setMessage(key, value) {
      const e = editing.value;
      if (!e) return;
      editing.value = { ...e, form: { ...e.form, message: { ...e.form.message, [key]: value } } };
      const k = ({ subject: 'messageSubject', body: 'messageBody', sms: 'messageSms', lang: null } as const)[key];
      if (k && k in errors.value) {
        const rest = { ...errors.value };
        delete rest[k];
        errors.value = rest;
      }
    },
    toggleField(code) {
      const e = editing.value;
      if (!e) return;
      const chosen = e.form.requiredFields;
      const next = chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code];
      editing.value = { ...e, form: { ...e.form, requiredFields: next } };
    },
    async save() {
      const e = editing.value;
      if (!e || busy.value) return;
      const r = bankOf(e.form, locale());
      if ('errors' in r) {
        errors.value = r.errors;
        return;
      }
      busy.value = true;
      problem.value = null;
      try {
        const bank = e.id === null ? await api.create(r.body) : await api.update(e.id, r.body);
        banks.value = [...banks.value.filter((b) => b.id !== bank.id), bank].sort((a, b) => a.name.localeCompare(b.name));
        editing.value = null;
        errors.value = {};
        savedId.value = bank.id;
      } catch (err) {
        const field = err instanceof ApiError ? bankErrorsOfRefusal(err.code, err.details) : null;
        if (field) errors.value = field;
        else problem.value = problemOf(err);
      } finally {
        busy.value = false;
      }
    },
  };
}
