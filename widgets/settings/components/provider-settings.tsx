import type { FormField } from '../provider-form.js';
import type { ProviderKind } from '../providers-api.js';
import { fieldErrorKey, labelOf, problemKey, testHeadline, type ProvidersTranslate } from '../providers-i18n.js';
import type { ProvidersModel } from '../providers-model.js';
import { Field } from './field.js';

interface Props {
  model: ProvidersModel;
  t: ProvidersTranslate;
  /** BCP 47 locale dates are written in (es-MX, ru-RU, en-US). */
  locale: string;
}

/** SMS gateway and payout provider: choose, fill, save, test — one card per kind. */
export function ProviderSettings({ model, t, locale }: Props) {
  const problem = model.loadProblem.value;
  return (
    <section class="st-providers" data-testid="providers" data-ready={model.loading.value ? 'no' : 'yes'}>
      <h2 class="st-h2">{t('title')}</h2>
      <p class="st-muted">{t('intro')}</p>
      {problem ? (
        <p class="st-error" role="alert" title={problem.detail}>
          {t(problemKey(problem.key))}
        </p>
      ) : null}
      {model.loading.value
        ? null
        : (['sms', 'payments'] as const).map((kind) => <KindCard key={kind} kind={kind} model={model} t={t} locale={locale} />)}
    </section>
  );
}

function KindCard({ kind, model, t, locale }: Props & { kind: ProviderKind }) {
  const s = model.sections[kind];
  const fields = model.fields(kind);
  const kept = model.keptSecrets(kind);
  const unreadable = model.unreadableSecrets(kind);
  const stored = s.stored.value;
  const busy = s.busy.value;
  const input = (f: FormField) => (
    <FieldInput key={f.name} kind={kind} field={f} model={model} t={t} kept={kept.has(f.name)} unreadable={unreadable.has(f.name)} />
  );
  return (
    <form
      class="st-card st-provider"
      data-kind={kind}
      aria-busy={busy ? 'true' : 'false'}
      onSubmit={(e) => {
        e.preventDefault();
        void model.save(kind);
      }}
    >
      <h3 class="st-h3">{t(`kind.${kind}`)}</h3>
      <p class="st-muted" data-testid="last-saved">
        {stored ? `${t('lastSaved')}: ${formatWhen(stored.updatedAt, locale)}` : t('notSet')}
      </p>
      <div class="st-grid">
        <Field label={t('provider')} wide>
          <select
            class="st-input"
            name="provider"
            value={s.provider.value}
            onChange={(e) => model.choose(kind, (e.target as HTMLSelectElement).value)}
          >
            <option value="">{t('choose')}</option>
            {s.providers.value.map((p) => (
              <option key={p.code} value={p.code}>
                {labelOf(t, 'provider', p.code)}
              </option>
            ))}
          </select>
        </Field>
        {fields.filter((f) => !f.advanced).map(input)}
      </div>
      {fields.some((f) => f.advanced) ? (
        <details class="st-more">
          <summary>{t('more')}</summary>
          <div class="st-grid">{fields.filter((f) => f.advanced).map(input)}</div>
        </details>
      ) : null}
      {s.provider.value ? (
        <div class="st-actions st-provider__actions">
          <button type="submit" class="st-button" disabled={busy !== null}>
            {busy === 'saving' ? t('saving') : t('save')}
          </button>
          <button type="button" class="st-button st-button--light" disabled={busy !== null} onClick={() => void model.testConnection(kind)}>
            {busy === 'testing' ? t('testing') : t('test')}
          </button>
          {s.saved.value ? (
            <span class="st-ok" role="status">
              {t('saved')}
            </span>
          ) : null}
        </div>
      ) : null}
      {s.test.value ? (
        <p class={s.test.value.ok ? 'st-ok' : 'st-error'} role="status" data-testid="test-result" data-ok={s.test.value.ok ? 'yes' : 'no'}>
          {t(testHeadline(s.test.value))} <small class="st-muted">{s.test.value.message}</small>
        </p>
      ) : null}
      {s.problem.value ? (
        <p class="st-error" role="alert" data-testid="provider-problem">
          {t(problemKey(s.problem.value.key))} <small class="st-muted">{s.problem.value.detail}</small>
        </p>
      ) : null}
    </form>
  );
}

function FieldInput({
  kind,
  field: f,
  model,
  t,
  kept,
  unreadable,
}: {
  kind: ProviderKind;
  field: FormField;
  model: ProvidersModel;
  t: ProvidersTranslate;
  kept: boolean;
  /** Stored, but its ciphertext no longer opens: marked until the admin types it again. */
  unreadable: boolean;
}) {
  const s = model.sections[kind];
  const error = s.errors.value[f.name];
  const value = s.values.value[f.name] ?? '';
  const set = (e: Event) => model.setValue(kind, f.name, (e.target as HTMLInputElement | HTMLSelectElement).value);
  const hint = f.kind === 'secret' ? (kept ? t('kept') : t('secretNew')) : undefined;
  return (
    <Field
      label={labelOf(t, 'f', f.name)}
      error={error ? t(fieldErrorKey(error)) : unreadable ? t('secretUnreadable') : undefined}
      hint={hint}
      wide={f.kind !== 'integer'}
    >
      {f.kind === 'choice' ? (
        <select class="st-input" name={f.name} value={value} onChange={set}>
          {f.choices.map((c) => (
            <option key={c} value={c}>
              {labelOf(t, 'choice', c)}
            </option>
          ))}
        </select>
      ) : f.kind === 'secret' ? (
        <input
          class="st-input"
          name={f.name}
          type="password"
          autoComplete="new-password"
          placeholder={kept ? '••••••••' : undefined}
          value={value}
          onInput={set}
        />
      ) : (
        <input
          class={f.kind === 'integer' ? 'st-input st-input--number' : 'st-input'}
          name={f.name}
          type="text"
          inputMode={f.kind === 'integer' ? 'numeric' : 'text'}
          autoComplete="off"
          value={value}
          onInput={set}
        />
      )}
    </Field>
  );
}

function formatWhen(iso: string, locale: string): string {
  const d = new Date(iso);
  // Four-digit years: es-MX's short style would write 03/12/26.
  const f = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}
