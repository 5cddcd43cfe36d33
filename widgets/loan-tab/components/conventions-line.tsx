import { LOCALE_OF } from '../../shared/locale.js';
import type { ConventionItem } from '../conventions-line.js';
import type { Formatters } from '../format.js';
import type { Key, Translate } from '../i18n.js';
import type { LoanModel } from '../model.js';

interface Props {
  model: LoanModel;
  t: Translate;
  fmt: Formatters;
}

/**
 * One short line under the terms naming the conventions the figures use where they are not the
 * tab's defaults (conventions-line.ts), with where they come from: read-only here, since the tab has
 * no field for them; absent when the loan uses the defaults.
 */
export function ConventionsLine({ model, t, fmt }: Props) {
  const items = model.conventions.value;
  if (items.length === 0) return null;
  const plural = new Intl.PluralRules(LOCALE_OF[model.locale]);
  return (
    <p class="lt-conventions" data-testid="conventions">
      <span class="lt-conventions__items">{`${t('conventionsLabel')}: ${items.map((i) => itemText(i, t, fmt, plural)).join(' · ')}`}</span>
      {/* A new loan's come from its product only; a saved loan's from how it was saved. */}
      <span class="lt-conventions__hint">{t(model.form.value.conventions ? 'conventionsHint' : 'conventionsHintProduct')}</span>
    </p>
  );
}

const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

function itemText(i: ConventionItem, t: Translate, fmt: Formatters, plural: Intl.PluralRules): string {
  const key = (k: string): Key => (t.has(k) ? k : 'err.UNKNOWN');
  switch (i.kind) {
    case 'day-count':
      return t.has(`dayCount.${i.dayCount}`) ? t(key(`dayCount.${i.dayCount}`)) : i.dayCount;
    case 'rounding':
    case 'installment-rounding':
      return fill(t(`conv.${i.kind}`), { mode: t.has(`rounding.${i.mode}`) ? t(key(`rounding.${i.mode}`)) : i.mode });
    case 'contract-date':
      return fill(t('conv.contract-date'), { date: fmt.date(i.date) });
    case 'fees': {
      const form = plural.select(i.count);
      return fill(t(key(`conv.fees.${form === 'one' || form === 'few' || form === 'many' ? form : 'other'}`)), { n: i.count });
    }
    case 'grace-principal':
    case 'grace-interest':
    case 'due-dates':
      return fill(t(`conv.${i.kind}`), { n: i.count });
    case 'vat':
      return `${t('vat')} ${fmt.percent(i.percent)}`;
    case 'psk-month-days':
      return t(`conv.psk-month-days.${i.days}`);
    default:
      return t(`conv.${i.kind}`);
  }
}
