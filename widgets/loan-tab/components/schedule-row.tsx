import { Component } from 'preact';
import type { Formatters } from '../format.js';
import { errorText, type Translate } from '../i18n.js';
import type { InstallmentState, ScheduleRow as Row } from '../lending-types.js';
import type { LoanModel } from '../model.js';
import type { AmountOverride } from '../what-if.js';

export interface ScheduleRowProps {
  r: Row;
  st: InstallmentState | undefined;
  future: boolean;
  /** Inputs for what-if edits; the last row's amount stays computed (it absorbs the rounding). */
  editable: boolean;
  last: boolean;
  /** A what-if amount typed here that did not read: shown as typed, with the reason under it. */
  unread?: AmountOverride | undefined;
  /** The loan carries VAT (MX IVA): its own column, so principal + interest + fees + VAT = payment. */
  vat: boolean;
  model: LoanModel;
  t: Translate;
  fmt: Formatters;
}

/** The late fees an installment was charged (servicing's `charges`), to redraw when they change. */
function chargesKey(st: InstallmentState | undefined): string {
  return st?.charges?.map((c) => `${c.date}:${c.amount}:${c.vat}`).join('|') ?? '';
}

/** A part paid and a part still owed on the installment itself: the collector needs how much is left. */
function owesPart(st: InstallmentState): boolean {
  return st.status !== 'paid' && st.ownOutstanding !== st.ownDue;
}

/** One installment; skips its diff when nothing it shows changed (e.g. servicing arriving later). */
export class ScheduleRow extends Component<ScheduleRowProps> {
  override shouldComponentUpdate(p: ScheduleRowProps): boolean {
    const o = this.props;
    return (
      p.r !== o.r ||
      p.st?.status !== o.st?.status ||
      p.st?.ownOutstanding !== o.st?.ownOutstanding ||
      chargesKey(p.st) !== chargesKey(o.st) ||
      p.future !== o.future ||
      p.editable !== o.editable ||
      p.last !== o.last ||
      p.unread !== o.unread ||
      p.vat !== o.vat ||
      p.fmt !== o.fmt ||
      p.t !== o.t
    );
  }

  override render({ r, st, future, editable, last, unread, vat, model, t, fmt }: ScheduleRowProps) {
    return (
      <tr class={st ? `lt-row--${st.status}` : undefined}>
        <td data-label={t('n')}>{r.n}</td>
        <td data-label={t('dueDate')}>
          {editable && future ? (
            <input
              class="lt-input lt-input--cell"
              type="date"
              value={r.dueDate}
              onChange={(e) => model.editDueDate(r.n, e.currentTarget.value)}
            />
          ) : (
            fmt.date(r.dueDate)
          )}
        </td>
        <td class="lt-num" data-label={t('days')}>
          {r.days}
        </td>
        <td class="lt-num" data-label={t('principal')}>
          {fmt.number(r.principal)}
        </td>
        <td class="lt-num" data-label={t('interest')}>
          {fmt.number(r.interest)}
        </td>
        <td class="lt-num" data-label={t('fees')}>
          {fmt.number(r.fees)}
        </td>
        {vat ? (
          <td class="lt-num" data-label={t('vat')}>
            {fmt.number(r.vat ?? '0')}
          </td>
        ) : null}
        <td class="lt-num lt-cell--total" data-label={t('total')}>
          {editable && future && !last ? (
            <>
              <input
                class="lt-input lt-input--cell lt-num"
                name={`whatIf-${r.n}`}
                inputMode="decimal"
                aria-invalid={unread ? 'true' : undefined}
                value={unread ? unread.total : fmt.number(r.total)}
                onChange={(e) => model.editAmount(r.n, e.currentTarget.value)}
              />
              {unread?.issue ? (
                <span class="lt-field__error lt-cell-error" role="alert">
                  {errorText(t, unread.issue)}
                </span>
              ) : null}
            </>
          ) : (
            fmt.number(r.total)
          )}
        </td>
        <td class="lt-num" data-label={t('closing')}>
          {fmt.number(r.closing)}
        </td>
        <td class="lt-cell--status">
          {st ? <span class={`lt-badge lt-badge--${st.status}`}>{t(`status.${st.status}`)}</span> : null}
          {st && owesPart(st) ? (
            <span class="lt-owed" data-testid={`owed-${r.n}`}>
              {t('ownOwedOf').replace('{owed}', fmt.number(st.ownOutstanding)).replace('{due}', fmt.number(st.ownDue))}
            </span>
          ) : null}
          {st?.charges?.map((c, i) => (
            <span class="lt-charge" key={i} data-charge={i}>
              {`${/^late-fee-\d+$/.test(c.name) ? t('lateFeeCharged') : c.name} ${fmt.date(c.date)}: ${fmt.number(c.amount)}`}
              {Number(c.vat) > 0 ? ` + ${t('lateFeeVat')} ${fmt.number(c.vat)}` : ''}
            </span>
          ))}
        </td>
      </tr>
    );
  }
}
