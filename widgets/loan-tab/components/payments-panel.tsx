import { useState } from 'preact/hooks';
import type { Formatters } from '../format.js';
import { errorText, type Translate } from '../i18n.js';
import type { Servicing } from '../lending-types.js';
import type { LoanModel } from '../model.js';
import { Field } from './field.js';
import { PaymentHistory } from './payment-history.js';

interface Props {
  model: LoanModel;
  servicing: Servicing | null;
  t: Translate;
  fmt: Formatters;
}

/** Where the loan stands on the chosen date, the payments so far, and a new payment (not on a closed loan). */
export function PaymentsPanel({ model, servicing, t, fmt }: Props) {
  const [date, setDate] = useState(model.asOf.value);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState('cash');
  const [reference, setReference] = useState('');
  const payErr = model.paymentError.value;
  return (
    <section class="lt-section">
      <h3 class="lt-h3">{t('payments')}</h3>
      <div class="lt-form">
        <Field label={t('asOf')}>
          <input
            class="lt-input"
            type="date"
            name="asOf"
            value={model.asOf.value}
            onInput={(e) => (model.asOf.value = e.currentTarget.value)}
          />
        </Field>
        <Field label={t('penaltyRate')}>
          <input
            class="lt-input"
            name="penaltyRate"
            inputMode="decimal"
            value={model.penaltyDailyPercent.value}
            onInput={(e) => (model.penaltyDailyPercent.value = e.currentTarget.value)}
          />
        </Field>
      </div>
      {servicing ? (
        <div class="lt-summary" data-testid="servicing">
          <div class="lt-kpi">
            <span class="lt-kpi__label">{t('daysPastDue')}</span>
            <span class="lt-kpi__value">{servicing.daysPastDue}</span>
          </div>
          <div class="lt-kpi">
            <span class="lt-kpi__label">{t('penalty')}</span>
            <span class="lt-kpi__value">{fmt.money(servicing.penaltyOutstanding)}</span>
          </div>
          <div class="lt-kpi">
            <span class="lt-kpi__label">{t('toBeCurrent')}</span>
            <span class="lt-kpi__value" data-testid="to-be-current">
              {fmt.money(servicing.toBeCurrent)}
            </span>
          </div>
          <div class="lt-kpi">
            <span class="lt-kpi__label">{t('payoff')}</span>
            <span class="lt-kpi__value" data-testid="payoff">
              {fmt.money(servicing.payoff)}
            </span>
          </div>
        </div>
      ) : null}
      <PaymentHistory model={model} servicing={servicing} t={t} fmt={fmt} />
      {model.closed.value ? null : (
        <form
          class="lt-form"
          onSubmit={(e) => {
            e.preventDefault();
            void model.addPayment(date, amount, method, reference.trim()).then(() => {
              setAmount('');
              setReference('');
            });
          }}
        >
          <Field label={t('paymentDate')}>
            <input class="lt-input" type="date" name="paymentDate" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
          </Field>
          <Field label={t('paymentAmount')} error={payErr ? errorText(t, payErr.code) : undefined}>
            <input
              class="lt-input"
              name="paymentAmount"
              inputMode="decimal"
              value={amount}
              onInput={(e) => setAmount(e.currentTarget.value)}
            />
          </Field>
          <Field label={t('paymentMethod')}>
            <select class="lt-input" name="paymentMethod" value={method} onChange={(e) => setMethod(e.currentTarget.value)}>
              <option value="cash">{t('method.cash')}</option>
              <option value="transfer">{t('method.transfer')}</option>
              <option value="card">{t('method.card')}</option>
            </select>
          </Field>
          <Field label={t('paymentReference')}>
            <input
              class="lt-input"
              name="paymentReference"
              maxLength={200}
              value={reference}
              onInput={(e) => setReference(e.currentTarget.value)}
            />
          </Field>
          <button class="lt-button lt-button--light" type="submit">
            {t('addPayment')}
          </button>
        </form>
      )}
    </section>
  );
}
