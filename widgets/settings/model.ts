// State and actions of the settings screen, apart from the components: signals for the list and
// the open form, pure validation (validate.ts), the API passed in so tests can fake it.
import { computed, signal } from '@preact/signals';
import { ApiError, type ProductsApi } from './api.js';
import type { Key } from './i18n.js';
import { draftOf, newDraft, type FeeDraft, type LateFeeDraft, type Product, type ProductDraft } from './product.js';
import { fieldOfServerError, validateDraft, type ErrorCode, type Errors } from './validate.js';
import { typedFromDecimal, type NumberLocale } from '../../lending/locale-number.js';

export type ShownError = ErrorCode | 'SERVER';

export interface SettingsDeps {
  api: ProductsApi;
  newId: () => string;
  /**
   * Outside the portal (/admin/products, cookie session): where the user signs in again. There is
   * no frame to renew an expired session with, so a 401 asks them to sign in in another tab — the
   * form stays open here with their changes, and Save then goes out with the new cookie. Inside
   * the portal (absent) the API client has already tried to renew; a 401 means reopen the app.
   */
  signInUrl?: string;
}

function problemKey(e: unknown, signedInByCookie: boolean): Key {
  if (e instanceof ApiError) {
    if (e.status === 401) return signedInByCookie ? 'err.SIGNED_OUT' : 'err.SESSION';
    if (e.status === 403) return 'err.FORBIDDEN';
    return 'err.SERVER';
  }
  return 'err.NETWORK';
}

