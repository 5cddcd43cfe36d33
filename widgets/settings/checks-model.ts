// State and actions of the applicant-check section: the country phones are read in, the bureau's
// HTTP check as typed, the blacklist file and its counts, and a try. What the user typed stays
// after a refusal; the server's reason shows beside the field it names.
import { signal, type Signal } from '@preact/signals';
import { ApiError } from '../shared/session-client.js';
import type { BlacklistCounts, CheckCountry, CheckResult, ChecksApi, HttpCheck } from './checks-api.js';
import { problemOf, type SectionProblem } from './providers-model.js';

export interface HttpForm {
  enabled: boolean;
  urlTemplate: string;
  method: 'GET' | 'POST';
  verdictPath: string;
  /** Comma-separated, as typed. */
  rejectValues: string;
  reasonPath: string;
  timeoutSec: number;
  /** '' keeps the stored header. */
  authHeader: string;
}

export type ImportOutcome =
  | { kind: 'added'; added: number; already: number }
  | { kind: 'refused'; headerMissing: boolean; issues: { line: number; column: string; code: string }[] };

const EMPTY_FORM: HttpForm = {
  enabled: false,
  urlTemplate: '',
  method: 'GET',
  verdictPath: 'result',
  rejectValues: '',
  reasonPath: '',
  timeoutSec: 5,
  authHeader: '',
};

function formOf(h: HttpCheck | null): HttpForm {
  if (!h) return { ...EMPTY_FORM };
  return {
    enabled: true,
    urlTemplate: h.urlTemplate,
    method: h.method,
    verdictPath: h.verdictPath,
    rejectValues: h.rejectValues.join(', '),
    reasonPath: h.reasonPath ?? '',
    timeoutSec: Math.max(1, Math.round(h.timeoutMs / 1000)),
    authHeader: '',
  };
}

function httpOf(f: HttpForm): HttpCheck | null {
  if (!f.enabled) return null;
  return {
    urlTemplate: f.urlTemplate.trim(),
    method: f.method,
    verdictPath: f.verdictPath.trim(),
    rejectValues: f.rejectValues
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
    reasonPath: f.reasonPath.trim() || null,
    timeoutMs: f.timeoutSec * 1000,
  };
}

export function createChecksModel(api: ChecksApi) {
  const loading = signal(true);
  const country = signal<CheckCountry>(null);
  const form = signal<HttpForm>({ ...EMPTY_FORM });
  const authStored = signal<'set' | 'not set' | 'unreadable'>('not set');
  const removeAuth = signal(false);
  const counts = signal<BlacklistCounts>({ phone: 0, document: 0 });
  const busy = signal<'saving' | 'importing' | 'trying' | 'removing' | null>(null);
  const saved = signal(false);
  /** The field the server refused, by its wire name. */
  const fieldError = signal<string | null>(null);
  const importOutcome = signal<ImportOutcome | null>(null);
  const tryPhone = signal('');
  const tryDocument = signal('');
  const tryResult = signal<CheckResult | null>(null);
  const removeKind = signal<'phone' | 'document'>('phone');
  const removeValue = signal('');
  const removed = signal<'yes' | 'missing' | 'invalid' | null>(null);
  const problem: Signal<{ key: SectionProblem; detail: string } | null> = signal(null);

  function take(s: {
    country: CheckCountry;
    http: HttpCheck | null;
    authHeader: 'set' | 'not set' | 'unreadable';
    blacklist: BlacklistCounts;
  }) {
    country.value = s.country;
    form.value = formOf(s.http);
    authStored.value = s.authHeader;
    counts.value = s.blacklist;
    removeAuth.value = false;
  }

  async function run<T>(what: NonNullable<typeof busy.value>, fn: () => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined;
    busy.value = what;
    problem.value = null;
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && typeof e.details.field === 'string' && what === 'saving')
        fieldError.value = e.details.field;
      else problem.value = problemOf(e);
      return undefined;
    } finally {
      busy.value = null;
    }
  }

  return {
    loading,
    country,
    form,
    authStored,
    removeAuth,
    counts,
    busy,
    saved,
    fieldError,
    importOutcome,
    tryPhone,
    tryDocument,
    tryResult,
    removeKind,
    removeValue,
    removed,
    problem,
    async load() {
      loading.value = true;
      try {
        take(await api.get());
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        loading.value = false;
      }
    },
    setCountry(c: CheckCountry) {
      country.value = c;
      saved.value = false;
    },
    setForm<K extends keyof HttpForm>(key: K, value: HttpForm[K]) {
      form.value = { ...form.value, [key]: value };
      saved.value = false;
      if (fieldError.value === key || (key === 'timeoutSec' && fieldError.value === 'timeoutMs')) fieldError.value = null;
    },
    async save() {
      fieldError.value = null;
      saved.value = false;
      const f = form.value;
      const authHeader = removeAuth.value ? null : f.authHeader.trim() ? f.authHeader.trim() : undefined;
      const s = await run('saving', () =>
        api.save({ country: country.value, http: httpOf(f), ...(authHeader === undefined ? {} : { authHeader }) }),
      );
      if (s) {
        take(s);
        saved.value = true;
      }
    },
    async importFile(name: string, bytes: Uint8Array) {
      importOutcome.value = null;
      if (busy.value) return;
      busy.value = 'importing';
      problem.value = null;
      try {
        const r = await api.importFile(name, bytes);
        counts.value = r.blacklist;
        importOutcome.value = { kind: 'added', added: r.added, already: r.already };
      } catch (e) {
        if (e instanceof ApiError && e.code === 'BLACKLIST_REFUSED') {
          const issues = Array.isArray(e.details.issues) ? (e.details.issues as { line: number; column: string; code: string }[]) : [];
          importOutcome.value = { kind: 'refused', headerMissing: e.details.headerMissing === true, issues };
        } else problem.value = problemOf(e);
      } finally {
        busy.value = null;
      }
    },
    async tryNow() {
      tryResult.value = null;
      const r = await run('trying', () => api.tryCheck(tryPhone.value, tryDocument.value));
      if (r) tryResult.value = r;
    },
    async remove() {
      removed.value = null;
      if (busy.value || !removeValue.value.trim()) return;
      busy.value = 'removing';
      problem.value = null;
      try {
        take(await api.remove(removeKind.value, removeValue.value.trim()));
        removed.value = 'yes';
        removeValue.value = '';
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) removed.value = 'missing';
        else if (e instanceof ApiError && e.status === 400) removed.value = 'invalid';
        else problem.value = problemOf(e);
      } finally {
        busy.value = null;
      }
    },
  };
}

export type ChecksModel = ReturnType<typeof createChecksModel>;
