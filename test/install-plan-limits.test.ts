// Install on a Bitrix24 plan without smart processes (crm.type.add answers
// CREATE_DYNAMIC_TYPE_RESTRICTED, crm-type-add.md; the emulator's smartProcessLimit: 0): install
// finishes, the limit is recorded, the app page tells the admin in their language what is
// unavailable, and a loan's sync writes the deal fields only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index.js';
import type { Db } from '../server/db/database.js';
import { defaultLoanDeps } from '../server/loans/operations/deps.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { sampleTerms } from './support/sample-terms.js';
import { syncLoanToPortal } from '../server/loans/sync/sync-loan.js';
import { resolveSyncTarget } from '../server/loans/sync/target.js';
import type { AppUnderTest } from './support/portal-harness.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';

describe('install on a plan without smart processes', () => {
  let portal: SettingsPortal;
  let em: Emulator;
  let db: Db;
  let a: AppUnderTest;
  let portalId: string;
  let browser: Browser;

  beforeAll(async () => {
    // Throws unless ONAPPINSTALL and the install frame both answer 200.
    portal = await startSettingsPortal({ emulator: { seedDemoData: false, smartProcessLimit: 0 } });
    ({ em, db, a, portalId } = portal);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
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
    const frame = await portal.open(page, lang, 'main[data-ready="yes"]');
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
