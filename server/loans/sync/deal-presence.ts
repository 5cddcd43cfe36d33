import { AppError } from '../../errors.js';
import type { PortalGateway } from '../portal-gateway.js';

/** One command's error inside a v2 batch answer. */
export interface CommandError {
  code: string;
  description: string;
}

/**
 * True when a portal answer says the record does not exist. crm.item.* answer `NOT_FOUND`
 * (doc: api-reference/crm/universal/crm-item-update.md, crm-item-delete.md: "Item not found" /
 * "Element not found"); the legacy crm.deal.* answer an EMPTY code with "Not found" (doc:
 * api-reference/crm/deals/crm-deal-get.md, crm-deal-update.md; contract.md §7.1). A missing method
 * (ERROR_METHOD_NOT_FOUND) or a denied read is not a missing record.
 */
export function isRecordNotFound(e: CommandError): boolean {
  if (e.code === 'NOT_FOUND') return true;
  return e.code === '' && /^not found\.?$/i.test(e.description.trim());
}

/** The legacy deal methods' "does not exist" answer: empty code, "Not found". */
export function isDealNotFound(e: CommandError): boolean {
  return e.code === '' && /^not found\.?$/i.test(e.description.trim());
}

/**
 * Asks the portal whether a deal exists (crm.deal.get). Sent as a one-command v2 batch so every
 * gateway (PortalClient, HttpGateway, fakes) reports the command's error the same way instead of
 * throwing its own error type. false only on the documented "Not found"; any other error (access
 * denied, outage) throws, so the caller retries rather than closing a loan on a guess.
 */
export async function dealExists(gateway: PortalGateway, dealId: number): Promise<boolean> {
  const out = await gateway.batch({ deal: { method: 'crm.deal.get', params: { id: dealId } } });
  const err = out.errors.deal;
  if (!err) return true;
  if (isDealNotFound(err)) return false;
  throw new AppError('UPSTREAM', `crm.deal.get ${dealId}: ${err.code} ${err.description}`);
}
