// What the loan-tab prepayment tests share: a deal with a six-month loan saved from the tab, and the
// loan as the server answers it (GET …/loan with a session for the deal).
import type { Frame, Page } from 'playwright-core';
import type { LoanTabRig } from './loan-tab-rig.js';

export interface LoanViewSeen {
  version: number;
  schedule: { installmentAmount: string; rows: unknown[] };
  payments: unknown[];
}

export async function loanViewOf(rig: LoanTabRig, dealId: number): Promise<LoanViewSeen> {
  const token = rig.p.a.app.sessions.issue({ portalId: rig.portalId, userId: 1, dealId, isAdmin: false });
  const r = await fetch(`${rig.p.a.url}/api/v1/deals/${dealId}/loan`, { headers: { authorization: `Bearer ${token}` } });
  return (await r.json()) as LoanViewSeen;
}

/** A new deal titled `title`, its tab opened in the locale on the viewport, six installments saved. */
export async function sixMonthLoanTab(
  rig: LoanTabRig,
  c: { lang: string; currency: string; save: string; saved: string },
  title: string,
  vp: { width: number; height: number },
): Promise<{ dealId: number; page: Page; frame: Frame }> {
  const dealId = Number(
    await rig.p.portalCall('crm.deal.add', { fields: { TITLE: title, OPPORTUNITY: '60000', CURRENCY_ID: c.currency } }),
  );
  const { page, frame } = await rig.openTab(dealId, c.lang);
  await page.setViewportSize({ width: vp.width, height: vp.height });
  await frame.fill('input[name=installments]', '6');
  await frame.click(`button:has-text("${c.save}")`);
  await frame.waitForSelector(`.lt-ok:has-text("${c.saved}")`);
  return { dealId, page, frame };
}
