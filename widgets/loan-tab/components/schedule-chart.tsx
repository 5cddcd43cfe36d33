import type { Translate } from '../i18n.js';
import type { ScheduleRow } from '../lending-types.js';

interface Props {
  rows: ScheduleRow[];
  t: Translate;
}

const W = 640;
const H = 160;
const PAD = 4;

/**
 * Stacked bars of principal and interest per installment with the balance as a line, as plain
 * SVG: a chart library would cost more bytes than the whole tab. Numbers become JS numbers here
 * only to place pixels.
 */
export function ScheduleChart({ rows, t }: Props) {
  if (rows.length === 0) return null;
  const maxPay = Math.max(...rows.map((r) => Number(r.principal) + Number(r.interest)), 1);
  const maxBal = Math.max(Number(rows[0]?.opening ?? 0), 1);
  const bw = (W - PAD * 2) / rows.length;
  const y = (v: number, max: number): number => H - PAD - (v / max) * (H - PAD * 2);
  const line = rows.map((r, i) => `${(PAD + bw * (i + 0.5)).toFixed(1)},${y(Number(r.closing), maxBal).toFixed(1)}`).join(' ');
  return (
    <figure class="lt-chart">
      <figcaption class="lt-chart__caption">
        {t('chart')}
        <span class="lt-legend lt-legend--principal">{t('principal')}</span>
        <span class="lt-legend lt-legend--interest">{t('interest')}</span>
        <span class="lt-legend lt-legend--balance">{t('chartBalance')}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={t('chart')}>
        {rows.map((r, i) => {
          const x = PAD + bw * i + bw * 0.15;
          const w = Math.max(bw * 0.7, 0.5);
          const yp = y(Number(r.principal), maxPay);
          const yi = y(Number(r.principal) + Number(r.interest), maxPay);
          return (
            <g key={r.n}>
              <rect x={x} y={yp} width={w} height={H - PAD - yp} class="lt-bar--principal" />
              <rect x={x} y={yi} width={w} height={yp - yi} class="lt-bar--interest" />
            </g>
          );
        })}
        <polyline points={line} class="lt-line--balance" fill="none" />
      </svg>
    </figure>
  );
}
