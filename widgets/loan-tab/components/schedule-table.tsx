import type { Formatters } from '../format.js';
import type { Translate } from '../i18n.js';
import type { InstallmentState, Schedule } from '../lending-types.js';
import type { LoanModel } from '../model.js';

interface Props {
  schedule: Schedule;
  states: InstallmentState[] | null;
  model: LoanModel;
  editable: boolean;
  t: Translate;
  fmt: Formatters;
}

/** The schedule with totals; in what-if mode future dates and payments become inputs. */
export function ScheduleTable({ schedule, states, model, editable, t, fmt }: Props) {
  const asOf = model.asOf.value;
  const statusOf = (n: number): InstallmentState | undefined => states?.[n - 1];
  return (
    <table class="lt-table" data-testid="schedule">
      <thead>
        <tr>
          <th>{t('n')}</th>
          <th>{t('dueDate')}</th>
          <th class="lt-num">{t('days')}</th>
          <th class="lt-num">{t('principal')}</th>
          <th class="lt-num">{t('interest')}</th>
          <th class="lt-num">{t('fees')}</th>
          <th class="lt-num">{t('total')}</th>
          <th class="lt-num">{t('closing')}</th>
          <th>{t('status')}</th>
        </tr>
      </thead>
      <tbody>
        {schedule.rows.map((r) => {
          const st = statusOf(r.n);
          const future = r.dueDate > asOf;
          return (
            <tr key={r.n} class={st ? `lt-row--${st.status}` : undefined}>
              <td>{r.n}</td>
              <td>
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
              <td class="lt-num">{r.days}</td>
              <td class="lt-num">{fmt.number(r.principal)}</td>
              <td class="lt-num">{fmt.number(r.interest)}</td>
              <td class="lt-num">{fmt.number(r.fees)}</td>
              <td class="lt-num">
                {editable && future && r.n < schedule.rows.length ? (
                  <input
                    class="lt-input lt-input--cell lt-num"
                    inputMode="decimal"
                    value={r.total}
                    onChange={(e) => model.editAmount(r.n, e.currentTarget.value)}
                  />
                ) : (
                  fmt.number(r.total)
                )}
              </td>
              <td class="lt-num">{fmt.number(r.closing)}</td>
              <td>{st ? <span class={`lt-badge lt-badge--${st.status}`}>{t(`status.${st.status}`)}</span> : null}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3}>{t('totals')}</td>
          <td class="lt-num" data-testid="total-principal">
            {fmt.number(schedule.totals.principal)}
          </td>
          <td class="lt-num" data-testid="total-interest">
            {fmt.number(schedule.totals.interest)}
          </td>
          <td class="lt-num">{fmt.number(schedule.totals.fees)}</td>
          <td class="lt-num" data-testid="total-total">
            {fmt.money(schedule.totals.total)}
          </td>
          <td colSpan={2} />
        </tr>
      </tfoot>
    </table>
  );
}
