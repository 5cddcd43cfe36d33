import { rateFieldOf, rateKindOf } from '../../../lending/rate-name.js';
import type { Formatters } from '../format.js';
import type { Translate } from '../i18n.js';
import type { EffectiveRates } from '../lending-types.js';
import type { Figures, SummaryFigures } from '../summary-figures.js';

interface Props {
  /** The schedule in force and, after a prepayment rebuilt it, the contract's (summary-figures.ts). */
  figures: SummaryFigures;
  /** null while being computed after the last change. */
  rates: EffectiveRates | null;
  currency: string;
  /** The loan's regulatory profile (from its product), which names the rate before the currency does. */
  profile?: string | null | undefined;
  t: Translate;
  fmt: Formatters;
}

/** The few numbers a manager reads out on the phone. */
export function Summary({ figures, rates, currency, profile, t, fmt }: Props) {
  const r = rates ?? {};
  // Mexico discloses CAT, Russia ПСК, elsewhere the effective annual rate — by the loan's profile,
  // else its currency (lending/rate-name.ts, the rule the calculator uses too).
  const kind = rateKindOf({ currency, profile });
  const rateLabel = t(kind === 'apr' ? 'effectiveRate' : kind);
  const rate = r[rateFieldOf(kind)] ?? null;
  const { current: now, contract } = figures;
  // After a rebuilding prepayment each figure is the schedule in force, the contract's under it.
  const was = (pick: (f: Figures) => string): string | null => (contract ? `${t('contractFigure')}: ${pick(contract)}` : null);
  return (
    <div class="lt-summary" data-testid="summary">
      <Kpi label={t(contract ? 'currentInstallment' : 'installment')} testId="installment" was={was((f) => fmt.money(f.installment))}>
        {fmt.money(now.installment)}
      </Kpi>
      {contract ? (
        <Kpi label={t('paymentsCount')} testId="payments-count" was={was((f) => String(f.payments))}>
          {String(now.payments)}
        </Kpi>
      ) : null}
      <Kpi label={t('interest')} was={was((f) => fmt.money(f.interest))}>
        {fmt.money(now.interest)}
      </Kpi>
      <Kpi label={t('totalToPay')} testId="total-to-pay" was={was((f) => fmt.money(f.total))}>
        {fmt.money(now.total)}
      </Kpi>
      <div class="lt-kpi">
        <span class="lt-kpi__label">{rateLabel}</span>
        <span class="lt-kpi__value" data-testid="effective-rate" aria-busy={rates === null}>
          {rates === null ? '…' : rate ? fmt.percent(rate) : '—'}
        </span>
        {/* The rate is disclosed at signing: a prepayment does not change it. */}
        {contract ? (
          <span class="lt-kpi__hint" data-testid="rate-hint">
            {t('contractRateHint')}
          </span>
        ) : null}
      </div>
    </div>
  );
}

interface KpiProps {
  label: string;
  testId?: string;
  /** The contract's figure, shown under the current one; null when they are the same schedule. */
  was: string | null;
  children: string;
}

function Kpi({ label, testId, was, children }: KpiProps) {
  return (
    <div class="lt-kpi">
      <span class="lt-kpi__label">{label}</span>
      <span class="lt-kpi__value" data-testid={testId}>
        {children}
      </span>
      {was ? <span class="lt-kpi__hint">{was}</span> : null}
    </div>
  );
}
