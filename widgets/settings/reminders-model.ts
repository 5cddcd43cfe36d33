// State and actions of the reminder section: the portal's settings as typed and saved, and per
// product its own rules (or the portal's). A refusal is shown beside the field it names and
// everything typed stays, so the admin fixes one field instead of retyping the form.
import { signal, type Signal } from '@preact/signals';
import type { FailedReminderView, ReminderSettingsReply } from '../../wire/reminders.js';
import { ApiError } from '../shared/session-client.js';
import type { Lang } from './i18n.js';
import type { RemindersApi } from './reminders-api.js';
import {
  bodyOf,
  emptyPortalForm,
  formOf,
  holidaysText,
  newRule,
  portalRefusal,
  ruleFormOf,
  ruleRefusal,
  rulesOf,
  type FieldError,
  type PortalField,
  type PortalForm,
  type RuleErrors,
  type RuleForm,
} from './reminders-form.js';
import { problemOf, type SectionProblem } from './providers-model.js';

type Problem = { key: SectionProblem; detail: string } | null;

/** One product's rules as typed: own === false follows the portal's. */
export interface ProductRulesState {
  productId: string;
  own: boolean;
  rows: RuleForm[];
  errors: RuleErrors;
  busy: boolean;
  saved: boolean;
  problem: Problem;
}

export interface RemindersModel {
  loading: Signal<boolean>;
  /** Whether the portal has saved settings (reminders on). */
  stored: Signal<boolean>;
  form: Signal<PortalForm>;
  errors: Signal<Partial<Record<PortalField, FieldError>>>;
  /** The first moved day that is not a date, shown in the error. */
  badDay: Signal<string | null>;
  busy: Signal<boolean>;
  saved: Signal<boolean>;
  problem: Signal<Problem>;
  products: Signal<ProductRulesState[]>;
  templates: Signal<ReminderSettingsReply['templates']>;
  load(): Promise<void>;
  set<K extends keyof PortalForm>(key: K, value: PortalForm[K]): void;
  /** Puts the default list of moved days back in the field. */
  resetHolidays(): void;
  save(): Promise<void>;
  setOwn(productId: string, own: boolean): void;
  setRule(productId: string, i: number, patch: Partial<RuleForm>): void;
  addRule(productId: string): void;
  removeRule(productId: string, i: number): void;
  saveProduct(productId: string): Promise<void>;
  /** Reminders that could not go (no phone, a template the data cannot fill…), newest first. */
  failed: Signal<FailedReminderView[]>;
  /** The key being retried; null when none. */
  retrying: Signal<string | null>;
  retry(key: string): Promise<void>;
}

export function createRemindersModel(api: RemindersApi, lang: () => Lang): RemindersModel {
  const loading = signal(true);
  const stored = signal(false);
  const form = signal<PortalForm>(emptyPortalForm(lang()));
  const errors = signal<Partial<Record<PortalField, FieldError>>>({});
  const badDay = signal<string | null>(null);
  const busy = signal(false);
  const saved = signal(false);
  const problem = signal<Problem>(null);
  const products = signal<ProductRulesState[]>([]);
  const templates = signal<ReminderSettingsReply['templates']>([]);
  let defaults: string[] = [];
  const failed = signal<FailedReminderView[]>([]);
  const retrying = signal<string | null>(null);

  const patchProduct = (productId: string, patch: (p: ProductRulesState) => Partial<ProductRulesState>) => {
    products.value = products.value.map((p) => (p.productId === productId ? { ...p, ...patch(p) } : p));
  };
  const editRows = (productId: string, rows: (r: RuleForm[]) => RuleForm[]) =>
    patchProduct(productId, (p) => ({ rows: rows(p.rows), errors: {}, saved: false, problem: null }));

  return {
    loading,
    stored,
    form,
    errors,
    badDay,
    busy,
    saved,
    problem,
    products,
    templates,
    async load() {
      loading.value = true;
      try {
        const r = await api.get();
        defaults = r.defaultHolidays;
        stored.value = r.settings !== null;
        form.value = r.settings
          ? formOf(r.settings, defaults, lang())
          : { ...emptyPortalForm(lang()), holidays: holidaysText(defaults, lang()) };
        templates.value = r.templates;
        products.value = r.products.map((p) => ({
          productId: p.productId,
          own: p.rules !== null,
          rows: (p.rules ?? []).map(ruleFormOf),
          errors: {},
          busy: false,
          saved: false,
          problem: null,
        }));
        failed.value = (await api.failed()).failed;
        problem.value = null;
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        loading.value = false;
      }
    },
    failed,
    retrying,
    async retry(key) {
      if (retrying.value) return;
      retrying.value = key;
      try {
        await api.retry(key);
        failed.value = (await api.failed()).failed;
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        retrying.value = null;
      }
    },
    set(key, value) {
      form.value = { ...form.value, [key]: value };
      saved.value = false;
      const gone: PortalField[] =
        key === 'quietFrom' || key === 'quietTo'
          ? [key, 'quietHours']
          : key === 'clientSms' || key === 'employee'
            ? ['channels']
            : [key as PortalField];
      if (gone.some((g) => g in errors.value))
        errors.value = Object.fromEntries(Object.entries(errors.value).filter(([k]) => !gone.includes(k as PortalField)));
    },
    resetHolidays() {
      this.set('holidays', holidaysText(defaults, lang()));
    },
    async save() {
      if (busy.value) return;
      problem.value = null;
      saved.value = false;
      const r = bodyOf(form.value);
      if ('errors' in r) {
        errors.value = r.errors;
        badDay.value = r.badDay ?? null;
        return;
      }
      errors.value = {};
      badDay.value = null;
      busy.value = true;
      try {
        const reply = await api.save(r.body);
        stored.value = true;
        if (reply.settings) form.value = formOf(reply.settings, defaults, lang());
        saved.value = true;
      } catch (e) {
        const named = e instanceof ApiError && e.status < 500 ? portalRefusal(e.code, e.details.field) : null;
        if (named) {
          errors.value = { [named.field]: named.error };
          badDay.value = e instanceof ApiError && typeof e.details.value === 'string' ? e.details.value : null;
        } else problem.value = problemOf(e);
      } finally {
        busy.value = false;
      }
    },
    setOwn(productId, own) {
      patchProduct(productId, (p) => ({ own, rows: own && p.rows.length === 0 ? [newRule()] : p.rows, errors: {}, saved: false }));
    },
    setRule(productId, i, patch) {
      editRows(productId, (rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    },
    addRule(productId) {
      editRows(productId, (rows) => [...rows, newRule()]);
    },
    removeRule(productId, i) {
      editRows(productId, (rows) => rows.filter((_, j) => j !== i));
    },
    async saveProduct(productId) {
      const p = products.value.find((x) => x.productId === productId);
      if (!p || p.busy) return;
      const r = p.own ? rulesOf(p.rows) : { rules: null };
      if ('errors' in r) return patchProduct(productId, () => ({ errors: r.errors, saved: false }));
      patchProduct(productId, () => ({ busy: true, errors: {}, problem: null, saved: false }));
      try {
        const reply = await api.saveProduct(productId, { rules: r.rules });
        patchProduct(productId, (x) => ({ busy: false, saved: true, rows: reply.rules ? reply.rules.map(ruleFormOf) : x.rows }));
      } catch (e) {
        const named = e instanceof ApiError && e.status < 500 ? ruleRefusal(e.code, e.details.field) : null;
        patchProduct(productId, () => ({ busy: false, ...(named ? { errors: named } : { problem: problemOf(e) }) }));
      }
    },
  };
}
