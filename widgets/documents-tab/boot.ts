// What the placement handler embeds in the page (placements/routes.ts writes it as JSON in
// <script id="widget-boot" type="application/json">), read defensively.
export interface DocumentsBoot {
  sessionToken: string | null;
  dealId: string | null;
  lang: string | null;
  apiBase: string;
  /** The deal's currency as the placement's access check read it (crm.deal.get as the user). */
  currencyId: string | null;
  /** The user's name as the portal's `profile` gave it: who signs messages to banks. */
  userName: string | null;
}

export function readBoot(doc: Document): DocumentsBoot {
  let raw: Record<string, unknown> = {};
  try {
    raw = JSON.parse(doc.getElementById('widget-boot')?.textContent ?? '{}') as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const s = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const deal = raw.deal && typeof raw.deal === 'object' ? (raw.deal as Record<string, unknown>) : {};
  return {
    sessionToken: s(raw.sessionToken),
    dealId: s(raw.dealId),
    lang: s(raw.lang),
    apiBase: s(raw.apiBase) ?? '',
    currencyId: s(deal.currencyId),
    userName: s(raw.user && typeof raw.user === 'object' ? (raw.user as Record<string, unknown>).name : null),
  };
}
