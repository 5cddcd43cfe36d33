import type { Translate } from '../i18n.js';
import type { LateFeeInput } from '../lending-types.js';
import type { LoanModel } from '../model.js';
import { typedFromDecimal } from '../typed-numbers.js';
import { Field } from './field.js';

interface Props {
  model: LoanModel;
  t: Translate;
  error: string | undefined;
}

/**
 * The loan's late fees as they will be charged (issue 13 item 7): set by the product, so shown, not
 * edited — a loan of a product carries its late fees (server/loans/operations/late-fee-check.ts). When
 * the product allows it, the manager may waive them on this loan, all or nothing.
 */
export function LateFeesField({ model, t, error }: Props) {
  const fees = model.lateFees.value;
  const waivable = model.lateFeesWaivable.value;
  if (fees.length === 0 && !waivable) return null;
  const num = (d: string) => typedFromDecimal(d, model.locale);
  const describe = (f: LateFeeInput): string => {
    const what =
      f.amount !== undefined
        ? `${num(f.amount)} ${model.currency}${f.vatPercent && f.vatPercent !== '0' ? ` + ${t('lateFeeVat')} ${num(f.vatPercent)} %` : ''}`
        : `${num(f.percent ?? '0')} % ${t(f.base === 'principal+interest' ? 'lateFeeOfPrincipalInterest' : 'lateFeeOfPrincipal')}`;
    return f.graceDays ? `${what} · ${t('lateFeeGraceDays')}: ${f.graceDays}` : what;
  };
  return (
    <Field label={t('lateFees')} error={error}>
      <span class="lt-inline lt-inline--wrap" data-testid="late-fees">
        <span class="lt-static">{fees.length === 0 ? t('lateFeesWaived') : fees.map(describe).join('; ')}</span>
        {waivable ? (
          <label class="lt-check">
            <input
              type="checkbox"
              name="waiveLateFees"
              checked={fees.length === 0}
              disabled={model.closed.value}
              onChange={(e) => model.waiveLateFees(e.currentTarget.checked)}
            />
            {t('lateFeesWaive')}
          </label>
        ) : null}
      </span>
    </Field>
  );
}
