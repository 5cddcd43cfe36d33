import { useState } from 'preact/hooks';
import type { Formatters } from '../format.js';
import { errorText, type Translate } from '../i18n.js';
import type { LendingIssue, PrepaymentInput, Servicing } from '../lending-types.js';
import type { LoanModel } from '../model.js';
import type { Overpayment } from '../payment-safety.js';
import { Field } from './field.js';
import { PaymentHistory } from './payment-history.js';

type PrepaymentMode = PrepaymentInput['mode'];
/** The modes the payment route takes (wire/loans.ts prepaymentMode), in the order the form offers them. */
const MODES: readonly PrepaymentMode[] = ['reduce-term', 'reduce-installment', 'reschedule-next'];

interface Props {
  model: LoanModel;
  servicing: Servicing | null;
  /** Why servicing could not be computed (e.g. a what-if penalty above the profile's cap); null otherwise. */
  servicingIssue: LendingIssue | null;
  t: Translate;
  fmt: Formatters;
}

/** Where the loan stands on the chosen date, the payments so far, and a new payment (not on a closed loan). */
export function PaymentsPanel({ model, servicing, servicingIssue, t, fmt }: Props) {
  const [date, setDate] = useState(model.asOf.value);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState('cash');
  const [reference, setReference] = useState('');
  /** An ordinary payment, or a prepayment with its mode (sent as prepaymentMode). */
  const [kind, setKind] = useState<'ordinary' | 'prepayment'>('ordinary');
  const [mode, setMode] = useState<PrepaymentMode>('reduce-term');
  /** A payment beyond the payoff, waiting for the user's yes. */
  const [over, setOver] = useState<Overpayment | null>(null);
  const payErr = model.paymentError.value;
  // The penalty field's own issue (does not read, over the cap, refused on save); others below the figures.
  const penaltyErr = model.penaltyIssue.value;
  const otherErr = servicingIssue && !servicingIssue.field.startsWith('penalty') ? servicingIssue : null;
  // A figure: "…" while recomputed, "—" when servicing failed (the reason is shown), never "…" forever.
  const fig = (f: (s: Servicing) => string): string | null => (servicing ? f(servicing) : servicingIssue ? '—' : null);
  const adding = model.adding.value;
  const paidOff = servicing !== null && model.payments.value.length > 0 && Number(servicing.outstanding) === 0;
  const credit = servicing !== null && Number(servicing.creditBalance) > 0 ? servicing.creditBalance : null;
  const book = (): void => {
    setOver(null);
    // What was typed stays until the payment is listed: a refused amount is corrected, not retyped.
    const prepaymentMode = kind === 'prepayment' ? mode : undefined;
    const sent = { amount, reference };
    void model.addPayment(date, amount, method, reference.trim(), prepaymentMode).then((listed) => {
      if (!listed) return;
      // Only what was booked is forgotten: a user who typed the next amount while this one was on its
      // way keeps it (the server's answer used to wipe it).
      setAmount((now) => (now === sent.amount ? '' : now));
      setReference((now) => (now === sent.reference ? '' : now));
    });
  };
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
        {/* The loan's own rate, saved with it (Save), checked against the profile's caps. */}
        <Field label={t('penaltyRate')} error={penaltyErr ? errorText(t, penaltyErr.code) : undefined}>
          <input
            class="lt-input"
            name="penaltyRate"
            inputMode="decimal"
            aria-invalid={penaltyErr ? 'true' : undefined}
            value={model.penaltyDailyPercent.value}
            onInput={(e) => model.setPenalty(e.currentTarget.value)}
          />
        </Field>
      </div>
      {/* Always there, "…" while servicing is recomputed after a change: a block that left and came
          back on every keystroke resized the portal's iframe twice per edit. */}
      <div class="lt-summary" data-testid="servicing" aria-busy={servicing === null && servicingIssue === null}>
        <Kpi label={t('loanStatus')} value={fig((s) => t(`loanStatus.${s.loanStatus}`))} testId="loan-status" />
        <Kpi label={t('daysPastDue')} value={fig((s) => String(s.daysPastDue))} testId="days-past-due" />
        <Kpi label={t('penalty')} value={fig((s) => fmt.money(s.penaltyOutstanding))} testId="penalty" />
        {/* Arrears apart from what falls due today, and the next installment's own amount, not the
            arrears added to it (loan-tab README "What the figures mean"). */}
        <Kpi label={t('pastDue')} value={fig((s) => fmt.money(s.pastDue))} testId="past-due" />
        <Kpi label={t('toBeCurrent')} value={fig((s) => fmt.money(s.toBeCurrent))} testId="to-be-current" />
        <Kpi
          label={t('nextPayment')}
          value={fig((s) => (s.nextPayment ? `${fmt.money(s.nextPayment.amount)} · ${fmt.date(s.nextPayment.dueDate)}` : '—'))}
          testId="next-payment"
        />
        <Kpi label={t('payoff')} value={fig((s) => fmt.money(s.payoff))} testId="payoff" />
        {credit ? <Kpi label={t('creditBalance')} value={fmt.money(credit)} testId="credit-balance" /> : null}
      </div>
      {otherErr ? (
        <p class="lt-error" role="alert" data-testid="servicing-issue">
          {errorText(t, otherErr.code)}
        </p>
      ) : null}
      {paidOff ? (
        <p class="lt-ok lt-paid-off" role="status" data-testid="paid-off">
          {t('paidOff')}
        </p>
      ) : null}
      <PaymentHistory model={model} servicing={servicing} t={t} fmt={fmt} />
      {model.closed.value ? null : (
        <form
          class="lt-form"
          aria-busy={adding}
          onSubmit={(e) => {
            e.preventDefault();
            if (adding) return;
            // Beyond the payoff the loan closes and the rest is the client's credit: ask first. A
            // prepayment cannot go beyond it: the server refuses it (PREPAYMENT_OVER_PAYOFF) beside the amount.
            const o = kind === 'prepayment' ? null : model.overpayment(date, amount);
            if (o) setOver(o);
            else book();
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
          <fieldset class="lt-choice" data-testid="payment-kind">
            <legend class="lt-field__label">{t('paymentKind')}</legend>
            {(['ordinary', 'prepayment'] as const).map((k) => (
              <label class="lt-choice__option" key={k}>
                <input type="radio" name="paymentKind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                {t(`paymentKind.${k}`)}
              </label>
            ))}
          </fieldset>
          {kind === 'prepayment' ? (
            <fieldset class="lt-choice" data-testid="prepayment-mode">
              <legend class="lt-field__label">{t('prepaymentMode')}</legend>
              {MODES.map((m) => (
                <label class="lt-choice__option" key={m}>
                  <input type="radio" name="prepaymentMode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                  <span>
                    {t(`prepaymentMode.${m}`)}
                    <span class="lt-choice__hint">{t(`prepaymentHint.${m}`)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          ) : null}
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
          <button class="lt-button lt-button--light" type="submit" disabled={adding || over !== null}>
            {adding ? t('adding') : t('addPayment')}
          </button>
          {over ? (
            <div class="lt-confirm" role="alertdialog" data-testid="overpayment-confirm">
              <p>{t('overpayTitle')}</p>
              <p>{`${t('payoffOnDate')}: ${fmt.money(over.payoff)} · ${t('creditBalance')}: ${fmt.money(over.credit)}`}</p>
              <div class="lt-actions">
                <button class="lt-button" type="button" onClick={book}>
                  {t('bookPayment')}
                </button>
                <button class="lt-button lt-button--light" type="button" onClick={() => setOver(null)}>
                  {t('cancel')}
                </button>
              </div>
            </div>
          ) : null}
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
