import { Component, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Formatters } from '../format.js';
import type { Translate } from '../i18n.js';
import type { InstallmentState, Schedule, ScheduleRow } from '../lending-types.js';
import type { LoanModel } from '../model.js';

interface Props {
  schedule: Schedule;
  states: InstallmentState[] | null;
  model: LoanModel;
  editable: boolean;
  t: Translate;
  fmt: Formatters;
}

/**
 * Rows rendered in the same frame as the input that changed the schedule. The frame grows to its
 * content, so there is no scroll viewport to virtualise against; instead a long schedule shows its
 * first rows at once and the rest one frame later (a 360-row table costs Chromium ~100 ms of style,
 * layout and paint — far past a frame).
 */
export const FIRST_ROWS = 24;

interface RowProps {
  r: ScheduleRow;
  st: InstallmentState | undefined;
  future: boolean;
  /** Inputs for what-if edits; the last row's amount stays computed (it absorbs the rounding). */
  editable: boolean;
  last: boolean;
  model: LoanModel;
  t: Translate;
  fmt: Formatters;
}

/** One installment; skips its diff when nothing it shows changed (e.g. servicing arriving later). */
class Row extends Component<RowProps> {
  override shouldComponentUpdate(p: RowProps): boolean {
    const o = this.props;
    return (
      p.r !== o.r ||
      p.st?.status !== o.st?.status ||
      p.future !== o.future ||
      p.editable !== o.editable ||
      p.last !== o.last ||
      p.fmt !== o.fmt ||
      p.t !== o.t
    );
  }

  override render({ r, st, future, editable, last, model, t, fmt }: RowProps) {
    return (
      <tr class={st ? `lt-row--${st.status}` : undefined}>
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
          {editable && future && !last ? (
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
  }
}

/** Children left exactly as they are while frozen: the hidden rows are not worth a diff. */
class Frozen extends Component<{ frozen: boolean; children: ComponentChildren }> {
  override shouldComponentUpdate(next: { frozen: boolean }): boolean {
    return !next.frozen;
  }

  override render() {
    return this.props.children;
  }
}

/** The schedule with totals; in what-if mode future dates and payments become inputs. */
export function ScheduleTable({ schedule, states, model, editable, t, fmt }: Props) {
  const asOf = model.asOf.value;
  const rows = schedule.rows;
  // The rows array the table last rendered in full; a new schedule starts with its first rows.
  const [fullFor, setFullFor] = useState<ScheduleRow[] | null>(null);
  const complete = rows.length <= FIRST_ROWS || fullFor === rows;
  const body = useRef<HTMLTableSectionElement>(null);
  // Height of one row as last laid out, so the placeholder keeps the frame from shrinking and
  // growing back (each size change is a resize message to the portal).
  const rowHeight = useRef(0);
  useEffect(() => {
    if (complete) return;
    let timer = 0;
    // After the frame with the first rows is painted: rAF runs before that paint, the timeout after.
    const raf = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setFullFor(rows), 0);
    });
    return () => {
      cancelAnimationFrame(raf);
      clearTimeout(timer);
    };
  }, [rows, complete]);
  useEffect(() => {
    // Read after the browser has laid the table out anyway (effects run after paint).
    if (complete && rows.length > 0) rowHeight.current = body.current?.rows[0]?.getBoundingClientRect().height ?? 0;
  }, [rows, complete]);
  const row = (r: ScheduleRow) => (
    <Row
      key={r.n}
      r={r}
      st={states?.[r.n - 1]}
      future={r.dueDate > asOf}
      editable={editable}
      last={r.n >= rows.length}
      model={model}
      t={t}
      fmt={fmt}
    />
  );
  const rest = rows.length - FIRST_ROWS;
  return (
    <table class="lt-table" data-testid="schedule" data-complete={complete ? 'yes' : 'no'}>
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
      <tbody ref={body}>{rows.slice(0, FIRST_ROWS).map(row)}</tbody>
      {/* The rest stays mounted, hidden with its previous rows while a new schedule's first rows are
          shown: updating those rows a frame later is cheaper than removing and re-creating them. */}
      {rest <= 0 ? null : (
        <tbody key="rest" hidden={!complete}>
          <Frozen frozen={!complete}>{complete ? rows.slice(FIRST_ROWS).map(row) : null}</Frozen>
        </tbody>
      )}
      {rest > 0 && !complete ? (
        <tbody key="pending" aria-busy="true">
          <tr class="lt-rows-pending" style={rowHeight.current > 0 ? { height: `${rest * rowHeight.current}px` } : undefined}>
            <td colSpan={9} />
          </tr>
        </tbody>
      ) : null}
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
