// What the Documents tab's browser tests share: the platform installed with the demo's field catalog and
// Chromium (startDocumentsTabRig), our API called as the tab's session (or an admin's) would, and the
// tab opened from the emulator's deal card in a browser locale and viewport.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { documentsTabPlacement } from '../../placements/documents-tab.js';
import { DEMO_CATALOG } from '../../scripts/demo/document-packs.js';
import { chromiumBrowser } from './chromium.js';
import { ensureWidgetsBuilt } from '../loan-tab-support.js';
import { startPlatform, type Platform } from './portal-harness.js';

/** Where the Documents tab's tests leave their screenshots. */
export const DOCUMENTS_TAB_SHOTS = process.env.DOCUMENTS_TAB_SHOTS ?? join(tmpdir(), 'documents-tab-shots');

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
    /** The JSON answer; anything but 200 (or 202, work accepted) throws with its body. */
    async api<T>(method: string, path: string, o: CallOptions = {}): Promise<T> {
      const r = await call(method, path, o);
      const json = (await r.json()) as T;
      if (r.status !== 200 && r.status !== 202) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
      return json;
    },
  };
}

export interface DocumentsTabRig {
  p: Platform;
  portalId: string;
  browser: Browser;
  close(): Promise<void>;
}

export interface DocumentsTabRigOptions {
  env?: Record<string, string>;
  catalog?: boolean;
}

/**
 * Inside a describe: one rig for its tests, started in a beforeAll (a describe's own beforeAll registered
 * after this call finds it started) and closed after them; `p`, `portalId` and `browser` read the running
 * rig, `api`/`call` talk to it as the tab's session or an admin would.
 */
export function useDocumentsTabRig(o: DocumentsTabRigOptions = {}) {
  let tab: DocumentsTabRig | undefined;
  const started = (): DocumentsTabRig => {
    if (!tab) throw new Error('the Documents tab rig starts in beforeAll');
    return tab;
  };
  beforeAll(async () => {
    tab = await startDocumentsTabRig(o);
  }, 180_000);
  afterAll(async () => {
    await tab?.close();
  }, 60_000);
  return {
    ...documentsApi(
      () => started().p,
      () => started().portalId,
    ),
    get p(): Platform {
      return started().p;
    },
    get portalId(): string {
      return started().portalId;
    },
    get browser(): Browser {
      return started().browser;
    },
  };
}

/**
 * The widgets built, the platform started (`env` as startPlatform takes it) with the app installed, the
 * demo's field catalog published as an administrator would (unless `catalog: false`), and Chromium.
 */
export async function startDocumentsTabRig(o: DocumentsTabRigOptions = {}): Promise<DocumentsTabRig> {
  mkdirSync(DOCUMENTS_TAB_SHOTS, { recursive: true });
  await ensureWidgetsBuilt();
  const p = await startPlatform(o.env ? { env: o.env } : {});
  const portalId = await p.install();
  if (o.catalog !== false) {
    const { api } = documentsApi(
      () => p,
      () => portalId,
    );
    await api('PUT', '/api/v1/documents/catalog/draft', { admin: true, body: { fields: DEMO_CATALOG } });
    await api('POST', '/api/v1/documents/catalog/publish', { admin: true });
  }
  const browser = await chromiumBrowser();
  return {
    p,
    portalId,
    browser,
    async close() {
      await browser.close();
      await p.close();
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
  const bankId = await addBank(rig, { name, emails: [`credito@${slug}.example`] });
  const q = new URLSearchParams({
    fileName: `solicitud-${slug}.docx`,
    name: `Solicitud ${name}`,
    bankId,
    kind: 'questionnaire',
    lang: 'es',
  });
  await rig.api('POST', `/api/v1/documents/templates/file?${q.toString()}`, { admin: true, bytes: template });
  return bankId;
}

export interface NewBank {
  name: string;
  emails: readonly string[];
  phones?: readonly string[];
  replySenders?: readonly string[];
  requiredFields?: readonly string[];
  messageTemplate?: unknown;
  dealCurrencies?: readonly string[];
}

/** A bank added to the directory as an administrator would; what the test leaves out is empty. Its id. */
export async function addBank(rig: ReturnType<typeof documentsApi>, bank: NewBank): Promise<string> {
  const body = { replySenders: [], phones: [], requiredFields: [], ...bank };
  return (await rig.api<{ bank: { id: string } }>('POST', '/api/v1/documents/banks', { admin: true, body })).bank.id;
}
