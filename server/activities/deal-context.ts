import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import { getLoanView, type LoanView } from '../loans/operations/get-loan-view.js';
import { fieldText } from '../portal-client/field-text.js';

// Variables for SMS templates and scripts: from the deal (crm.deal.get), its contact (crm.contact.get)
// and our loan (next due date and amount, balance, days overdue) as of today.

export interface DealContext {
  deal: Record<string, unknown>;
  contact: Record<string, unknown> | null;
  phone: string | null;
  vars: Record<string, string>;
  /** Our loan on the deal as of today (terms, schedule), null before one is saved. */
  loan?: LoanView | null;
}

const str = fieldText;

export async function loadDealContext(
  b24: PortalClient,
  db: Kysely<Database>,
  portalId: string,
  dealId: number,
  today: string,
  /** The deal and its contact when the caller read them already (the reminder sends read them in a batch). */
  read?: { deal: Record<string, unknown>; contact: Record<string, unknown> | null },
): Promise<DealContext> {
  const deal = read?.deal ?? (await b24.call<Record<string, unknown>>('crm.deal.get', { id: dealId }));
  const contactId = Number(deal.CONTACT_ID ?? 0);
  const contact = read
    ? read.contact
    : contactId > 0
      ? await b24.call<Record<string, unknown>>('crm.contact.get', { id: contactId })
      : null;
  const phones = Array.isArray(contact?.PHONE) ? (contact.PHONE as { VALUE?: string }[]) : [];
  const phone = phones.find((p) => p.VALUE)?.VALUE ?? null;
  const view = await getLoanView(db, portalId, dealId, today);
  const next = view?.servicing.installments.find((i) => Number(i.outstanding) > 0);
  const vars: Record<string, string> = {
    name: [str(contact?.NAME), str(contact?.LAST_NAME)].filter(Boolean).join(' ') || str(deal.TITLE),
    dealTitle: str(deal.TITLE),
    currency: view?.loan.currency ?? str(deal.CURRENCY_ID),
    principal: view?.loan.principal ?? str(deal.OPPORTUNITY),
    dueDate: next?.dueDate ?? '',
    amount: next?.outstanding ?? '',
    balance: view?.servicing.outstanding.total ?? '',
    daysOverdue: String(view?.servicing.daysPastDue ?? 0),
    contractNumber: str(deal.UF_CRM_LOAN_CONTRACT_NUMBER) || String(dealId),
    payReference: str(deal.UF_CRM_LOAN_PAY_REFERENCE),
    // The deal field the call script fills (manifest dealUserFields LOAN_PAYOUT_CLABE); SMS shows its last 4.
    clabe: str(deal.UF_CRM_LOAN_PAYOUT_CLABE),
    lastPaymentAmount: view?.payments.at(-1)?.amount ?? '',
  };
  return { deal, contact, phone, vars, loan: view };
}
