// QA: the Loan tab of the demo's RU-MFO microloan (scripts/demo/portfolio.ts, deal 16) showed only
// "Cannot read properties of undefined (reading 'unit')": the loan is saved as the API allows a
// single-payment loan — one explicit due date and no frequency — and the tab read frequency.unit.
// The tab in ru-RU now shows the one payment on its due date, and no raw JS error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatters } from '../widgets/loan-tab/format.js';
import { startLoanTabRig, type LoanTabRig } from './loan-tab-rig.js';

const today = new Date().toISOString().slice(0, 10);
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('a saved single-payment RU-MFO microloan without a frequency (demo deal 16)', () => {
  let rig: LoanTabRig;
  beforeAll(async () => {
    rig = await startLoanTabRig({ locale: 'ru-RU' });
  }, 180_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('opens in ru with its one payment on the due date', async () => {
    const dealId = Number(
      await rig.p.portalCall('crm.deal.add', { fields: { TITLE: 'Микрозайм', OPPORTUNITY: '15000', CURRENCY_ID: 'RUB' } }),
    );
    const issued = addDays(today, -5);
    const token = rig.p.a.app.sessions.issue({ portalId: rig.portalId, userId: 1, dealId, isAdmin: false });
    const r = await fetch(`${rig.p.a.url}/api/v1/deals/${dealId}/loan`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        loan: {
          principal: '15000',
          currency: 'RUB',
          contractDate: issued,
          disbursementDate: issued,
          method: 'single-payment',
          rate: { dailyPercent: '0.8' },
          installments: 1,
          dueDates: [addDays(issued, 30)],
          dayCount: 'actual/365',
          profile: 'RU-MFO',
        },
      }),
    });
    expect(r.status).toBe(200);
    const { page, frame } = await rig.openTab(dealId, 'ru');
    const body = (await frame.locator('body').innerText()) ?? '';
    expect(body).not.toContain('Cannot read');
    expect(await frame.locator('[data-error]').count()).toBe(0);
    expect(await frame.inputValue('select[name=method]')).toBe('single-payment');
    const rows = frame.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await rows.first().innerText()).toContain(formatters('ru', 'RUB').date(addDays(issued, 30)));
    await page.close();
  });
});
