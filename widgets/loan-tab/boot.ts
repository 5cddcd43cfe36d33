// What the placement handler embeds in the page (placements/routes.ts writes it as JSON in
// <script id="widget-boot" type="application/json">). Read defensively: the page may also be opened
// by hand while developing.
import type { SavedLoan } from './api.js';
import type { Product } from './model.js';

/** The deal as the placement's access check read it (crm.deal.get as the user). */
export interface BootDeal {
  currencyId: string | null;
  /** Dot-decimal string, as crm.deal.get gives OPPORTUNITY. */
  opportunity: string | null;
}

export interface Boot {
  widget: string;
  /** Short-lived session for our API, bound to portal, user and deal. Null: calculator without API. */
  sessionToken: string | null;
  dealId: string | null;
  lang: string | null;
  apiBase: string;
  products: Product[];
  /** Undefined when the page did not carry it: the tab asks the portal through the frame. */
  deal?: BootDeal;
  /** The saved loan (null: none yet); undefined when the page did not carry it: the tab fetches it. */
  loan?: SavedLoan | null;
}

export function readBoot(doc: Document): Boot {
  const el = doc.getElementById('widget-boot');
  let raw: Record<string, unknown> = {};
  try {
    raw = el?.textContent ? (JSON.parse(el.textContent) as Record<string, unknown>) : {};
  } catch {
    raw = {};
  }
  const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  const deal = raw.deal && typeof raw.deal === 'object' ? (raw.deal as Record<string, unknown>) : null;
  const loan = raw.loan;
  return {
    ...(deal ? { deal: { currencyId: str(deal.currencyId), opportunity: str(deal.opportunity) } } : {}),
    ...(loan === null ? { loan: null } : loan && typeof loan === 'object' && 'loan' in loan ? { loan: loan as SavedLoan } : {}),
    widget: str(raw.widget) ?? 'loan-tab',
    sessionToken: str(raw.sessionToken),
    dealId: str(raw.dealId),
    lang: str(raw.lang),
    apiBase: str(raw.apiBase) ?? '',
    products: Array.isArray(raw.products) ? (raw.products as Product[]) : [],
  };
}
