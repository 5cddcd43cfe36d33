// The page's window onto the portal when it is framed (the app's DEFAULT page in Bitrix24, or the
// emulator's portal page — the same b24jssdk frame protocol). The SDK is loaded only when there is
// a parent: /admin/products outside the portal never downloads it.
import { freshAuthOf, type PortalAuth } from '../shared/fresh-auth.js';

export interface FrameBridge {
  readonly lang: string | null;
  /** Fit the app frame to the content height. */
  resizeToContent(): Promise<void>;
  /** The user's portal auth, refreshed through the portal: renews our session (shared/session-client.ts). */
  freshAuth(): Promise<PortalAuth>;
}

export function isFramed(w: Window): boolean {
  try {
    return w.parent !== w;
  } catch {
    return true;
  }
}

export async function connectB24Frame(): Promise<FrameBridge> {
  const { initializeB24Frame } = await import('@bitrix24/b24jssdk');
  const b24 = await initializeB24Frame();
  return {
    lang: b24.getLang() ?? null,
    async resizeToContent() {
      await b24.parent.resizeWindowAuto();
    },
    freshAuth: () => freshAuthOf(b24),
  };
}