export function createSettingsModel(deps: SettingsDeps) {
  const products = signal<Product[]>([]);
  /** Null until the server said whether this user may change products. */
  const canEdit = signal<boolean | null>(null);
  const loading = signal(true);
  const problem = signal<{ key: Key; detail: string } | null>(null);
  const draft = signal<ProductDraft | null>(null);
  const touched = signal<ReadonlySet<string>>(new Set());
  const submitted = signal(false);
  const serverErrors = signal<Record<string, string>>({});
  const saving = signal(false);
  const savedId = signal<string | null>(null);
  /** Whose separators the admin types numbers with (their portal language). */
  const locale = signal<NumberLocale>('en');
  const problemOf = (e: unknown) => ({
    key: problemKey(e, deps.signInUrl !== undefined),
    detail: e instanceof Error ? e.message : String(e),
  });

  const checked = computed(() =>
    draft.value
      ? validateDraft(
          draft.value,
          products.value.map((p) => p.id),
          locale.value,
        )
      : { errors: {} as Errors },
  );
  /** Errors the user should see now: touched fields as they type, all of them after Save. */
  const errors = computed<Record<string, ShownError>>(() => {
    const all = checked.value.errors;
    const out: Record<string, ShownError> = {};
    for (const [k, v] of Object.entries(all)) if (submitted.value || touched.value.has(k)) out[k] = v;
    for (const k of Object.keys(serverErrors.value)) if (!out[k]) out[k] = 'SERVER';
    return out;
  });

  async function load(): Promise<void> {
    loading.value = true;
    problem.value = null;
    try {
      try {
        products.value = await deps.api.list(true);
        canEdit.value = true;
      } catch (e) {
        // Inactive products are admin-only: a 403 here is the server saying "read-only user".
        if (!(e instanceof ApiError && e.status === 403)) throw e;
        canEdit.value = false;
        products.value = await deps.api.list(false);
      }
    } catch (e) {
      problem.value = problemOf(e);
    } finally {
      loading.value = false;
    }
  }

  function open(d: ProductDraft): void {
    draft.value = d;
    touched.value = new Set();
    submitted.value = false;
    serverErrors.value = {};
    savedId.value = null;
    problem.value = null;
  }

  function touch(field: string): void {
    if (touched.value.has(field)) return;
    touched.value = new Set([...touched.value, field]);
  }

  function dropServerError(field: string): void {
    if (!(field in serverErrors.value)) return;
    const { [field]: _gone, ...rest } = serverErrors.value;
    serverErrors.value = rest;
  }

  return {
    /** Set outside the portal: the link the 'err.SIGNED_OUT' message offers. */
    signInUrl: deps.signInUrl ?? null,
    products,
    canEdit,
    loading,
    problem,
    draft,
    errors,
    saving,
    savedId,
    serverErrors,
    load,
    setLocale(l: NumberLocale): void {
      locale.value = l;
    },
    startNew(): void {
      if (canEdit.value) open(newDraft(deps.newId()));
    },
    edit(id: string): void {
      const p = products.value.find((x) => x.id === id);
      if (!p || !canEdit.value) return;
      // Stored decimals shown the way the admin types them (ru "12,5"), so they read back unchanged.
      const d = draftOf(p);
      const typed = (v: string) => typedFromDecimal(v, locale.value);
      open({
        ...d,
        rateMin: typed(d.rateMin),
        rateMax: typed(d.rateMax),
        amountMin: typed(d.amountMin),
        amountMax: typed(d.amountMax),
        fees: d.fees.map((f) => ({ ...f, value: typed(f.value) })),
        lateFees: d.lateFees.map((f) => ({ ...f, value: typed(f.value), vatPercent: typed(f.vatPercent) })),
      });
    },
    cancel(): void {
      draft.value = null;
    },
    update(patch: Partial<Omit<ProductDraft, 'fees' | 'lateFees' | 'existing'>>): void {
      if (!draft.value) return;
      draft.value = { ...draft.value, ...patch };
      for (const k of Object.keys(patch)) {
        touch(k);
        dropServerError(k);
      }
    },
    addFee(): void {
      if (!draft.value) return;
      const fee: FeeDraft = { name: '', kind: 'percent', value: '', at: 'disbursement', withheld: false };
      draft.value = { ...draft.value, fees: [...draft.value.fees, fee] };
    },
    updateFee(i: number, patch: Partial<FeeDraft>): void {
      if (!draft.value) return;
      draft.value = { ...draft.value, fees: draft.value.fees.map((f, j) => (j === i ? { ...f, ...patch } : f)) };
      for (const k of Object.keys(patch)) touch(`fees.${i}.${k}`);
      dropServerError('fees');
    },
    removeFee(i: number): void {
      if (!draft.value) return;
      draft.value = { ...draft.value, fees: draft.value.fees.filter((_, j) => j !== i) };
      // Indexes after i moved: forget which fee fields were touched.
      touched.value = new Set([...touched.value].filter((k) => !k.startsWith('fees.')));
    },
    addLateFee(): void {
      if (!draft.value) return;
      const fee: LateFeeDraft = { name: '', kind: 'amount', value: '', vatPercent: '', graceDays: '', base: 'principal' };
      draft.value = { ...draft.value, lateFees: [...draft.value.lateFees, fee] };
    },
    updateLateFee(i: number, patch: Partial<LateFeeDraft>): void {
      if (!draft.value) return;
      draft.value = { ...draft.value, lateFees: draft.value.lateFees.map((f, j) => (j === i ? { ...f, ...patch } : f)) };
      for (const k of Object.keys(patch)) touch(`lateFees.${i}.${k}`);
      dropServerError('lateFees');
    },
    removeLateFee(i: number): void {
      if (!draft.value) return;
      draft.value = { ...draft.value, lateFees: draft.value.lateFees.filter((_, j) => j !== i) };
      touched.value = new Set([...touched.value].filter((k) => !k.startsWith('lateFees.')));
    },
    /** Validates, then PUTs the product; true when the server stored it. */
    async save(): Promise<boolean> {
      submitted.value = true;
      const p = checked.value.product;
      if (!p || saving.value) return false;
      saving.value = true;
      problem.value = null;
      try {
        const stored = await deps.api.put(p);
        const rest = products.value.filter((x) => x.id !== stored.id);
        products.value = [...rest, stored].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
        draft.value = null;
        savedId.value = stored.id;
        return true;
      } catch (e) {
        const field = e instanceof ApiError ? fieldOfServerError(e.details.field) : null;
        if (field) serverErrors.value = { ...serverErrors.value, [field]: e instanceof Error ? e.message : '' };
        problem.value = problemOf(e);
        if (e instanceof ApiError && e.status === 403) canEdit.value = false;
        return false;
      } finally {
        saving.value = false;
      }
    },
  };
}

export type SettingsModel = ReturnType<typeof createSettingsModel>;
