// What the server embeds in the page (placements/widget-page.ts writes it as JSON in
// <script id="widget-boot">): the placement handler inside the portal, /admin/products outside it.
export interface Boot {
  /** Bearer session from the placement handler; null on /admin/products (the session is a cookie). */
  sessionToken: string | null;
  /** With the cookie session only: sent as X-CSRF-Token on every change. */
  csrfToken: string | null;
  lang: string | null;
  apiBase: string;
}

export function readBoot(doc: Document): Boot {
  let raw: Record<string, unknown> = {};
  try {
    const text = doc.getElementById('widget-boot')?.textContent;
    raw = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    raw = {};
  }
  const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  return { sessionToken: str(raw.sessionToken), csrfToken: str(raw.csrfToken), lang: str(raw.lang), apiBase: str(raw.apiBase) ?? '' };
}
