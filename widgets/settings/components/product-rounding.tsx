import { choiceLabel, type Translate } from '../i18n.js';
import type { SettingsModel } from '../model.js';
import type { ProductDraft } from '../product.js';
import { Field } from './field.js';

interface Props {
  draft: ProductDraft;
  model: SettingsModel;
  t: Translate;
  err: (k: string) => string | undefined;
}

const MODES = ['fixed-payment', 'resolved', 'fineract'] as const;

/**
 * The product's schedule rounding (issue 13 item 7): installments "in multiples of" (Fineract's
 * installmentAmountInMultiplesOf) and an annuity's level-payment rule. Empty = each loan chooses on the
 * loan tab; set = the product's loans have it (the server checks). Each shows only where lending applies
 * it — no step on a single payment, no level-payment rule off an annuity.
 */
export function ProductRounding({ draft: d, model, t, err }: Props) {
  return (
    <>
      {d.method === 'single-payment' ? null : (
        <Field label={t('installmentStep')} error={err('installmentStep')}>
          <input
            class="st-input st-input--step"
            name="installmentStep"
            inputMode="decimal"
            placeholder={t('installmentStepLoan')}
            value={d.installmentStep}
            aria-invalid={err('installmentStep') ? 'true' : undefined}
            onInput={(e) => model.update({ installmentStep: e.currentTarget.value })}
          />
        </Field>
      )}
      {d.method === 'annuity' ? (
        <Field label={t('annuityMode')} error={err('annuityMode')}>
          <select
            class="st-input"
            name="annuityMode"
            // The methods' source (Apache Fineract) for whoever checks them, kept out of the labels a credit manager reads.
            title={t('annuityModeSource')}
            value={d.annuityMode}
            onChange={(e) => model.update({ annuityMode: e.currentTarget.value as ProductDraft['annuityMode'] })}
          >
            <option value="">{t('annuityModeLoan')}</option>
            {MODES.map((m) => (
              <option key={m} value={m}>
                {choiceLabel(t, 'annuityMode', m)}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
    </>
  );
}
