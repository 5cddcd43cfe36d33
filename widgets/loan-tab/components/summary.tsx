import type { Formatters } from '../format.js';
import type { Translate } from '../i18n.js';
import type { Schedule } from '../lending-types.js';

interface Props {
  schedule: Schedule;
  currency: string;
  t: Translate;
  fmt: Formatters;
}

/** The few numbers a manager reads out on the phone. */
export function Summary({ schedule, currency, t, fmt }: Props) {
  const r = schedule.effectiveRates;
  // Mexico discloses CAT, Russia ПСК; elsewhere the plain effective annual rate (XIRR, a fraction).
  const rate =
    currency === 'MXN' && r.cat
      ? { label: t('cat'), value: r.cat }
      : r.psk
        ? { label: t('psk'), value: r.psk }
        : r.xirr
          ? { label: t('effectiveRate'), value: String(Number(r.xirr) * 100) }
          : null;
  return (
    <div class="lt-summary">
      <div class="lt-kpi">
        <span class="lt-kpi__label">{t('installment')}</span>
        <span class="lt-kpi__value" data-testid="installment">
          {fmt.money(schedule.installmentAmount)}
        </span>
      </div>
      <div class="lt-kpi">
        <span class="lt-kpi__label">{t('interest')}</span>
        <span class="lt-kpi__value">{fmt.money(schedule.totals.interest)}</span>
      </div>
      <div class="lt-kpi">
        <span class="lt-kpi__label">{t('total')}</span>
        <span class="lt-kpi__value">{fmt.money(schedule.totals.total)}</span>
      </div>
      {rate ? (
        <div class="lt-kpi">
          <span class="lt-kpi__label">{rate.label}</span>
          <span class="lt-kpi__value" data-testid="effective-rate">
            {fmt.percent(rate.value)}
          </span>
        </div>
      ) : null}
    </div>
  );
}
