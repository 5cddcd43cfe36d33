// A deal as the USER sees it, asked with their own access token: whether they can read it at all
// (placements/routes.ts binds a deal tab's session only to such a deal), and who created it and when
// (session-renewal.ts binds a calculator session only to a deal this user can read and has just created).
// doc: api-reference/crm/deals/crm-deal-get.md — "Who can execute the method: any user with 'read'
// access permission for deals"; CREATED_BY_ID (user), DATE_CREATE (datetime with offset, e.g.
// "2024-08-30T14:29:00+02:00"); a missing deal is HTTP 400 with an empty error code.
import { AppError } from '../errors.js';
import { callWithToken } from '../portal-client/direct-call.js';
import type { DealOrigin } from './session-renewal.js';

/** The three fields we need from a crm.deal.get result; null when any is missing or malformed. */
export function parseDealOrigin(raw: unknown): DealOrigin | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const id = Number(r.ID);
  const createdById = Number(r.CREATED_BY_ID);
  const createdAtMs = typeof r.DATE_CREATE === 'string' ? Date.parse(r.DATE_CREATE) : NaN;
  if (!Number.isInteger(id) || id <= 0 || !Number.isInteger(createdById) || createdById <= 0 || !Number.isFinite(createdAtMs)) return null;
  return { id, createdById, createdAtMs };
}

/**
 * crm.deal.get on the portal's stored client endpoint with the user's token. Any answer from the
 * portal other than the deal (not found, access denied, expired token) → null; no answer at all
 * (network, timeout) → 502 UPSTREAM, so the widget can try again rather than be told "denied".
 */
async function getDealAsUser(clientEndpoint: string, accessToken: string, dealId: number): Promise<unknown> {
  const r = await callWithToken<unknown>(clientEndpoint, 'crm.deal.get', accessToken, { id: dealId });
  if (r.ok) return r.result ?? null;
  if (r.status === 0 || r.status >= 500) throw new AppError('UPSTREAM', `crm.deal.get as user: ${r.error}`, { key: 'PORTAL_NO_ANSWER' });
  return null;
}

export async function readDealAsUser(clientEndpoint: string, accessToken: string, dealId: number): Promise<DealOrigin | null> {
  return parseDealOrigin(await getDealAsUser(clientEndpoint, accessToken, dealId));
}

/** The deal as the tab starts from it: CURRENCY_ID and OPPORTUNITY (a dot-decimal string) as the portal shows them. */
export interface DealSeen {
  id: number;
  currencyId: string | null;
  opportunity: string | null;
}

/**
 * The deal when the portal shows it to this user (the deal tabs' check before a deal-bound session),
 * else null. What the check read is handed to the tab, so it need not ask the portal again.
 */
export async function dealSeenByUser(clientEndpoint: string, accessToken: string, dealId: number): Promise<DealSeen | null> {
  const raw = await getDealAsUser(clientEndpoint, accessToken, dealId);
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (Number(r.ID) !== dealId) return null;
  const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
  return { id: dealId, currencyId: text(r.CURRENCY_ID), opportunity: text(r.OPPORTUNITY) };
}
