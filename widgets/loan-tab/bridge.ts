// The widget's only window onto its parent. In production and in the e2e tests alike it is the
// b24jssdk frame talking postMessage to the portal (real Bitrix24 or the emulator's portal page);
// the model gets this interface and never knows which parent is on the other side.
import { initializeB24Frame, MessageCommands } from '@bitrix24/b24jssdk';
import { freshAuthOf, type PortalAuth } from '../shared/fresh-auth.js';

export type { PortalAuth };

export interface FrameBridge {
  /** Placement code, e.g. CRM_DEAL_DETAIL_TAB or DEFAULT. */
  readonly placement: string;
  /** PLACEMENT_OPTIONS as the portal sent them; {} when it sent '' (b24jssdk #485). */
  readonly placementOptions: Readonly<Record<string, string>>;
  readonly lang: string | null;
  /** Fit the iframe to the content height (deal tabs may not setTitle/scroll — denied by the portal). */
  resizeToContent(content: HTMLElement): Promise<void>;
  /** One REST call as the current user; resolves with `result`. */
  call<T>(method: string, params: Record<string, unknown>): Promise<T>;
  /**
   * The user's portal auth, refreshed through the portal first: proof for our server that the user
   * is signed in to Bitrix24 now (it renews our session with it — shared/session-client.ts).
   */
  freshAuth(): Promise<PortalAuth>;
  /** Open a deal card in the portal (a slider in Bitrix24; a new window where the portal cannot). */
  openDeal(dealId: string): void;
}

export async function connectB24Frame(): Promise<FrameBridge> {
  const b24 = await initializeB24Frame();
  const raw: unknown = b24.placement.options;
  const options: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) options[k] = String(v);
  }
  return {
    placement: b24.placement.placement,
    placementOptions: Object.freeze(options),
    lang: b24.getLang() ?? null,
    async resizeToContent(content) {
      // Height measured on the app's root, not <body>: a body stretched by an earlier, taller frame
      // would never let the frame shrink. Width stays '100%' of the card, as BX24.fitWindow sends it
      // (apidocs: sdk/bx24-js-sdk/additional-functions/bx24-fit-window.html, bx24-resize-window.html):
      // resizeWindowAuto sent the content's width in px, which pinned the frame at 575 px on a 390 px
      // phone and never let it narrow after a desktop-width render.
      const height = Math.max(content.scrollHeight, content.offsetHeight);
      await b24.parent.message.send(MessageCommands.resizeWindow, { width: '100%', height, isSafely: true });
    },
    async call<T>(method: string, params: Record<string, unknown>): Promise<T> {
      const res = await b24.actions.v2.call.make<T>({ method, params });
      if (!res.isSuccess) throw new Error(res.getErrorMessages().join('; '));
      return (res.getData() as { result: T }).result;
    },
    freshAuth: () => freshAuthOf(b24),
    openDeal(dealId) {
      // Not awaited: openPath settles only when the slider closes (b24jssdk.md §4.4).
      void b24.slider.openPath(b24.slider.getUrl(`/crm/deal/details/${encodeURIComponent(dealId)}/`)).catch(() => undefined);
    },
  };
}
