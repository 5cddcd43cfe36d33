// Install on a Bitrix24 plan without smart processes (crm.type.add answers
// CREATE_DYNAMIC_TYPE_RESTRICTED, crm-type-add.md; the emulator's smartProcessLimit: 0): install
// finishes, the limit is recorded, the app page tells the admin in their language what is
// unavailable, and a loan's sync writes the deal fields only.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../emulator/index.js';
import type { Db } from '../server/db/database.js';
import { createTestDb } from './support/test-db.js';
import { defaultLoanDeps } from '../server/loans/operations/deps.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { sampleTerms } from './support/sample-terms.js';
import { syncLoanToPortal } from '../server/loans/sync/sync-loan.js';
import { resolveSyncTarget } from '../server/loans/sync/target.js';
import { installInto, startApp, TEST_CLIENT, type AppUnderTest } from './support/portal-harness.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { ensureWidgetsBuilt } from './loan-tab-support.js';
import { settingsAppPage } from './settings-app-page.js';

let appUrl = '';
const appUrlPage = settingsAppPage(() => appUrl);

describe('install on a plan without smart processes', () => {
  let em: Emulator;
  let db: Db;
  let a: AppUnderTest;
  let portalId: string;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWidgetsBuilt();
    mkdirSync('test-results', { recursive: true });
    db = await createTestDb();
    em = await createEmulator({ ...TEST_CLIENT, rateLimit: false, smartProcessLimit: 0 }, { extensions: [appUrlPage] });
    a = await startApp(db, { B24_OAUTH_SERVER: em.url });
    appUrl = a.url;
    // Throws unless ONAPPINSTALL and the install frame both answer 200.
    portalId = await installInto(em, a, db);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await a?.close();
    await em?.close();
    await db?.close();
  });

  it('finishes the install with the limit recorded and everything else registered', async () => {
    const row = await db.kysely
      .selectFrom('portals')
      .select(['status', 'plan_limits', 'schedule_entity_type_id', 'manifest_hash'])
      .where('id', '=', portalId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'active', plan_limits: 'smart_process', schedule_entity_type_id: null });
    expect(row.manifest_hash).not.toBeNull();
    expect(em.state.app?.installed).toBe(true);
    expect(em.state.types).toHaveLength(0);
    expect(em.visiblePlacements('CRM_DEAL_DETAIL_TAB').length).toBeGreaterThan(0);
    expect(em.state.dealUserFields.map((f) => f.fieldName)).toContain('UF_CRM_LOAN_BALANCE');
  });

  it.each([
    ['es', 'no se creó el proceso inteligente «Calendario de pagos»'],
    ['en', 'the “Payment schedule” smart process was not created'],
  ])('the app page says what is unavailable (%s)', async (lang, text) => {
    const page = await browser.context.newPage();
    const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(`${a.url}/placements/settings`) });
    await page.goto(`${em.url}/marketplace/app/settings/?user=1&lang=${lang}`);
    const frame = await navigated;
    await frame.waitForSelector('main[data-ready="yes"]');
    const notice = frame.locator('[data-testid="plan-limits"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(text);
    await page.close();
  });

  it('a loan is kept in the app and on the deal fields only', async () => {
    const dealId = em.createDeal({ TITLE: 'Préstamo sin proceso', OPPORTUNITY: '100000', CURRENCY_ID: 'MXN' }).ID;
    const now = () => new Date('2024-03-20T09:00:00Z');
    const saved = await saveLoan(db.kysely, portalId, Number(dealId), { terms: sampleTerms(12) }, { userId: 1 }, defaultLoanDeps({ now }));
    const client = await a.app.getPortalClient(portalId);
    const target = await resolveSyncTarget(db.kysely, portalId, client);
    expect(target.dealOnly).toBe(true);
    const report = await syncLoanToPortal(db.kysely, client, portalId, saved.loanId, target, { now });
    expect(report).toMatchObject({ added: 0, dealUpdated: true, errors: {} });
    const deal = await client.call<Record<string, unknown>>('crm.deal.get', { id: Number(dealId) });
    expect(deal.UF_CRM_LOAN_TERM).toBe('12');
    expect(em.state.types).toHaveLength(0);
  });
});
