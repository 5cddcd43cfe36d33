import { rateKindOf } from '../../../lending/rate-name.js';
import type { Translate } from '../i18n.js';
import { ANNUITY_MODES, stepApplies, type LoanForm, type LoanModel } from '../model.js';
import { typedFromDecimal } from '../typed-numbers.js';
import { Field } from './field.js';

interface Props {
  model: LoanModel;
  t: Translate;
  /** The field's error text, as the loan form words it. */
  err: (field: string) => string | undefined;
}

/**
 * The loan's schedule conventions (issue 13, item 7): installment rounding, the annuity's level-payment
 * rule and how CAT is timed. Each shows only where the core applies it — no step on a single payment, no
 * level-payment rule off an annuity, no CAT basis where the loan discloses ПСК or an APR — so the tab
 * never sends what lending would refuse. A product that fixes the CAT basis shows it, not editable.
 */
export function ConventionsFields({ model, t, err }: Props) {
  const f = model.form.value;
  const input = model.loanInput.value;
  const p = model.product.value;
  // What the product sets is shown, not editable (the server holds the loan to it, product-check.ts):
  // its value once it applies, the saved loan's while the loan keeps its own under it (terms-model.ts).
  const applied = model.appliedProduct.value !== undefined;
  const fixedBasis = p?.catBasis ? (applied ? p.catBasis : f.catBasis) : null;
  const fixedStep = p?.installmentStep ? (applied ? typedFromDecimal(p.installmentStep, model.locale) : f.installmentStep) : null;
  const fixedMode = p?.annuityMode ? (applied ? p.annuityMode : f.annuityMode) : null;
  // The core's default (lending/profiles.ts): the MX profile times CAT by periods (Banxico), else by dates.
  const defaultBasis = input.profile === 'MX' ? 'periods' : 'dates';
  const set = <K extends keyof LoanForm>(key: K, value: LoanForm[K]) => model.setField(key, value);
  return (
    <>
      {stepApplies(f.method) ? (
        <Field label={`${t('installmentStep')}, ${model.currency}`} error={err('rounding')}>
          <input
            class="lt-input"
            name="installmentStep"
            inputMode="decimal"
            placeholder={t('installmentStepNone')}
            disabled={fixedStep !== null}
            value={fixedStep ?? f.installmentStep}
            onInput={(e) => set('installmentStep', e.currentTarget.value)}
          />
        </Field>
      ) : null}
      {f.method === 'annuity' ? (
        <Field label={t('annuityMode')} error={err('annuityAdjustment') ?? err('annuity')}>
          <select
            class="lt-input"
            name="annuityMode"
            // The methods' source (Apache Fineract) for whoever checks them, kept out of the labels a credit manager reads.
            title={t('annuityModeSource')}
            disabled={fixedMode !== null}
            value={fixedMode ?? f.annuityMode}
            onChange={(e) => set('annuityMode', e.currentTarget.value as LoanForm['annuityMode'])}
          >
            {ANNUITY_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`annuityMode.${m}`)}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {rateKindOf({ currency: model.currency, profile: input.profile }) === 'cat' ? (
        <Field label={t('catBasis')} error={err('catBasis')}>
          <select
            class="lt-input"
            name="catBasis"
            disabled={fixedBasis !== null}
            value={fixedBasis ?? f.catBasis}
            onChange={(e) => set('catBasis', e.currentTarget.value as LoanForm['catBasis'])}
          >
            <option value="">{`${t('catBasis.default')}: ${t(`catBasis.${defaultBasis}`)}`}</option>
            <option value="periods">{t('catBasis.periods')}</option>
            <option value="dates">{t('catBasis.dates')}</option>
          </select>
        </Field>
      ) : null}
    </>
  );
}
