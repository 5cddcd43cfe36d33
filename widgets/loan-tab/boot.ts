// What the placement handler embeds in the page (placements/routes.ts writes it as JSON in
// <script id="widget-boot" type="application/json">). Read defensively: the page may also be opened
// by hand while developing.
import type { Product } from './model.js';

export interface Boot {
  widget: string;
  /** Short-lived session for our API, bound to portal, user and deal. Null: calculator without API. */
  sessionToken: string | null;
  dealId: string | null;
  lang: string | null;
  apiBase: string;
  products: Product[];
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
  return {
    widget: str(raw.widget) ?? 'loan-tab',
    sessionToken: str(raw.sessionToken),
    dealId: str(raw.dealId),
    lang: str(raw.lang),
    apiBase: str(raw.apiBase) ?? '',
    products: Array.isArray(raw.products) ? (raw.products as Product[]) : [],
  };
}
