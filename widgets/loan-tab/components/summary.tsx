import type { Formatters } from '../format.js';
import type { Translate } from '../i18n.js';
import type { EffectiveRates, Schedule } from '../lending-types.js';

interface Props {
  schedule: Schedule;
  /** null while being computed after the last change. */
  rates: EffectiveRates | null;
  currency: string;
  t: Translate;
  fmt: Formatters;
}

/** The few numbers a manager reads out on the phone. */
export function Summary({ schedule, rates, currency, t, fmt }: Props) {
  const r = rates ?? {};
  // Mexico discloses CAT, Russia ПСК; elsewhere the plain effective annual rate (XIRR, in percent).
  const rate =
    currency === 'MXN' && r.cat
      ? { label: t('cat'), value: r.cat }
      : r.psk
        ? { label: t('psk'), value: r.psk }
        : r.xirr
          ? { label: t('effectiveRate'), value: r.xirr }
          : null;
  const rateLabel = rate?.label ?? (currency === 'MXN' ? t('cat') : currency === 'RUB' ? t('psk') : t('effectiveRate'));
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
        <span class="lt-kpi__label">{t('totalToPay')}</span>
        <span class="lt-kpi__value">{fmt.money(schedule.totals.total)}</span>
      </div>
      <div class="lt-kpi">
        <span class="lt-kpi__label">{rateLabel}</span>
        <span class="lt-kpi__value" data-testid="effective-rate" aria-busy={rates === null}>
          {rates === null ? '…' : rate ? fmt.percent(rate.value) : '—'}
        </span>
      </div>
    </div>
  );
}
