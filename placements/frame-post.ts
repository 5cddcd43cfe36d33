// The portal's iframe POST (contract.md §1.2, §4.3): DOMAIN/PROTOCOL/LANG/APP_SID in the query,
// tokens and PLACEMENT in a form body. PLACEMENT_OPTIONS is a JSON *string* and may be '' or
// missing (b24jssdk #485), so it is parsed here once, defensively.

export interface FramePost {
  query: Record<string, unknown>;
  body: Record<string, unknown>;
}

export interface ParsedFramePost {
  domain: string;
  protocol: 0 | 1;
  lang: string;
  appSid: string;
  memberId: string;
  placement: string;
  placementOptions: Record<string, string>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function parsePlacementOptions(raw: unknown): Record<string, string> {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    if (raw.trim() === '') return {};
    try {
      value = JSON.parse(raw);
    } catch {
      return {};
    }
  }
  const out: Record<string, string> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
    }
  }
  return out;
}

export function parseFramePost(p: FramePost): ParsedFramePost {
  return {
    domain: str(p.query.DOMAIN),
    protocol: str(p.query.PROTOCOL) === '1' ? 1 : 0,
    lang: str(p.query.LANG).slice(0, 5),
    appSid: str(p.query.APP_SID),
    memberId: str(p.body.member_id),
    placement: str(p.body.PLACEMENT) || 'DEFAULT',
    placementOptions: parsePlacementOptions(p.body.PLACEMENT_OPTIONS),
  };
}

/** A deal id as Bitrix24 sends it: a positive integer in a string. */
export function dealIdOf(options: Record<string, string>): number | null {
  const id = options.ID ?? '';
  return /^[1-9]\d{0,17}$/.test(id) ? Number(id) : null;
}
