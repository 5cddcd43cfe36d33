import type { Translate } from '../i18n.js';
import { errorText } from '../i18n.js';
import type { LoanModel, LoanForm as Form } from '../model.js';

interface Props {
  model: LoanModel;
  t: Translate;
}

import { ConventionsFields } from './conventions-fields.js';
import { Field } from './field.js';
import { LateFeesField } from './late-fees-field.js';

export function LoanForm({ model, t }: Props) {
  const f = model.form.value;
  // A product fixes method and fees; the user only moves within its ranges.
  const fixed = model.product.value !== undefined;
  const s = model.schedule.value;
  // Installments after the disbursement day (a down payment is not one of the term's).
  const derivedTerm = s.ok ? s.value.rows.filter((r) => r.dueDate > f.disbursementDate).length : undefined;
  const err = (field: string): string | undefined => {
    const issue = model.issues.value.find((i) => i.field === field || i.field.startsWith(`${field}.`));
    return issue ? errorText(t, issue.code) + (issue.hint ? ` (${issue.hint})` : '') : undefined;
  };
  // The server's refusal of the loan's late fees (a product's changed meanwhile) stands beside them.
  const save = model.saveState.value;
  const lateFeesRefused = save.kind === 'failed' && save.field === 'lateFees' ? errorText(t, 'PRODUCT_LATE_FEES') : undefined;
  const text = (key: keyof Form, inputMode: 'decimal' | 'numeric' = 'decimal') => (
    <input
      class="lt-input"
      name={key}
      inputMode={inputMode}
      value={f[key] as string}
      onInput={(e) => model.setField(key, e.currentTarget.value as never)}
    />
  );
  const date = (key: 'disbursementDate' | 'firstDueDate') => (
    <input class="lt-input" type="date" name={key} value={f[key]} onInput={(e) => model.setField(key, e.currentTarget.value)} />
  );
  return (
    <div class="lt-form">
      {model.products.length > 0 ? (
        <Field label={t('product')}>
          <select class="lt-input" name="product" value={f.product} onChange={(e) => model.setField('product', e.currentTarget.value)}>
            <option value="">—</option>
            {model.products.map((p) => (
              <option key={p.code} value={p.code}>
                {p.title}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field label={`${t('amount')}, ${model.currency}`} error={err('principal')}>
        {text('amount')}
      </Field>
      <Field label={f.rateKind === 'annual' ? t('rate') : t('rateDaily')} error={err('rate')}>
        {text('rate')}
      </Field>
      <Field label={t('term')} error={err('installments')}>
        {/* A fixed payment derives the term: the count is the schedule's, not typed. */}
        {f.fixedPayment.trim() === '' ? (
          text('installments', 'numeric')
        ) : (
          <span class="lt-input lt-input--static" data-testid="derived-term">
            {derivedTerm ?? '—'}
          </span>
        )}
      </Field>
      <Field label={`${t('fixedPayment')}, ${model.currency}`} error={err('fixedPayment')}>
        {text('fixedPayment')}
      </Field>
      <Field label={t('downPayment')} error={err('downPayment')}>
        <span class="lt-inline">
          {text('downPayment')}
          {/* An amount in the currency or a percent of the amount (the core rounds it to the currency). */}
          <select
            class="lt-input lt-input--unit"
            name="downPaymentUnit"
            aria-label={t('downPaymentUnit')}
            value={f.downPaymentUnit}
            onChange={(e) => model.setField('downPaymentUnit', e.currentTarget.value as Form['downPaymentUnit'])}
          >
            <option value="amount">{model.currency}</option>
            <option value="percent">%</option>
          </select>
        </span>
      </Field>
      <Field label={t('frequency')} error={err('frequency')}>
        <span class="lt-inline">
          <input
            class="lt-input lt-input--short"
            name="every"
            inputMode="numeric"
            value={f.every}
            onInput={(e) => model.setField('every', e.currentTarget.value)}
          />
          <select
            class="lt-input"
            name="unit"
            value={f.unit}
            onChange={(e) => model.setField('unit', e.currentTarget.value as Form['unit'])}
          >
            <option value="month">{t('unit.month')}</option>
            <option value="week">{t('unit.week')}</option>
            <option value="day">{t('unit.day')}</option>
          </select>
        </span>
      </Field>
      <Field label={t('method')}>
        <select
          class="lt-input"
          name="method"
          value={f.method}
          onChange={(e) => model.setField('method', e.currentTarget.value as Form['method'])}
        >
          <option value="annuity">{t('method.annuity')}</option>
          <option value="equal-principal">{t('method.equal-principal')}</option>
          <option value="flat">{t('method.flat')}</option>
          <option value="single-payment">{t('method.single-payment')}</option>
          <option value="interest-free">{t('method.interest-free')}</option>
        </select>
      </Field>
      <ConventionsFields model={model} t={t} err={err} />
      <Field label={t('disbursementDate')} error={err('disbursementDate')}>
        {date('disbursementDate')}
      </Field>
      <Field label={t('firstDueDate')} error={err('firstDueDate')}>
        {date('firstDueDate')}
      </Field>
      {/* The fee field edits an opening fee; a saved loan's other fees are kept and counted in the conventions line. */}
      {fixed || !model.feeEditable.value ? null : (
        <Field label={t('fee')} error={err('fees')}>
          <span class="lt-inline">
            {text('feeAmount')}
            <label class="lt-check">
              <input type="checkbox" checked={f.feeWithheld} onChange={(e) => model.setField('feeWithheld', e.currentTarget.checked)} />
              {t('feeWithheld')}
            </label>
          </span>
        </Field>
      )}
      <LateFeesField model={model} t={t} error={lateFeesRefused} />
    </div>
  );
}
