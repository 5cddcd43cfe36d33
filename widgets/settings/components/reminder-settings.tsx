import type { Lang } from '../i18n.js';
import { reminderErrorKey, remindersProblemKey, type RemindersTranslate } from '../reminders-i18n.js';
import type { FieldError, PortalForm, RuleForm } from '../reminders-form.js';
import type { ProductRulesState, RemindersModel } from '../reminders-model.js';
import { Field } from './field.js';
import { FailedReminders } from './failed-reminders.js';

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

/** One product's rules: the portal's, or its own rows (when, SMS template, employee). */
function ProductCard({
  p,
  name,
  model,
  t,
  lang,
}: {
  p: ProductRulesState;
  name: string;
  model: RemindersModel;
  t: RemindersTranslate;
  lang: Lang;
}) {
  const templates = model.templates.value;
  const err = (e: FieldError | undefined) => (e ? t(reminderErrorKey(e)) : undefined);
  const row = (r: RuleForm, i: number) => {
    const e = p.errors[i] ?? {};
    return (
      <div class="st-fee st-rule" key={i} data-testid={`rule-${i}`}>
        <Field label={t('when')} error={err(e.days)}>
          <span class="st-rule__when">
            {r.when !== 'due' ? (
              <input
                class="st-input st-input--tiny"
                name={`rule-${i}-days`}
                inputMode="numeric"
                aria-label={t('days')}
                value={r.days}
                onInput={(ev) => model.setRule(p.productId, i, { days: (ev.target as HTMLInputElement).value })}
              />
            ) : null}
            <select
              class="st-input"
              name={`rule-${i}-when`}
              value={r.when}
              onChange={(ev) => model.setRule(p.productId, i, { when: (ev.target as HTMLSelectElement).value as RuleForm['when'] })}
            >
              {(['before', 'due', 'after'] as const).map((w) => (
                <option value={w} key={w}>
                  {t(`when.${w}`)}
                </option>
              ))}
            </select>
          </span>
        </Field>
        <Field label={t('sms')} error={err(e.smsTemplate)}>
          <select
            class="st-input"
            name={`rule-${i}-sms`}
            value={r.smsTemplate}
            onChange={(ev) => model.setRule(p.productId, i, { smsTemplate: (ev.target as HTMLSelectElement).value })}
          >
            <option value="">{t('sms.none')}</option>
            {templates.map((tp) => (
              <option value={tp.id} key={tp.id}>
                {/* A template written in one language only (ru translit) keeps its own title. */}
                {tp.titles[lang] ?? tp.titles.en ?? Object.values(tp.titles)[0] ?? tp.id}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('toEmployee')} error={err(e.rule)}>
          <select
            class="st-input"
            name={`rule-${i}-employee`}
            value={r.employee}
            onChange={(ev) => model.setRule(p.productId, i, { employee: (ev.target as HTMLSelectElement).value as RuleForm['employee'] })}
          >
            <option value="">{t('employee.none')}</option>
            <option value="notify">{t('employee.notify')}</option>
            <option value="todo">{t('employee.todo')}</option>
          </select>
        </Field>
        <button type="button" class="st-link st-rule__remove" onClick={() => model.removeRule(p.productId, i)}>
          {t('remove')}
        </button>
      </div>
    );
  };
  return (
    <form
      class="st-card st-provider"
      data-testid={`reminder-product-${p.productId}`}
      aria-busy={p.busy ? 'true' : 'false'}
      onSubmit={(ev) => {
        ev.preventDefault();
        void model.saveProduct(p.productId);
      }}
    >
      <h4 class="st-h3">{name}</h4>
      {(['portal', 'own'] as const).map((m) => (
        <label class="st-mail__scheme" key={m}>
          <input
            type="radio"
            name={`mode-${p.productId}`}
            value={m}
            checked={p.own === (m === 'own')}
            onChange={() => model.setOwn(p.productId, m === 'own')}
          />{' '}
          {t(`mode.${m}`)}
        </label>
      ))}
      {p.own ? (
        <div class="st-rules">
          {p.rows.length === 0 ? <p class="st-muted">{t('noRules')}</p> : p.rows.map(row)}
          <button type="button" class="st-button st-button--light" onClick={() => model.addRule(p.productId)}>
            {t('addRule')}
          </button>
        </div>
      ) : null}
      <div class="st-actions st-provider__actions">
        <button type="submit" class="st-button" disabled={p.busy}>
          {p.busy ? t('saving') : t('save')}
        </button>
        {p.saved ? (
          <span class="st-ok" role="status" data-testid="product-rules-saved">
            {t('saved')}
          </span>
        ) : null}
      </div>
      {p.problem ? (
        <p class="st-error" role="alert" title={p.problem.detail}>
          {t(remindersProblemKey(p.problem.key))}
        </p>
      ) : null}
    </form>
  );
}

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
