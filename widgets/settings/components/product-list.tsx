import { currencyScale, SUPPORTED_CURRENCIES } from '../../../lending/currency.js';
import { moneyFormatter, type FormatDecimal } from '../format.js';
import { choiceLabel, type Translate } from '../i18n.js';
import type { Product } from '../product.js';

interface ListProps {
  products: Product[];
  t: Translate;
  fmt: FormatDecimal;
  canEdit: boolean;
  savedId: string | null;
  onEdit: (id: string) => void;
}

/** The currency's own scale (JPY 0); a product for the deal's currency shows cents. */
function scaleOf(currency: string | null): number {
  return currency && SUPPORTED_CURRENCIES.includes(currency) ? currencyScale(currency) : 2;
}

function range(a: string | number | null, b: string | number | null, any: string, fmt: FormatDecimal): string {
  const f = (v: string | number | null): string => (v === null ? '…' : fmt(String(v)));
  return a === null && b === null ? any : a === b ? f(a) : `${f(a)} – ${f(b)}`;
}

/** The portal's products; administrators also see inactive ones and can open each for editing. */
export function ProductList({ products, t, fmt, canEdit, savedId, onEdit }: ListProps) {
  if (products.length === 0) return <p class="st-muted st-empty">{t('empty')}</p>;
  const money = moneyFormatter(fmt);
  return (
    <table class="st-table st-table--stack" data-testid="products">
      <thead>
        <tr>
          <th>{t('name')}</th>
          <th>{t('method')}</th>
          <th class="st-num">{t('rate')}</th>
          <th class="st-num">{t('term')}</th>
          <th class="st-num">{t('amount')}</th>
          <th>{t('currency')}</th>
          <th>{t('profile')}</th>
          <th>{t('status')}</th>
          {canEdit ? <th /> : null}
        </tr>
      </thead>
      <tbody>
        {products.map((p) => (
          <tr key={p.id} data-product={p.id} class={p.id === savedId ? 'st-row--saved' : undefined}>
            <td data-label={t('name')}>
              {/* One box, so the stacked phone layout keeps the id under the name. */}
              <div>
                {p.name}
                <div class="st-muted st-small">{p.id}</div>
              </div>
            </td>
            <td data-label={t('method')}>{choiceLabel(t, 'method', p.method)}</td>
            <td data-label={t('rate')} class="st-num">
              {range(p.rateMin, p.rateMax, t('any'), fmt)} / {t(p.rateUnit === 'daily' ? 'rateUnit.daily' : 'rateUnit.annual')}
            </td>
            <td data-label={t('term')} class="st-num">
              {range(p.termMin, p.termMax, t('any'), fmt)}
            </td>
            <td data-label={t('amount')} class="st-num">
              {range(p.amountMin, p.amountMax, t('any'), (v) => money(v, scaleOf(p.currency)))}
            </td>
            <td data-label={t('currency')}>{p.currency ?? t('anyCurrency')}</td>
            <td data-label={t('profile')}>{p.profile ? choiceLabel(t, 'profile', p.profile) : t('noProfile')}</td>
            <td data-label={t('status')}>
              <span class={p.active ? 'st-badge st-badge--on' : 'st-badge'}>{t(p.active ? 'active' : 'inactive')}</span>
            </td>
            {canEdit ? (
              <td>
                <button type="button" class="st-link" onClick={() => onEdit(p.id)}>
                  {t('edit')}
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
