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
      {/* Always there, "…" while servicing is recomputed after a change: a block that left and came
          back on every keystroke resized the portal's iframe twice per edit. */}
      <div class="lt-summary" data-testid="servicing" aria-busy={servicing === null}>
        <Kpi label={t('daysPastDue')} value={servicing ? String(servicing.daysPastDue) : null} />
        <Kpi label={t('penalty')} value={servicing ? fmt.money(servicing.penaltyOutstanding) : null} />
        <Kpi label={t('toBeCurrent')} value={servicing ? fmt.money(servicing.toBeCurrent) : null} testId="to-be-current" />
        <Kpi label={t('payoff')} value={servicing ? fmt.money(servicing.payoff) : null} testId="payoff" />
      </div>
      <PaymentHistory model={model} servicing={servicing} t={t} fmt={fmt} />
      {model.closed.value ? null : (
        <form
          class="lt-form"
          onSubmit={(e) => {
            e.preventDefault();
            // What was typed stays until the payment is listed: a refused amount is corrected, not retyped.
            void model.addPayment(date, amount, method, reference.trim()).then((listed) => {
              if (!listed) return;
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

/** One figure; null while it is being computed. */
function Kpi({ label, value, testId }: { label: string; value: string | null; testId?: string }) {
  return (
    <div class="lt-kpi">
      <span class="lt-kpi__label">{label}</span>
      <span class="lt-kpi__value" data-testid={testId}>
        {value ?? '…'}
      </span>
    </div>
  );
}
