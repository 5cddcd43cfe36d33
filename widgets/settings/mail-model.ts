// State and actions of the mail section: the two accounts and the reply scheme as typed, save, and
// "Test connection" with each side's answer shown beside its fields. A refusal is shown beside the
// field it names and everything typed stays — passwords included, so the admin fixes one field
// instead of retyping the form.
import { signal, type Signal } from '@preact/signals';
import type { MailCheckReply, MailSettingsBody, MailSettingsView } from '../../wire/mail-settings.js';
import { ApiError } from '../shared/session-client.js';
import type { MailApi } from './mail-api.js';
import { bodyOf, emptyMailForm, fieldOfRefusal, formOf, type MailField, type MailFieldError, type MailForm } from './mail-form.js';
import { problemOf, type SectionProblem } from './providers-model.js';

export interface MailModel {
  loading: Signal<boolean>;
  form: Signal<MailForm>;
  /** What the server holds (null: never set up). */
  stored: Signal<MailSettingsView | null>;
  busy: Signal<'saving' | 'testing' | null>;
  saved: Signal<boolean>;
  errors: Signal<Partial<Record<MailField, MailFieldError>>>;
  /** The forwarder a 'forwarder' / 'forwarder-twice' error names. */
  badForwarder: Signal<string>;
  /** Each side's last answer; editing a side's fields drops its answer (it no longer speaks for them). */
  test: Signal<Partial<MailCheckReply> | null>;
  problem: Signal<{ key: SectionProblem; detail: string } | null>;
  load(): Promise<void>;
  /** One field typed: `path` is "smtp.host", "replyScheme", … */
  set(path: MailField | 'smtp.security' | 'imap.security' | 'replyScheme', value: string): void;
  save(): Promise<void>;
  testConnection(): Promise<void>;
}

function withValue(f: MailForm, path: string, value: string): MailForm {
  const [side, key] = path.split('.') as [string, string | undefined];
  if (key === undefined) return { ...f, [side]: value };
  return { ...f, [side]: { ...(f[side as 'smtp' | 'imap'] as object), [key]: value } };
}

export function createMailModel(api: MailApi): MailModel {
  const loading = signal(true);
  const form = signal<MailForm>(emptyMailForm());
  const stored = signal<MailSettingsView | null>(null);
  const busy = signal<'saving' | 'testing' | null>(null);
  const saved = signal(false);
  const errors = signal<Partial<Record<MailField, MailFieldError>>>({});
  const badForwarder = signal('');
  /** The last body sent: a refusal of a forwarder names its place in this list. */
  let sent: MailSettingsBody | null = null;
  const test = signal<Partial<MailCheckReply> | null>(null);
  const problem = signal<{ key: SectionProblem; detail: string } | null>(null);

  /** The body, or null with the fields' errors shown. */
  function body() {
    const r = bodyOf(form.value);
    if ('errors' in r) {
      errors.value = r.errors;
      badForwarder.value = r.address ?? '';
      return null;
    }
    errors.value = {};
    sent = r.body;
    return r.body;
  }

  function refused(e: unknown): void {
    if (e instanceof ApiError && e.status === 400) {
      const field = fieldOfRefusal(e.code, e.message, e.details);
      if (field === 'forwarders') {
        const index = typeof e.details.index === 'number' ? e.details.index : -1;
        badForwarder.value = sent?.forwarders?.[index] ?? '';
        errors.value = { forwarders: e.code === 'MAIL_FORWARDER_DUPLICATE' ? 'forwarder-twice' : 'forwarder' };
        return;
      }
      if (field) {
        errors.value = { [field]: e.code === 'MAIL_PASSWORD_REQUIRED' ? 'password' : field === 'replyAddress' ? 'required' : 'invalid' };
        return;
      }
    }
    problem.value = problemOf(e);
  }

  return {
    loading,
    form,
    stored,
    busy,
    saved,
    errors,
    badForwarder,
    test,
    problem,
    async load() {
      loading.value = true;
      try {
        const r = await api.get();
        stored.value = r.settings;
        form.value = r.settings ? formOf(r.settings) : emptyMailForm();
        problem.value = null;
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        loading.value = false;
      }
    },
    set(path, value) {
      form.value = withValue(form.value, path, value);
      saved.value = false;
      const side = path.split('.')[0];
      if (test.value && (side === 'smtp' || side === 'imap') && test.value[side]) {
        const { [side]: _stale, ...rest } = test.value;
        test.value = rest;
      }
      if (path in errors.value) {
        const { [path as MailField]: _gone, ...rest } = errors.value;
        errors.value = rest;
      }
    },
    async save() {
      if (busy.value) return;
      problem.value = null;
      saved.value = false;
      const b = body();
      if (!b) return;
      busy.value = 'saving';
      try {
        const r = await api.save(b);
        stored.value = r.settings;
        // The passwords were taken: the fields empty again, "stored" now says they are set.
        form.value = r.settings ? formOf(r.settings) : form.value;
        saved.value = true;
      } catch (e) {
        refused(e);
      } finally {
        busy.value = null;
      }
    },
    async testConnection() {
      if (busy.value) return;
      problem.value = null;
      const b = body();
      if (!b) return;
      busy.value = 'testing';
      test.value = null;
      try {
        test.value = await api.test(b);
      } catch (e) {
        refused(e);
      } finally {
        busy.value = null;
      }
    },
  };
}
