// Issue 14 item 4 in Chromium: a reminder that could not go (the deal's client has no phone) shows on
// the app page's reminder section — where the admin who set reminders up looks, and whose fixes (the
// lender's details, the provider, the rules) cause or cure most failures — with its reason in the
// admin's language (es-MX, ru-RU; desktop and 390 px). Retry puts it back in the send queue: the row
// leaves the list, the reminder is pending with a send job, and the send job decides again.
// Screenshots in /tmp/shots-reminders/.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLoanDeps } from '../server/loans/operations/deps.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { planReminders } from '../server/reminders/plan.js';
import { saveReminderSettings } from '../server/reminders/settings-repo.js';
import { launchChromium } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';
import { lifecycleClockWorker } from './support/app-worker.js';
import { sampleTerms } from './support/sample-terms.js';
import { seen } from './loan-tab-viewports.js';

const SHOTS = '/tmp/shots-reminders';
/** 10:00 in Mexico City on the due day: inside CONDUSEF's hours, so only the missing phone stops it. */
const SEND_AT = new Date('2026-11-20T16:00:00Z');

const cases = [
  { locale: 'es-MX', lang: 'es', reason: 'Motivo: El contacto de la negociación no tiene número de teléfono.', retry: 'Reintentar' },
  { locale: 'ru-RU', lang: 'ru', reason: 'Причина: У контакта сделки нет номера телефона.', retry: 'Повторить' },
] as const;

describe('failed reminders on the app page', () => {
  let portal: SettingsPortal;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    portal = await startSettingsPortal();
    await saveReminderSettings(
      portal.db.kysely,
      portal.portalId,
      { offsets: [0], clientSms: true, employee: false, timeZone: 'America/Mexico_City', law: 'MX', smsProvider: null },
      1,
    );
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  /** A deal whose client has no phone, its reminder planned and sent by the app's job table: it fails. */
  async function failedReminder(title: string): Promise<{ dealId: number; key: string }> {
    const { db, portalId } = portal;
    const dealId = Number(portal.em.createDeal({ TITLE: title, ASSIGNED_BY_ID: 1, CURRENCY_ID: 'MXN' }).ID);
    const terms = sampleTerms(6, {
      currency: 'MXN',
      principal: '12000',
      contractDate: '2026-10-20',
      disbursementDate: '2026-10-20',
      firstDueDate: '2026-11-20',
    });
    await saveLoan(db.kysely, portalId, dealId, { terms }, { userId: 1 }, defaultLoanDeps({ now: () => new Date('2026-10-20T15:00:00Z') }));
    await planReminders(db.kysely, portalId, SEND_AT);
    await lifecycleClockWorker(portal, SEND_AT).drain();
    const row = await db.kysely
      .selectFrom('reminders')
      .select(['key', 'status'])
      .where('portal_id', '=', portalId)
      .where('deal_id', '=', dealId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    return { dealId, key: row.key };
  }

  for (const c of cases)
    for (const phone of [false, true]) {
      const size = phone ? '390' : 'desktop';
      it(`${c.locale} ${size}: listed with its reason in the admin's language; Retry sends it back to the queue`, async () => {
        const { dealId, key } = await failedReminder(`Sin teléfono ${c.lang} ${size}`);
        const browser = await launchChromium({ locale: c.locale });
        try {
          const page = await browser.context.newPage();
          if (phone) await page.setViewportSize({ width: 390, height: 844 });
          const frame = await portal.open(page, c.lang, '[data-testid="reminders"][data-ready="yes"]');
          const item = frame.locator(`[data-testid="failed-reminder"][data-key="${key}"]`);
          await item.waitFor();
          expect(seen(await item.locator('[data-testid="failed-reason"]').textContent())).toBe(c.reason);
          expect(seen(await item.textContent())).toContain(`#${dealId}`);
          await item.scrollIntoViewIfNeeded();
          await frame.locator('[data-testid="failed-reminders"]').screenshot({ path: `${SHOTS}/failed-${c.lang}-${size}.png` });
          await item.locator(`button:has-text("${c.retry}")`).click();
          await expect.poll(() => item.count()).toBe(0);
          const row = await portal.db.kysely
            .selectFrom('reminders')
            .select(['status', 'note', 'reason'])
            .where('portal_id', '=', portal.portalId)
            .where('key', '=', key)
            .executeTakeFirstOrThrow();
          expect(row).toEqual({ status: 'pending', note: null, reason: null });
          const jobs = await portal.db.kysely
            .selectFrom('outbox_jobs')
            .select('status')
            .where('kind', '=', 'reminders.send')
            .where('idempotency_key', 'like', `%${key}:at:%`)
            .execute();
          expect(jobs).toEqual([{ status: 'pending' }]);
          // Still no phone: the send job fails it again, with its reason — back on the list.
          await lifecycleClockWorker(portal, SEND_AT).drain();
          const again = await portal.db.kysely
            .selectFrom('reminders')
            .select('status')
            .where('portal_id', '=', portal.portalId)
            .where('key', '=', key)
            .executeTakeFirstOrThrow();
          expect(again.status).toBe('failed');
        } finally {
          await browser.close();
        }
      }, 120_000);
    }
});
