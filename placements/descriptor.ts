// What the app registers per Bitrix24 placement and which widget answers it. Install turns each
// descriptor into a placement.bind call (contract.md §4.1); placements/routes.ts serves the handler.

export type PlacementLang = 'en' | 'ru' | 'es';

export interface PlacementDescriptor {
  /** Bitrix24 placement code, e.g. CRM_DEAL_DETAIL_TAB. */
  placement: string;
  /** Folder under widgets/ whose bundle the handler serves. */
  widget: string;
  /** Path of the POST handler on our origin. */
  handlerPath: string;
  titles: Record<PlacementLang, string>;
  descriptions?: Partial<Record<PlacementLang, string>>;
  /** The placement shows one deal: the session is bound to PLACEMENT_OPTIONS.ID. */
  bindsDeal: boolean;
  /** The page carries the deal's saved loan (routes.ts initialLoan), so the widget renders without fetching it. */
  carriesLoan?: boolean;
}

export interface PlacementBindParams {
  PLACEMENT: string;
  HANDLER: string;
  TITLE: string;
  DESCRIPTION: string;
  LANG_ALL: Record<string, { TITLE: string; DESCRIPTION: string }>;
}

/** placement.bind params for our public base URL (doc: api-reference/widgets/placement-bind.md). */
export function toPlacementBind(d: PlacementDescriptor, appBaseUrl: string): PlacementBindParams {
  const langs = Object.keys(d.titles) as PlacementLang[];
  return {
    PLACEMENT: d.placement,
    HANDLER: new URL(d.handlerPath, appBaseUrl).toString(),
    TITLE: d.titles.en,
    DESCRIPTION: d.descriptions?.en ?? '',
    LANG_ALL: Object.fromEntries(langs.map((l) => [l, { TITLE: d.titles[l], DESCRIPTION: d.descriptions?.[l] ?? '' }])),
  };
}
