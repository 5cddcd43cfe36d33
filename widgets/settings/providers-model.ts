// State and actions of the providers screen (SMS gateway, payout provider), one section per kind:
// choose a provider, fill its settings, save, test the connection. The API is passed in.
import { signal, type Signal } from '@preact/signals';
import { ApiError } from '../shared/session-client.js';
import { formFields, initialValues, patternError, readValues, type FieldError, type FormField } from './provider-form.js';
import type { MaskedSettings, ProviderInfo, ProviderKind, ProvidersApi, TestResult } from './providers-api.js';

export type SectionProblem = 'invalid' | 'refused' | 'forbidden' | 'session' | 'network';

export interface ProviderSection {
  kind: ProviderKind;
  providers: Signal<ProviderInfo[]>;
  stored: Signal<MaskedSettings | null>;
  provider: Signal<string>;
  values: Signal<Record<string, string>>;
  errors: Signal<Record<string, FieldError>>;
  busy: Signal<'saving' | 'testing' | null>;
  saved: Signal<boolean>;
  test: Signal<TestResult | null>;
  problem: Signal<{ key: SectionProblem; detail: string } | null>;
}

export interface ProvidersModel {
  loading: Signal<boolean>;
  loadProblem: Signal<{ key: SectionProblem; detail: string } | null>;
  sections: Record<ProviderKind, ProviderSection>;
  load(): Promise<void>;
  fields(kind: ProviderKind): FormField[];
  /** Secret fields stored for the chosen provider: left empty they are kept. */
  keptSecrets(kind: ProviderKind): Set<string>;
  /** Secret fields stored but no longer readable (altered at rest): to be typed again. */
  unreadableSecrets(kind: ProviderKind): Set<string>;
  choose(kind: ProviderKind, provider: string): void;
  setValue(kind: ProviderKind, name: string, value: string): void;
  save(kind: ProviderKind): Promise<void>;
  testConnection(kind: ProviderKind): Promise<void>;
}

/** A failed round trip as the section shows it (also the lender section, lender-model.ts). */
export function problemOf(e: unknown): { key: SectionProblem; detail: string } {
  const detail = e instanceof Error ? e.message : String(e);
  if (!(e instanceof ApiError)) return { key: 'network', detail };
  if (e.status === 401) return { key: 'session', detail };
  if (e.status === 403) return { key: 'forbidden', detail };
  return { key: e.status === 400 ? 'invalid' : 'refused', detail };
}

function newSection(kind: ProviderKind): ProviderSection {
  return {
    kind,
    providers: signal([]),
    stored: signal(null),
    provider: signal(''),
    values: signal({}),
    errors: signal({}),
    busy: signal(null),
    saved: signal(false),
    test: signal(null),
    problem: signal(null),
  };
}

export function createProvidersModel(api: ProvidersApi, locale: string): ProvidersModel {
  const loading = signal(true);
  const loadProblem = signal<{ key: SectionProblem; detail: string } | null>(null);
  const sections = { sms: newSection('sms'), payments: newSection('payments') };
  const info = (kind: ProviderKind) => sections[kind].providers.value.find((p) => p.code === sections[kind].provider.value);
  const fields = (kind: ProviderKind) => {
    const p = info(kind);
    return p ? formFields(p) : [];
  };
  const storedSecrets = (kind: ProviderKind, state: 'set' | 'unreadable') => {
    const s = sections[kind];
    const stored = s.stored.value;
    if (!stored || stored.provider !== s.provider.value) return new Set<string>();
    return new Set(Object.entries(stored.secrets).flatMap(([k, v]) => (v === state ? [k] : [])));
  };
  const keptSecrets = (kind: ProviderKind) => storedSecrets(kind, 'set');
  const unreadableSecrets = (kind: ProviderKind) => storedSecrets(kind, 'unreadable');
  const resetForm = (kind: ProviderKind) => {
    const s = sections[kind];
    const stored = s.stored.value;
    s.values.value = initialValues(fields(kind), stored?.provider === s.provider.value ? stored.config : undefined, locale);
    s.errors.value = {};
    s.test.value = null;
    s.problem.value = null;
  };
  /** Reads the form; false (with the errors beside the fields) when something must be fixed first. */
  const read = (kind: ProviderKind) => {
    const s = sections[kind];
    const r = readValues(fields(kind), s.values.value, keptSecrets(kind), locale);
    s.errors.value = r.errors;
    return Object.keys(r.errors).length ? null : r.settings;
  };

  /** One server round trip at a time per section, after the form reads clean; its failure is shown in the section. */
  const roundTrip = async (
    kind: ProviderKind,
    busy: 'saving' | 'testing',
    call: (s: ProviderSection, provider: string, settings: Record<string, unknown>) => Promise<void>,
  ) => {
    const s = sections[kind];
    const settings = read(kind);
    if (!settings || !s.provider.value || s.busy.value) return;
    s.busy.value = busy;
    s.problem.value = null;
    s.test.value = null;
    try {
      await call(s, s.provider.value, settings);
    } catch (e) {
      // A refusal that names one of the form's fields is shown beside it, with what was typed kept.
      const field = e instanceof ApiError && e.status === 400 ? e.details.field : undefined;
      if (typeof field === 'string' && fields(kind).some((f) => f.name === field))
        s.errors.value = { ...s.errors.value, [field]: patternError(field) };
      else s.problem.value = problemOf(e);
    } finally {
      s.busy.value = null;
    }
  };

  return {
    loading,
    loadProblem,
    sections,
    fields,
    keptSecrets,
    unreadableSecrets,
    async load() {
      loading.value = true;
      try {
        const r = await api.list();
        for (const kind of ['sms', 'payments'] as const) {
          const s = sections[kind];
          s.providers.value = r.providers[kind];
          s.stored.value = r.settings.find((m) => m.kind === kind) ?? null;
          s.provider.value = s.stored.value?.provider ?? '';
          resetForm(kind);
        }
        loadProblem.value = null;
      } catch (e) {
        loadProblem.value = problemOf(e);
      } finally {
        loading.value = false;
      }
    },
    choose(kind, provider) {
      sections[kind].provider.value = provider;
      sections[kind].saved.value = false;
      resetForm(kind);
    },
    setValue(kind, name, value) {
      const s = sections[kind];
      s.values.value = { ...s.values.value, [name]: value };
      s.saved.value = false;
      if (s.errors.value[name]) {
        const { [name]: _fixed, ...rest } = s.errors.value;
        s.errors.value = rest;
      }
    },
    save: (kind) =>
      roundTrip(kind, 'saving', async (s, provider, settings) => {
        s.stored.value = await api.save(kind, provider, settings);
        s.values.value = initialValues(fields(kind), s.stored.value.config, locale);
        s.saved.value = true;
      }),
    testConnection: (kind) =>
      roundTrip(kind, 'testing', async (s, provider, settings) => {
        s.test.value = await api.test(kind, provider, settings);
      }),
  };
}
