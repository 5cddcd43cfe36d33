import { COMMON_CURRENCIES, DAY_COUNTS, METHODS, PROFILE_IDS } from '../catalog.js';
import { choiceLabel, errorText, type Translate } from '../i18n.js';
import type { SettingsModel } from '../model.js';
import type { ProductDraft } from '../product.js';
import { catBasisDefaultLabel } from '../cat-basis-label.js';
import { Field } from './field.js';
import { Fees, LateFees } from './product-fees.js';
import { ProductRounding } from './product-rounding.js';

interface FormProps {
  model: SettingsModel;
  t: Translate;
}

type TextKey =
  'id' | 'name' | 'rateMin' | 'rateMax' | 'termMin' | 'termMax' | 'amountMin' | 'amountMax' | 'currency' | 'delinquencyGraceDays';

const value = (e: { currentTarget: HTMLInputElement | HTMLSelectElement }): string => e.currentTarget.value;

/** Create or edit one product. Errors show under each field as it is edited, all of them on Save. */
export function ProductForm({ model, t }: FormProps) {
  const d = model.draft.value;
  if (!d) return null;
  const errs = model.errors.value;
  const err = (k: string): string | undefined => (errs[k] ? errorText(t, errs[k]) : undefined);
  const text = (k: TextKey, o: { inputMode?: 'decimal' | 'numeric'; disabled?: boolean; short?: boolean } = {}) => (
    <input
      class={o.short ? 'st-input st-input--short' : 'st-input'}
      name={k}
      value={d[k]}
      inputMode={o.inputMode}
      disabled={o.disabled}
      aria-invalid={errs[k] ? 'true' : undefined}
      onInput={(e) => model.update({ [k]: value(e) } as Partial<ProductDraft>)}
    />
  );
  const submit = (e: Event): void => {
    e.preventDefault();
    void model.save();
  };
  const hasErrors = Object.keys(errs).length > 0;
  return (
    <form class="st-card" data-testid="product-form" onSubmit={submit} noValidate>
      <h3 class="st-h3">{d.existing ? d.name || d.id : t('newProduct')}</h3>
      <div class="st-grid">
        <Field label={t('name')} error={err('name')} wide>
          {text('name')}
        </Field>
        <Field label={t('id')} error={err('id')} hint={d.existing ? undefined : t('idHint')}>
          {text('id', { disabled: d.existing })}
        </Field>
        <Field label={t('method')} error={err('method')}>
          <select class="st-input" name="method" value={d.method} onChange={(e) => model.update({ method: value(e) })}>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {choiceLabel(t, 'method', m)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('rateUnit')}>
          <select
            class="st-input"
            name="rateUnit"
            value={d.rateUnit}
            onChange={(e) => model.update({ rateUnit: value(e) === 'daily' ? 'daily' : 'annual' })}
          >
            <option value="annual">{t('rateUnit.annual')}</option>
            <option value="daily">{t('rateUnit.daily')}</option>
          </select>
        </Field>
        <Field label={t('rateMin')} error={err('rateMin')}>
          {text('rateMin', { inputMode: 'decimal', short: true })}
        </Field>
        <Field label={t('rateMax')} error={err('rateMax')}>
          {text('rateMax', { inputMode: 'decimal', short: true })}
        </Field>
        <Field label={t('termMin')} error={err('termMin')}>
          {text('termMin', { inputMode: 'numeric', short: true })}
        </Field>
        <Field label={t('termMax')} error={err('termMax')}>
          {text('termMax', { inputMode: 'numeric', short: true })}
        </Field>
        <Field label={t('amountMin')} error={err('amountMin')}>
          {text('amountMin', { inputMode: 'decimal' })}
        </Field>
        <Field label={t('amountMax')} error={err('amountMax')}>
          {text('amountMax', { inputMode: 'decimal' })}
        </Field>
        <Field label={t('currency')} error={err('currency')}>
          <input
            class="st-input st-input--currency"
            name="currency"
            list="st-currencies"
            placeholder={t('anyCurrency')}
            value={d.currency}
            maxLength={3}
            onInput={(e) => model.update({ currency: value(e).toUpperCase() })}
          />
          <datalist id="st-currencies">
            {COMMON_CURRENCIES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </Field>
        <Field label={t('dayCount')} error={err('dayCount')}>
          <select class="st-input" name="dayCount" value={d.dayCount} onChange={(e) => model.update({ dayCount: value(e) })}>
            {DAY_COUNTS.map((c) => (
              <option key={c} value={c}>
                {choiceLabel(t, 'dayCount', c)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('profile')} error={err('profile')}>
          <select class="st-input" name="profile" value={d.profile} onChange={(e) => model.update({ profile: value(e) })}>
            <option value="">{t('noProfile')}</option>
            {PROFILE_IDS.map((p) => (
              <option key={p} value={p}>
                {choiceLabel(t, 'profile', p)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('payoffInterest')}>
          <select
            class="st-input"
            name="payoffInterest"
            value={d.payoffInterest}
            onChange={(e) => model.update({ payoffInterest: value(e) as typeof d.payoffInterest })}
          >
            {(['pro-rata', 'whole-period'] as const).map((c) => (
              <option key={c} value={c}>
                {choiceLabel(t, 'payoffInterest', c)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('catBasis')}>
          <select
            class="st-input"
            name="catBasis"
            value={d.catBasis}
            onChange={(e) => model.update({ catBasis: value(e) as typeof d.catBasis })}
          >
            <option value="">{catBasisDefaultLabel(t, d.profile)}</option>
            {(['periods', 'dates'] as const).map((c) => (
              <option key={c} value={c}>
                {choiceLabel(t, 'catBasis', c)}
              </option>
            ))}
          </select>
        </Field>
        <ProductRounding draft={d} model={model} t={t} err={err} />
        <Field label={t('delinquencyGraceDays')} error={err('delinquencyGraceDays')} hint={t('delinquencyGraceDaysHint')}>
          {text('delinquencyGraceDays', { inputMode: 'numeric', short: true })}
        </Field>
        <label class="st-check">
          <input type="checkbox" name="active" checked={d.active} onChange={(e) => model.update({ active: e.currentTarget.checked })} />
          {t('active')}
        </label>
      </div>
      <Fees fees={d.fees} model={model} t={t} err={err} />
      <LateFees fees={d.lateFees} waivable={d.lateFeesWaivable} model={model} t={t} err={err} />
      <div class="st-actions">
        <button type="submit" class="st-button" disabled={model.saving.value}>
          {model.saving.value ? t('saving') : t('save')}
        </button>
        <button type="button" class="st-button st-button--light" onClick={() => model.cancel()}>
          {t('cancel')}
        </button>
        {hasErrors ? <span class="st-error">{t('fixErrors')}</span> : null}
      </div>
    </form>
  );
}
