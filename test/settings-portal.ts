// A portal with the app installed, for browser tests of the app page: the emulator (demo data, its
// /marketplace/app/settings/ page from settings-app-page.ts), the app on a fresh test database, the
// widgets built. `open` loads the portal page in a language and waits for a section of the app's
// frame to be ready.
import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { createEmulator, type Emulator, type EmulatorOptions } from '../emulator/index.js';
import type { Db } from '../server/db/database.js';
import { createTestDb } from './support/test-db.js';
import { installInto, startApp, TEST_CLIENT, type AppUnderTest } from './support/portal-harness.js';
import { ensureWidgetsBuilt } from './loan-tab-support.js';
import { settingsAppPage } from './settings-app-page.js';

export interface SettingsPortal {
  em: Emulator;
  db: Db;
  a: AppUnderTest;
  portalId: string;
  /** A bearer session of the portal's admin (user 1), for reading back what the screen stored. */
  adminBearer(): string;
  /** An API call as the portal's admin; anything but 200 throws with the answer. */
  adminApi<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Loads the portal's app page in `lang` as `user` (default 1, an admin) and waits for `ready` in the app's frame. */
  open(page: Page, lang: string, ready: string, user?: number): Promise<Frame>;
  close(): Promise<void>;
}

/** `emulator`: options over the default portal (demo data seeded, no rate limit). */
export async function startSettingsPortal(o: { emulator?: Partial<EmulatorOptions> } = {}): Promise<SettingsPortal> {
  await ensureWidgetsBuilt();
  mkdirSync('test-results', { recursive: true });
  let appUrl = '';
  const db = await createTestDb();
  const em = await createEmulator(
    { ...TEST_CLIENT, rateLimit: false, seedDemoData: true, ...o.emulator },
    { extensions: [settingsAppPage(() => appUrl)] },
  );
  const a = await startApp(db, { B24_OAUTH_SERVER: em.url });
  appUrl = a.url;
  const portalId = await installInto(em, a, db);
  const adminBearer = () => `Bearer ${a.app.sessions.issue({ portalId, userId: 1, isAdmin: true })}`;
  return {
    em,
    db,
    a,
    portalId,
    adminBearer,
    async adminApi<T>(method: string, path: string, body?: unknown): Promise<T> {
      const r = await fetch(`${a.url}${path}`, {
        method,
        headers: { authorization: adminBearer(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (r.status !== 200) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
    async open(page, lang, ready, user = 1) {
      const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(`${a.url}/placements/settings`) });
      await page.goto(`${em.url}/marketplace/app/settings/?user=${user}&lang=${lang}`);
      const frame = await navigated;
      await frame.waitForSelector(ready);
      return frame;
    },
    async close() {
      await a.close();
      await em.close();
      await db.close();
    },
  };
}
