// What the loan-tab prepayment tests share: a deal with a six-month loan saved from the tab, and the
// loan as the server answers it (GET …/loan with a session for the deal).
import type { Frame, Page } from 'playwright-core';
import type { LoanTabRig } from './loan-tab-rig.js';

export interface LoanViewSeen {
  version: number;
  schedule: { installmentAmount: string; rows: unknown[] };
  payments: unknown[];
}

export function loanViewOf(rig: LoanTabRig, dealId: number): Promise<LoanViewSeen> {
  return rig.loanView(dealId);
}

/** A new deal titled `title`, its tab opened in the locale on the viewport, six installments saved. */
export async function sixMonthLoanTab(
  rig: LoanTabRig,
  c: { lang: string; currency: string; save: string; saved: string },
  title: string,
  vp: { width: number; height: number },
): Promise<{ dealId: number; page: Page; frame: Frame }> {
  const { dealId, page, frame } = await rig.openNewDeal({ title, opportunity: '60000', currency: c.currency }, c.lang, vp);
  await frame.fill('input[name=installments]', '6');
  await frame.click(`button:has-text("${c.save}")`);
  await frame.waitForSelector(`.lt-ok:has-text("${c.saved}")`);
  return { dealId, page, frame };
}
