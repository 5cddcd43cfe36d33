import { useMemo } from 'preact/hooks';
import { chartPaths, H, W } from '../chart-paths.js';
import type { Translate } from '../i18n.js';
import type { ScheduleRow } from '../lending-types.js';

interface Props {
  rows: ScheduleRow[];
  t: Translate;
}

/**
 * Stacked bars of principal and interest per installment with the balance as a line, as plain
 * SVG: a chart library would cost more bytes than the whole tab. The geometry is computed once
 * per schedule (see chart-paths.ts), not on every render.
 */
export function ScheduleChart({ rows, t }: Props) {
  const paths = useMemo(() => chartPaths(rows), [rows]);
  if (!paths) return null;
  return (
    <figure class="lt-chart">
      <figcaption class="lt-chart__caption">
        {t('chart')}
        <span class="lt-legend lt-legend--principal">{t('principal')}</span>
        <span class="lt-legend lt-legend--interest">{t('interest')}</span>
        <span class="lt-legend lt-legend--balance">{t('chartBalance')}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={t('chart')}>
        <path d={paths.principal} class="lt-bar--principal" />
        <path d={paths.interest} class="lt-bar--interest" />
        <path d={paths.balance} class="lt-line--balance" fill="none" />
      </svg>
    </figure>
  );
}
