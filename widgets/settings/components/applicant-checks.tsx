import { LOCALE_OF } from '../../shared/locale.js';
import { checksFieldErrorKey, checksProblemKey, type ChecksKey, type ChecksTranslate } from '../checks-i18n.js';
import type { ChecksModel, HttpForm } from '../checks-model.js';
import type { Lang } from '../i18n.js';
import { Field } from './field.js';

interface Props {
  model: ChecksModel;
  t: ChecksTranslate;
  lang: Lang;
}

const TIMEOUTS = [1, 2, 3, 5, 10, 15, 20, 30];

/** The "Check the applicant" robot's settings: country, blacklist (file, counts, remove one), bureau over HTTP, a try. */
export function ApplicantChecks({ model, t, lang }: Props) {
  const busy = model.busy.value;
  const f = model.form.value;
  const problem = model.problem.value;
  const n = (x: number) => new Intl.NumberFormat(LOCALE_OF[lang]).format(x);
  const errorOf = (field: string) => {
    const key = model.fieldError.value === field ? checksFieldErrorKey(field) : null;
    return key ? t(key) : undefined;
  };
  const text = (key: keyof HttpForm & ChecksKey, wire: string = key, placeholder?: string) => (
    <Field label={t(key)} error={errorOf(wire)} wide={key === 'urlTemplate'}>
      <input
        class="st-input"
        name={`check-${key}`}
        value={String(f[key])}
        placeholder={placeholder}
        onInput={(e) => model.setForm(key, e.currentTarget.value as never)}
      />
    </Field>
  );
  const outcome = model.importOutcome.value;
  const result = model.tryResult.value;
  return (
    <section class="st-checks" data-testid="applicant-checks" data-ready={model.loading.value ? 'no' : 'yes'}>
      <h2 class="st-h2">{t('title')}</h2>
      <div class="st-card">
        <p class="st-muted">{t('intro')}</p>
        <div class="st-grid">
          <Field label={t('country')}>
            <select
              class="st-input"
              name="check-country"
              value={model.country.value ?? ''}
              onChange={(e) => model.setCountry((e.currentTarget.value || null) as 'RU' | 'MX' | null)}
            >
              <option value="">{t('country.none')}</option>
              <option value="RU">{t('country.RU')}</option>
              <option value="MX">{t('country.MX')}</option>
            </select>
          </Field>
        </div>

        <h3 class="st-h3">{t('blacklist')}</h3>
        <p data-testid="blacklist-counts">
          {t('counts', { phone: n(model.counts.value.phone), document: n(model.counts.value.document) })}
        </p>
        <Field label={t('blacklistFile')} hint={t('blacklistHint')} wide>
          <input
            class="st-input"
            type="file"
            name="blacklistFile"
            accept=".csv,text/csv"
            disabled={busy !== null}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void file.arrayBuffer().then((b) => model.importFile(file.name, new Uint8Array(b)));
              e.currentTarget.value = '';
            }}
          />
        </Field>
        {busy === 'importing' ? (
          <p class="st-muted" role="status">
            {t('importing')}
          </p>
        ) : null}
        {outcome?.kind === 'added' ? (
          <p class="st-ok" role="status" data-testid="blacklist-added">
            {t('added', { added: n(outcome.added), already: n(outcome.already) })}
          </p>
        ) : null}
        {outcome?.kind === 'refused' ? (
          <div role="alert" data-testid="blacklist-refused">
            <p class="st-error">{outcome.headerMissing ? t('headerMissing') : t('refused')}</p>
            {outcome.issues.length > 0 ? (
              <div class="st-scroll">
                <table class="st-table">
                  <thead>
                    <tr>
                      <th>{t('line')}</th>
                      <th>{t('column')}</th>
                      <th>{t('problemCol')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {outcome.issues.map((i) => (
                      <tr key={`${i.line}:${i.code}`}>
                        <td>{i.line}</td>
                        <td>{i.column}</td>
                        <td>{t(`issue.${i.code}` as ChecksKey)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </div>
        ) : null}
        <form
          class="st-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void model.remove();
          }}
        >
          <Field label={t('kind')}>
            <select
              class="st-input"
              name="remove-kind"
              value={model.removeKind.value}
              onChange={(e) => (model.removeKind.value = e.currentTarget.value as 'phone' | 'document')}
            >
              <option value="phone">{t('kind.phone')}</option>
              <option value="document">{t('kind.document')}</option>
            </select>
          </Field>
          <Field label={t('removeTitle')}>
            <input
              class="st-input"
              name="remove-value"
              autoComplete="off"
              value={model.removeValue.value}
              onInput={(e) => (model.removeValue.value = e.currentTarget.value)}
            />
          </Field>
          <div class="st-actions">
            <button type="submit" class="st-button st-button--light" disabled={busy !== null || !model.removeValue.value.trim()}>
              {t('remove')}
            </button>
            {model.removed.value ? (
              <span class={model.removed.value === 'yes' ? 'st-ok' : 'st-error'} role="status" data-testid="blacklist-removed">
                {' '}
                {t(`removed.${model.removed.value}`)}
              </span>
            ) : null}
          </div>
        </form>

        <h3 class="st-h3">{t('bureau')}</h3>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void model.save();
          }}
        >
          <label class="st-check">
            <input
              type="checkbox"
              name="check-enabled"
              checked={f.enabled}
              onChange={(e) => model.setForm('enabled', e.currentTarget.checked)}
            />{' '}
            {t('enabled')}
          </label>
          {f.enabled ? (
            <div class="st-grid">
              <Field label={t('urlTemplate')} error={errorOf('urlTemplate')} hint={t('urlHint')} wide>
                <input
                  class="st-input"
                  name="check-urlTemplate"
                  inputMode="url"
                  placeholder="https://api.bureau.example/v1/check?phone={phone}"
                  value={f.urlTemplate}
                  onInput={(e) => model.setForm('urlTemplate', e.currentTarget.value)}
                />
              </Field>
              <Field label={t('method')}>
                <select
                  class="st-input"
                  name="check-method"
                  value={f.method}
                  onChange={(e) => model.setForm('method', e.currentTarget.value as 'GET' | 'POST')}
                >
                  <option value="GET">GET</option>
                  <option value="POST">POST</option>
                </select>
              </Field>
              <Field
                label={t('authHeader')}
                error={errorOf('authHeader')}
                hint={model.authStored.value === 'set' && !model.removeAuth.value ? t('authSet') : undefined}
              >
                <input
                  class="st-input"
                  name="check-authHeader"
                  type="password"
                  autoComplete="off"
                  placeholder={t('authPlaceholder')}
                  value={f.authHeader}
                  disabled={model.removeAuth.value}
                  onInput={(e) => model.setForm('authHeader', e.currentTarget.value)}
                />
              </Field>
              {model.authStored.value === 'set' ? (
                <label class="st-check">
                  <input
                    type="checkbox"
                    name="check-removeAuth"
                    checked={model.removeAuth.value}
                    onChange={(e) => (model.removeAuth.value = e.currentTarget.checked)}
                  />{' '}
                  {t('removeAuth')}
                </label>
              ) : null}
              {text('verdictPath', 'verdictPath', 'result.status')}
              {text('rejectValues', 'rejectValues', 'reject, blacklisted')}
              {text('reasonPath', 'reasonPath', 'result.reason')}
              <Field label={t('timeout')} error={errorOf('timeoutMs')}>
                <select
                  class="st-input"
                  name="check-timeout"
                  value={String(f.timeoutSec)}
                  onChange={(e) => model.setForm('timeoutSec', Number(e.currentTarget.value))}
                >
                  {TIMEOUTS.map((s) => (
                    <option key={s} value={String(s)}>
                      {t('seconds', { n: s })}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
          ) : null}
          <div class="st-actions">
            <button type="submit" class="st-button" name="check-save" disabled={busy !== null || model.loading.value}>
              {busy === 'saving' ? t('saving') : t('save')}
            </button>
            {model.saved.value ? (
              <span class="st-ok" role="status">
                {' '}
                {t('saved')}
              </span>
            ) : null}
          </div>
        </form>

        <h3 class="st-h3">{t('tryTitle')}</h3>
        <form
          class="st-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void model.tryNow();
          }}
        >
          <Field label={t('tryPhone')}>
            <input
              class="st-input"
              name="try-phone"
              type="tel"
              autoComplete="off"
              value={model.tryPhone.value}
              onInput={(e) => (model.tryPhone.value = e.currentTarget.value)}
            />
          </Field>
          <Field label={t('tryDocument')}>
            <input
              class="st-input"
              name="try-document"
              autoComplete="off"
              value={model.tryDocument.value}
              onInput={(e) => (model.tryDocument.value = e.currentTarget.value)}
            />
          </Field>
          <div class="st-actions">
            <button type="submit" class="st-button st-button--light" name="try-now" disabled={busy !== null}>
              {busy === 'trying' ? t('trying') : t('tryNow')}
            </button>
          </div>
        </form>
        {result ? (
          <div data-testid="check-result" data-verdict={result.verdict}>
            <p class={result.verdict === 'pass' ? 'st-ok' : 'st-error'} role="status">
              <strong>{t(`verdict.${result.verdict}`)}</strong>
            </p>
            <ul class="st-list">
              {result.findings.map((x) => (
                <li key={x.subject}>
                  {t(`subject.${x.subject}`)}: {t(`outcome.${x.outcome}`)}
                  {x.reason && x.outcome !== 'skipped' ? ` — ${x.reason}` : ''}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {problem ? (
          <p class="st-error" role="alert" data-testid="checks-problem" title={problem.detail}>
            {t(checksProblemKey(problem.key))}
          </p>
        ) : null}
      </div>
    </section>
  );
}
