// The app page's reminder settings: the portal's rules (offsets, channels, time zone, the contact law and
// its quiet hours or holidays), the failed reminders, then each product's card (reminder-product-card.tsx).
import type { Lang } from '../i18n.js';
import { reminderErrorKey, remindersProblemKey, type RemindersTranslate } from '../reminders-i18n.js';
import type { FieldError, PortalForm } from '../reminders-form.js';
import type { RemindersModel } from '../reminders-model.js';
import { Field } from './field.js';
import { FailedReminders } from './failed-reminders.js';
import { ProductCard } from './reminder-product-card.js';

interface Props {
  model: RemindersModel;
  t: RemindersTranslate;
  lang: Lang;
  /** Product names by id (the product list above). */
  names: ReadonlyMap<string, string>;
}

/** Time zones our users' clients live in, offered first; any IANA zone may be typed. */
const ZONES = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Kamchatka',
  'America/Mexico_City',
  'America/Monterrey',
  'America/Merida',
  'America/Cancun',
  'America/Chihuahua',
  'America/Hermosillo',
  'America/Mazatlan',
  'America/Tijuana',
];

/** The portal's reminder settings and, per product, its own rules; each refusal beside its field. */
export function ReminderSettings({ model, t, lang, names }: Props) {
  const f = model.form.value;
  const errors = model.errors.value;
  const busy = model.busy.value;
  const disabled = model.loading.value;
  const problem = model.problem.value;
  const err = (e: FieldError | undefined) => (e ? t(reminderErrorKey(e)).replace('{day}', model.badDay.value ?? '') : undefined);
  const text = (key: 'offsets' | 'quietFrom' | 'quietTo', label: string, error: FieldError | undefined, hint?: string, short = false) => (
    <Field label={label} error={err(error)} hint={hint} wide={!short}>
      <input
        class={short ? 'st-input st-input--short' : 'st-input'}
        name={key}
        inputMode={short ? 'numeric' : 'text'}
        disabled={disabled}
        value={f[key]}
        onInput={(e) => model.set(key, (e.target as HTMLInputElement).value)}
      />
    </Field>
  );
  const check = (key: 'clientSms' | 'employee') => (
    <label class="st-check">
      <input type="checkbox" name={key} disabled={disabled} checked={f[key]} onChange={(e) => model.set(key, e.currentTarget.checked)} />{' '}
      {t(key)}
    </label>
  );
  return (
    <section class="st-reminders" data-testid="reminders" data-ready={disabled ? 'no' : 'yes'}>
      <h2 class="st-h2">{t('title')}</h2>
      <form
        class="st-card st-provider"
        aria-busy={busy ? 'true' : 'false'}
        data-testid="reminders-portal"
        onSubmit={(e) => {
          e.preventDefault();
          void model.save();
        }}
      >
        <p class="st-muted">{t('intro')}</p>
        {!disabled && !model.stored.value ? (
          <p class="st-note" role="status" data-testid="reminders-off">
            {t('off')}
          </p>
        ) : null}
        <h3 class="st-h3">{t('portal')}</h3>
        <div class="st-grid">
          {text('offsets', t('offsets'), errors.offsets, t('offsetsHint'))}
          <Field label={t('timeZone')} error={err(errors.timeZone)} wide>
            <input
              class="st-input"
              name="timeZone"
              list="st-reminder-zones"
              autoComplete="off"
              disabled={disabled}
              value={f.timeZone}
              onInput={(e) => model.set('timeZone', (e.target as HTMLInputElement).value)}
            />
            <datalist id="st-reminder-zones">
              {ZONES.map((z) => (
                <option value={z} key={z} />
              ))}
            </datalist>
          </Field>
        </div>
        <div class="st-grid st-reminders__channels">
          {check('clientSms')}
          {check('employee')}
          {errors.channels ? (
            <span class="st-field__error" role="alert">
              {err(errors.channels)}
            </span>
          ) : null}
        </div>
        <div class="st-grid">
          <Field label={t('law')} wide>
            <select
              class="st-input"
              name="law"
              disabled={disabled}
              value={f.law}
              onChange={(e) => model.set('law', (e.target as HTMLSelectElement).value as PortalForm['law'])}
            >
              <option value="RU">{t('law.RU')}</option>
              <option value="MX">{t('law.MX')}</option>
            </select>
          </Field>
        </div>
        {f.law === 'MX' ? (
          <div class="st-grid" data-testid="quiet-hours">
            {text('quietFrom', t('quietFrom'), errors.quietFrom, undefined, true)}
            {text('quietTo', t('quietTo'), errors.quietTo, undefined, true)}
            <span
              class={errors.quietHours ? 'st-field__error st-reminders__law' : 'st-field__hint st-reminders__law'}
              role={errors.quietHours ? 'alert' : undefined}
            >
              {errors.quietHours ? err(errors.quietHours) : t('quietHint')}
            </span>
          </div>
        ) : (
          <div class="st-grid" data-testid="holidays">
            <Field label={t('holidays')} error={err(errors.holidays)} hint={t('holidaysHint')}>
              <textarea
                class="st-input st-reminders__days"
                name="holidays"
                rows={6}
                disabled={disabled}
                value={f.holidays}
                onInput={(e) => model.set('holidays', (e.target as HTMLTextAreaElement).value)}
              />
            </Field>
            <button type="button" class="st-button st-button--light st-check" disabled={disabled} onClick={() => model.resetHolidays()}>
              {t('holidaysReset')}
            </button>
          </div>
        )}
        <div class="st-actions st-provider__actions">
          <button type="submit" class="st-button" disabled={busy || disabled}>
            {busy ? t('saving') : t('save')}
          </button>
          {model.saved.value ? (
            <span class="st-ok" role="status" data-testid="reminders-saved">
              {t('saved')}
            </span>
          ) : null}
        </div>
        {problem ? (
          <p class="st-error" role="alert" data-testid="reminders-problem" title={problem.detail}>
            {t(remindersProblemKey(problem.key))}
          </p>
        ) : null}
      </form>
      <FailedReminders model={model} t={t} />
      {model.products.value.length > 0 ? (
        <>
          <h3 class="st-h3">{t('products')}</h3>
          <p class="st-muted">{model.stored.value ? t('productsIntro') : `${t('productsIntro')} ${t('productsOff')}`}</p>
          {model.products.value.map((p) => (
            <ProductCard key={p.productId} p={p} name={names.get(p.productId) ?? p.productId} model={model} t={t} lang={lang} />
          ))}
        </>
      ) : null}
    </section>
  );
}
