import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { REVERSAL_REASONS, type ReversalReason } from '../api.js';
import type { Formatters } from '../format.js';
import type { Translate } from '../i18n.js';
import type { Allocation, Servicing } from '../lending-types.js';
import type { LoanModel } from '../model.js';
import { reversalErrorKey, type PaymentRecord } from '../payments-model.js';
import { reversalText } from '../reversal-reason.js';
import { Field } from './field.js';

interface Props {
  model: LoanModel;
  servicing: Servicing | null;
  t: Translate;
  fmt: Formatters;
}

const DASH = '—';

/**
 * Every payment that counts — also one after the chosen date, whose allocation is not known as of
 * it ("—") — with a Reverse action per row, and below them the payments already reversed.
 */
export function PaymentHistory({ model, servicing, t, fmt }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const canReverse = model.canReverse.value;
  const allocations = new Map((servicing?.allocations ?? []).map((a) => [a.paymentId, a]));
  // By value date; the ledger lists them in the order they were booked, a backdated one last.
  const payments = [...model.payments.value].sort((a, b) => a.date.localeCompare(b.date));
  // Every component a payment can go to has its column, so a row adds up to its amount (IVA/VAT only
  // on loans that carry it: MX).
  const base = model.baseSchedule.value;
  const vat = base.ok && base.value.rows.some((r) => r.vat !== undefined);
  const cols = 9 + (vat ? 1 : 0) + (canReverse ? 1 : 0);
  const close = (): void => {
    model.dismissReversalError();
    setConfirming(null);
  };
  return (
    <>
      {payments.length === 0 ? (
        <p class="lt-muted">{t('noPayments')}</p>
      ) : (
        <div class="lt-payments">
          <table class="lt-table lt-table--cards" data-testid="payments">
            <thead>
              <tr>
                <th>{t('paymentDate')}</th>
                <th class="lt-num">{t('paymentAmount')}</th>
                <th>{t('paymentMethod')}</th>
                <th>{t('paymentReference')}</th>
                <th class="lt-num">{t('interest')}</th>
                <th class="lt-num">{t('principal')}</th>
                <th class="lt-num">{t('fees')}</th>
                {vat ? <th class="lt-num">{t('vat')}</th> : null}
                <th class="lt-num">{t('penalty')}</th>
                <th class="lt-num">{t('inAdvance')}</th>
                {canReverse ? <th /> : null}
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => (
                <Fragment key={p.id}>
                  <PaymentRow payment={p} allocation={allocations.get(p.id)} pending={!servicing} vat={vat} t={t} fmt={fmt}>
                    {canReverse ? (
                      <td class="lt-num lt-cell--action">
                        {p.unconfirmed ? (
                          // Its answer never came: sending it again under the same id books it once.
                          <button
                            class="lt-button lt-button--light lt-button--row"
                            type="button"
                            name="retryPayment"
                            onClick={() => void model.retryPayment(p.id)}
                          >
                            {t('retry')}
                          </button>
                        ) : (
                          <button
                            class="lt-button lt-button--light lt-button--row"
                            type="button"
                            name="reverse"
                            disabled={confirming === p.id}
                            onClick={() => {
                              model.dismissReversalError();
                              setConfirming(p.id);
                            }}
                          >
                            {t('reverse')}
                          </button>
                        )}
                      </td>
                    ) : null}
                  </PaymentRow>
                  {canReverse && confirming === p.id ? (
                    <ReversalConfirm model={model} payment={p} cols={cols} t={t} fmt={fmt} onClose={close} />
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ReversedList model={model} t={t} fmt={fmt} />
    </>
  );
}

interface RowProps {
  payment: PaymentRecord;
  allocation: Allocation | undefined;
  /** Servicing is being recomputed: "…", not "—" (which says the payment has no allocation as of the date). */
  pending: boolean;
  vat: boolean;
  t: Translate;
  fmt: Formatters;
  children: ComponentChildren;
}

function PaymentRow({ payment: p, allocation: a, pending, vat, t, fmt, children }: RowProps) {
  const part = (v: string | undefined): string => (v !== undefined ? fmt.number(v) : pending ? '…' : DASH);
  return (
    <tr data-payment-id={p.id} title={a ? undefined : t('notAllocatedYet')}>
      <td data-label={t('paymentDate')} class={modeCell(p)}>
        {fmt.date(p.date)}
        {p.unconfirmed ? <span class="lt-badge lt-badge--partial lt-badge--after">{t('paymentUnconfirmed')}</span> : null}
        <ModeBadge payment={p} t={t} />
      </td>
      <td class="lt-num" data-label={t('paymentAmount')}>
        {fmt.number(p.amount)}
      </td>
      <td data-label={t('paymentMethod')}>{methodLabel(t, p.method)}</td>
      <td data-label={t('paymentReference')}>{p.reference || DASH}</td>
      <td class="lt-num" data-label={t('interest')}>
        {part(a?.interest)}
      </td>
      <td class="lt-num" data-label={t('principal')}>
        {part(a?.principal)}
      </td>
      <td class="lt-num" data-label={t('fees')}>
        {part(a?.fees)}
      </td>
      {vat ? (
        <td class="lt-num" data-label={t('vat')}>
          {part(a?.vat)}
        </td>
      ) : null}
      <td class="lt-num" data-label={t('penalty')}>
        {part(a?.penalty)}
      </td>
      <td class="lt-num" data-label={t('inAdvance')}>
        {part(a?.inAdvance)}
      </td>
      {children}
    </tr>
  );
}

interface ConfirmProps {
  model: LoanModel;
  payment: PaymentRecord;
  cols: number;
  t: Translate;
  fmt: Formatters;
  onClose: () => void;
}

/** Inline confirmation: a reversal is booked only after a reason is chosen and confirmed. */
function ReversalConfirm({ model, payment, cols, t, fmt, onClose }: ConfirmProps) {
  const [reason, setReason] = useState<ReversalReason>('DUPLICATE');
  const [note, setNote] = useState('');
  const st = model.reversal.value;
  const busy = st.kind === 'reversing';
  const failed = st.kind === 'failed' && st.paymentId === payment.id ? st.code : null;
  const mode = payment.prepaymentMode;
  return (
    <tr class="lt-reversal" data-testid="reversal-confirm">
      <td colSpan={cols}>
        <form
          class="lt-form lt-reversal__form"
          onSubmit={(e) => {
            e.preventDefault();
            void model.reversePayment(payment.id, reason, note).then((ok) => ok && onClose());
          }}
        >
          <span class="lt-reversal__title">{`${t(mode ? 'reversePrepayment' : 'reversePayment')}: ${fmt.date(payment.date)} · ${fmt.money(payment.amount)}`}</span>
          {/* What happens to the schedule, said before it happens (server/loans/operations/reversal-schedule.ts). */}
          {mode && mode !== 'reschedule-next' ? (
            <span class="lt-muted lt-reversal__hint" data-testid="reversal-hint">
              {t('reversePrepaymentHint')}
            </span>
          ) : null}
          <Field label={t('reversalReason')}>
            <select
              class="lt-input"
              name="reversalReason"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value as ReversalReason)}
            >
              {REVERSAL_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`reason.${r}` as const)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('reversalNote')}>
            <input class="lt-input" name="reversalNote" maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </Field>
          <button class="lt-button" type="submit" disabled={busy}>
            {busy ? t('reversing') : t('confirm')}
          </button>
          <button class="lt-button lt-button--light" type="button" disabled={busy} onClick={onClose}>
            {t('cancel')}
          </button>
          {failed ? <span class="lt-error" role="alert">{`${t('reversalFailed')}: ${t(reversalErrorKey(failed))}`}</span> : null}
        </form>
      </td>
    </tr>
  );
}

function ReversedList({ model, t, fmt }: { model: LoanModel; t: Translate; fmt: Formatters }) {
  const reversed = model.reversedPayments.value;
  if (reversed.length === 0) return null;
  return (
    <div class="lt-reversed lt-muted" data-testid="reversed-payments">
      <div class="lt-reversed__title">{t('reversedPayments')}</div>
      <table class="lt-table lt-table--cards">
        <thead>
          <tr>
            <th>{t('paymentDate')}</th>
            <th class="lt-num">{t('paymentAmount')}</th>
            <th>{t('reversalReason')}</th>
            <th>{t('reversedOn')}</th>
          </tr>
        </thead>
        <tbody>
          {reversed.map((r) => (
            <tr key={r.id} data-payment-id={r.id}>
              <td data-label={t('paymentDate')} class={modeCell(r)}>
                {fmt.date(r.date)}
                <ModeBadge payment={r} t={t} />
              </td>
              <td class="lt-num" data-label={t('paymentAmount')}>
                {fmt.number(r.amount)}
              </td>
              <td class="lt-cell--wide" data-label={t('reversalReason')}>
                {reversalText(t, r.reversal.reasonCode, r.reversal.note)}
              </td>
              <td data-label={t('reversedOn')}>{fmt.date(r.reversal.date)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A prepayment says so, with what it does (reduce term, reduce installment, pay ahead). */
function ModeBadge({ payment, t }: { payment: PaymentRecord; t: Translate }) {
  const mode = payment.prepaymentMode;
  if (!mode) return null;
  return (
    <span class="lt-badge lt-badge--after" data-testid="prepayment-mode-badge">
      {`${t('paymentKind.prepayment')}: ${t(`prepaymentMode.${mode}`)}`}
    </span>
  );
}

/** On a phone's cards a prepayment's date cell takes the whole line, so its badge reads whole. */
function modeCell(p: PaymentRecord): string | undefined {
  return p.prepaymentMode ? 'lt-cell--wide' : undefined;
}

function methodLabel(t: Translate, method: string | null): string {
  if (!method) return DASH;
  const key = `method.${method}`;
  return t.has(key) ? t(key) : method;
}
