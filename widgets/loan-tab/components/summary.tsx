import { rateFieldOf, rateKindOf } from '../../../lending/rate-name.js';
import type { Formatters } from '../format.js';
import type { Translate } from '../i18n.js';
import type { EffectiveRates, Schedule } from '../lending-types.js';

interface Props {
  schedule: Schedule;
  /** null while being computed after the last change. */
  rates: EffectiveRates | null;
  currency: string;
  /** The loan's regulatory profile (from its product), which names the rate before the currency does. */
  profile?: string | null | undefined;
  t: Translate;
  fmt: Formatters;
}

/** The few numbers a manager reads out on the phone. */
export function Summary({ schedule, rates, currency, profile, t, fmt }: Props) {
  const r = rates ?? {};
  // Mexico discloses CAT, Russia ПСК, elsewhere the effective annual rate — by the loan's profile,
  // else its currency (lending/rate-name.ts, the rule the calculator uses too).
  const kind = rateKindOf({ currency, profile });
  const rateLabel = t(kind === 'apr' ? 'effectiveRate' : kind);
  const rate = r[rateFieldOf(kind)] ?? null;
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
          {rates === null ? '…' : rate ? fmt.percent(rate) : '—'}
        </span>
      </div>
    </div>
  );
}
