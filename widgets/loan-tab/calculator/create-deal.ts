// Calculator → deal. The deal is created through the frame AS THE USER (so the portal records them
// as its creator and applies their rights), in the lender's pipeline and linked to the client; then
// our session is bound to it — the server checks with the user's token that they created it just
// now — and the loan is saved on it like the tab saves.
import type { Api } from '../api.js';
import type { FrameBridge } from '../bridge.js';
import type { CreatedDeal } from '../components/app.js';
import type { LoanModel } from '../model.js';
import { addContact, type NewContact } from './portal-crm.js';

export type ClientChoice = { kind: 'existing'; id: string; name: string } | { kind: 'new'; contact: NewContact };

export interface DealRequest {
  model: LoanModel;
  client: ClientChoice;
  /** null: the portal's default pipeline. */
  pipelineId: number | null;
  /** The title for an amount and a client name (deal-title.ts with the user's words and locale). */
  title: (amount: string, clientName: string) => string;
}

export function clientName(c: ClientChoice): string {
  return c.kind === 'existing'
    ? c.name
    : [c.contact.firstName, c.contact.lastName]
        .map((s) => s.trim())
        .filter(Boolean)
        .join(' ');
}

export async function createDealWithLoan(bridge: FrameBridge, api: Api | null, req: DealRequest): Promise<CreatedDeal> {
  // Taken before the first await: what the user saw when they clicked is what goes on the deal.
  const loan = req.model.loanInput.value;
  const productId = req.model.product.value?.code ?? null;
  const currency = req.model.currency;
  const contactId = req.client.kind === 'existing' ? req.client.id : await addContact(bridge, req.client.contact);
  // crm.deal.add (api-reference/crm/deals/crm-deal-add.md): CATEGORY_ID is set once, at creation;
  // CONTACT_IDS links the client; OPPORTUNITY is a dot-decimal string.
  const fields: Record<string, unknown> = {
    TITLE: req.title(loan.principal, clientName(req.client)),
    OPPORTUNITY: loan.principal,
    CURRENCY_ID: currency,
    CONTACT_IDS: [Number(contactId)],
  };
  if (req.pipelineId !== null) fields.CATEGORY_ID = req.pipelineId;
  const dealId = String(await bridge.call<number | string>('crm.deal.add', { fields }));
  if (!api) return { dealId, loanError: 'no session' };
  try {
    await api.bindDeal(dealId);
    await api.saveLoan(dealId, loan, productId);
    return { dealId, loanError: null };
  } catch (e) {
    return { dealId, loanError: e instanceof Error ? e.message : String(e) };
  }
}
