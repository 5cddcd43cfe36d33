import { Component, createRef, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Formatters } from '../format.js';
import type { Translate } from '../i18n.js';
import type { InstallmentState, Schedule, ScheduleRow as Row } from '../lending-types.js';
import type { LoanModel } from '../model.js';
import { ScheduleRow } from './schedule-row.js';

interface Props {
  schedule: Schedule;
  states: InstallmentState[] | null;
  model: LoanModel;
  editable: boolean;
  t: Translate;
  fmt: Formatters;
}

/**
 * Rows per block. Every row lives in a block; a block on screen updates in the same frame as the
 * input that changed the schedule, the blocks off screen one frame later. The frame grows to its
 * content, so there is no scroll viewport of our own to virtualise against, and diffing 360 rows
 * costs more than a frame in script alone.
 */
export const BLOCK_ROWS = 24;
/** Estimated height of a row before a block has been laid out once (then the browser remembers it). */
const ROW_PX = 33;

/**
 * Why blocks of tables: a single auto-layout table re-measures every cell when one changes, and
 * Chromium lays out and paints all 360 rows on every recompute (~50 ms). Each block is a separate
 * table with the same fixed column widths inside a `content-visibility: auto` box, so blocks
 * outside the portal's viewport are neither laid out nor painted, and the columns still line up.
 * Internal table boxes can't be contained, hence tables rather than tbodies.
 */
function Columns({ vat }: { vat: boolean }) {
  return (
    <colgroup>
      <col class="lt-col--n" />
      <col class="lt-col--date" />
      <col class="lt-col--days" />
      <col />
      <col />
      <col />
      {vat ? <col /> : null}
      <col />
      <col />
      <col class="lt-col--status" />
    </colgroup>
  );
}

/** Children left exactly as they are while frozen: stale rows stay until their update comes. */
class Frozen extends Component<{ frozen: boolean; children: ComponentChildren }> {
  override shouldComponentUpdate(next: { frozen: boolean }): boolean {
    return !next.frozen;
  }

  override render() {
    return this.props.children;
  }
}

interface BlockProps {
  count: number;
  vat: boolean;
  complete: boolean;
  rows: () => ComponentChildren;
}

/**
 * A block of rows. One the browser is showing (not skipped by content-visibility — the rows on
 * screen, e.g. those a what-if edit was typed into) updates at once; the others a frame later, and
 * until then are not even diffed. Without the state event (older browsers) every block waits a frame.
 */
class Block extends Component<BlockProps, { shown: boolean }> {
  override state = { shown: false };
  private box = createRef<HTMLDivElement>();
  private onState = (e: Event): void => this.setState({ shown: !(e as Event & { skipped?: boolean }).skipped });

  override componentDidMount(): void {
    this.box.current?.addEventListener('contentvisibilityautostatechange', this.onState);
  }

  override componentWillUnmount(): void {
    this.box.current?.removeEventListener('contentvisibilityautostatechange', this.onState);
  }

  override shouldComponentUpdate(next: BlockProps, nextState: { shown: boolean }): boolean {
    // A block waiting for its frame only needs its height kept right.
    return next.complete || nextState.shown || next.count !== this.props.count || next.vat !== this.props.vat;
  }

  override render({ count, vat, complete, rows }: BlockProps, { shown }: { shown: boolean }) {
    const live = complete || shown;
    return (
      <div ref={this.box} class="lt-schedule__block" style={{ containIntrinsicSize: `auto ${count * ROW_PX}px` }}>
        <table class="lt-table lt-table--fixed lt-table--cont lt-table--cards">
          <Columns vat={vat} />
          <tbody>
            <Frozen frozen={!live}>{live ? rows() : null}</Frozen>
          </tbody>
        </table>
      </div>
    );
  }
}

/** The schedule with totals; in what-if mode future dates and payments become inputs. */
export function ScheduleTable({ schedule, states, model, editable, t, fmt }: Props) {
  const asOf = model.asOf.value;
  const rows = schedule.rows;
  // What-if amounts that did not read in the user's locale: their cells keep the text and say why.
  const unread = new Map(model.amountEdits.value.filter((o) => o.issue).map((o) => [o.n, o]));
  // VAT gets its own column when the loan carries it (MX IVA on interest), so a row adds up.
  const vat = rows.some((r) => r.vat !== undefined);
  // The rows array last rendered in full; a new schedule updates the blocks on screen first.
  const [fullFor, setFullFor] = useState<Row[] | null>(null);
  const complete = fullFor === rows;
  useEffect(() => {
    if (complete) return;
    let timer = 0;
    // After the frame with the blocks on screen is painted: rAF runs before that paint, the timeout after.
    const raf = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setFullFor(rows), 0);
    });
    return () => {
      cancelAnimationFrame(raf);
      clearTimeout(timer);
    };
  }, [rows, complete]);
  const row = (r: Row) => (
    <ScheduleRow
      key={r.n}
      r={r}
      st={states?.[r.n - 1]}
      future={r.dueDate > asOf}
      editable={editable}
      last={r.n >= rows.length}
      unread={unread.get(r.n)}
      vat={vat}
      model={model}
      t={t}
      fmt={fmt}
    />
  );
  const blocks: number[] = [];
  for (let from = 0; from < rows.length; from += BLOCK_ROWS) blocks.push(from);
  return (
    <div class="lt-schedule" data-testid="schedule" data-complete={complete ? 'yes' : 'no'}>
      <table class="lt-table lt-table--fixed lt-table--head">
        <Columns vat={vat} />
        <thead>
          <tr>
            <th>{t('n')}</th>
            <th>{t('dueDate')}</th>
            <th class="lt-num">{t('days')}</th>
            <th class="lt-num">{t('principal')}</th>
            <th class="lt-num">{t('interest')}</th>
            <th class="lt-num">{t('fees')}</th>
            {vat ? <th class="lt-num">{t('vat')}</th> : null}
            <th class="lt-num">{t('total')}</th>
            <th class="lt-num">{t('closing')}</th>
            <th>{t('status')}</th>
          </tr>
        </thead>
      </table>
      {blocks.map((from) => {
        const count = Math.min(BLOCK_ROWS, rows.length - from);
        // Keyed by position, so a new schedule updates the blocks' rows in place.
        return <Block key={from} count={count} vat={vat} complete={complete} rows={() => rows.slice(from, from + count).map(row)} />;
      })}
      <table class="lt-table lt-table--fixed lt-table--cont lt-table--cards">
        <Columns vat={vat} />
        <tfoot>
          <tr>
            <td colSpan={3} class="lt-cell--title">
              {t('totals')}
            </td>
            <td class="lt-num" data-testid="total-principal" data-label={t('principal')}>
              {fmt.number(schedule.totals.principal)}
            </td>
            <td class="lt-num" data-testid="total-interest" data-label={t('interest')}>
              {fmt.number(schedule.totals.interest)}
            </td>
            <td class="lt-num" data-label={t('fees')}>
              {fmt.number(schedule.totals.fees)}
            </td>
            {vat ? (
              <td class="lt-num" data-testid="total-vat" data-label={t('vat')}>
                {fmt.number(schedule.totals.vat)}
              </td>
            ) : null}
            <td class="lt-num" data-testid="total-total" data-label={t('total')}>
              {fmt.money(schedule.totals.total)}
            </td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
