import { checksFieldErrorKey, type ChecksKey, type ChecksTranslate } from '../checks-i18n.js';
import type { ChecksModel, HttpForm } from '../checks-model.js';
import { Field } from './field.js';

const TIMEOUTS = [1, 2, 3, 5, 10, 15, 20, 30];

/** The lender's bureau as an HTTP check: address, method, the write-only auth header, where the verdict is. */
export function ChecksBureau({ model, t }: { model: ChecksModel; t: ChecksTranslate }) {
  const busy = model.busy.value;
  const f = model.form.value;
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
  return (
    <>
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
              error={errorOf('authHeader') ?? (model.authStored.value === 'unreadable' ? t('authUnreadable') : undefined)}
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
    </>
  );
}
