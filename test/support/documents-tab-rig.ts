// What the Documents tab's browser tests share: our API called as the tab's session (or an admin's)
// would, and the tab opened from the emulator's deal card in a browser locale and viewport.
import type { Browser, Frame, Page } from 'playwright-core';
import { documentsTabPlacement } from '../../placements/documents-tab.js';
import type { Platform } from './portal-harness.js';

export interface CallOptions {
  body?: unknown;
  bytes?: Uint8Array;
  dealId?: number;
  admin?: boolean;
}

/** Both come as getters: the platform starts in a beforeAll, after the suite's body has run. */
export function documentsApi(platform: () => Platform, portalId: () => string) {
  const token = (o: CallOptions) =>
    platform().a.app.sessions.issue({
      portalId: portalId(),
      userId: 1,
      isAdmin: o.admin ?? false,
      ...(o.dealId ? { dealId: o.dealId } : {}),
    });
  const call = (method: string, path: string, o: CallOptions = {}) =>
    fetch(`${platform().a.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token(o)}`,
        ...(o.bytes ? { 'content-type': 'application/octet-stream' } : o.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(o.bytes ? { body: Buffer.from(o.bytes) } : o.body ? { body: JSON.stringify(o.body) } : {}),
    });
  return {
    call,
    /** The JSON answer; anything but 2xx throws with its body. */
    async api<T>(method: string, path: string, o: CallOptions = {}): Promise<T> {
      const r = await call(method, path, o);
      const json = (await r.json()) as T;
      if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
      return json;
    },
  };
}

/** The deal card with the Documents tab open, as a user of that browser locale and screen sees it. */
export async function openDocumentsTab(
  browser: Browser,
  p: Platform,
  o: { locale: string; lang: string; width: number; height: number; dealId: number },
): Promise<{ page: Page; frame: Frame }> {
  const context = await browser.newContext({ locale: o.locale, viewport: { width: o.width, height: o.height } });
  const page = await context.newPage();
  const url = `${p.a.url}${documentsTabPlacement.handlerPath}`;
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(url) });
  await page.goto(`${p.em.url}/crm/deal/details/${o.dealId}/?tab=${documentsTabPlacement.handlerPath}&lang=${o.lang}`);
  const frame = await navigated;
  await frame.waitForSelector('main.dt-app[data-ready="yes"]');
  return { page, frame };
}

/** A bank as an admin makes it, with no required fields, and its questionnaire uploaded (Spanish). */
export async function bankWithQuestionnaire(rig: ReturnType<typeof documentsApi>, name: string, template: Uint8Array): Promise<string> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/gu, '-');
  const r = await rig.api<{ bank: { id: string } }>('POST', '/api/v1/documents/banks', {
    admin: true,
    body: { name, emails: [`credito@${slug}.example`], replySenders: [], phones: [], requiredFields: [] },
  });
  const q = new URLSearchParams({
    fileName: `solicitud-${slug}.docx`,
    name: `Solicitud ${name}`,
    bankId: r.bank.id,
    kind: 'questionnaire',
    lang: 'es',
  });
  await rig.api('POST', `/api/v1/documents/templates/file?${q.toString()}`, { admin: true, bytes: template });
  return r.bank.id;
}
