import type { Executor } from '../../db/executor.js';
import { loadLoanStateByDeal } from '../../loans/operations/loan-state.js';
import type { PortalClient } from '../../portal-client/portal-client.js';
import { fieldText } from '../../portal-client/field-text.js';
import type { TemplateFacts, TemplateLoan } from './bank-template.js';

// What a bank message's template is filled with, read once per preview: the deal's title and its
// client from the portal, and the loan saved on the deal from our database — its principal in its
// currency and its number of payments as the schedule the loan tab shows has them (one computation).
// doc: api-reference/crm/deals/crm-deal-get.md (TITLE, CONTACT_ID, COMPANY_ID);
// doc: api-reference/crm/contacts/crm-contact-get.md (NAME, SECOND_NAME, LAST_NAME).

export type DealFacts = Omit<TemplateFacts, 'bank' | 'manager'>;

export async function loadDealFacts(
  portal: Pick<PortalClient, 'call'>,
  db: Executor,
  portalId: string,
  dealId: number,
): Promise<DealFacts> {
  const deal = await portal.call<Record<string, unknown>>('crm.deal.get', { id: dealId });
  const contactId = Number(deal.CONTACT_ID ?? 0);
  const contact = contactId > 0 ? await portal.call<Record<string, unknown>>('crm.contact.get', { id: contactId }) : null;
  const client = [contact?.NAME, contact?.SECOND_NAME, contact?.LAST_NAME].map(fieldText).filter(Boolean).join(' ');
  return { dealId, dealTitle: fieldText(deal.TITLE), client, loan: await savedLoan(db, portalId, dealId) };
}

async function savedLoan(db: Executor, portalId: string, dealId: number): Promise<TemplateLoan | null> {
  const state = await loadLoanStateByDeal(db, portalId, dealId);
  if (!state) return null;
  const f = state.loan.terms.frequency;
  return {
    principal: state.loan.principal,
    currency: state.loan.currency,
    installments: state.schedule.rows.length,
    frequency: { unit: f?.unit ?? 'month', every: f?.every ?? 1 },
  };
}
