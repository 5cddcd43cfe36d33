import type { DealContext } from '../deal-context.js';

/** The {{names}} call-script texts use (templates/call-scripts "variables"), from deal, contact and loan. */
export function callScriptVars(dc: DealContext, companyName: string): Record<string, string> {
  const v = dc.vars;
  const out: Record<string, string> = {
    client_name: v.name ?? '',
    company_name: companyName,
    amount: v.principal ?? '',
    currency: v.currency ?? '',
    next_payment: v.amount ?? '',
    first_due_date: v.dueDate ?? '',
    balance: v.balance ?? '',
    days_overdue: v.daysOverdue ?? '',
  };
  return Object.fromEntries(Object.entries(out).filter(([, x]) => x !== ''));
}
