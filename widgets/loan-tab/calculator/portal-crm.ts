// The calculator's REST calls, made through the frame AS THE USER (their rights, their name on what
// they create). Each names the doc page it follows. Only what the calculator needs is read back.
import type { FrameBridge } from '../bridge.js';

export interface Pipeline {
  id: number;
  name: string;
}

export interface ContactHit {
  id: string;
  name: string;
  phone: string;
}

export interface NewContact {
  firstName: string;
  lastName: string;
  phone: string;
}

/** What these calls need of the frame: one REST call as the user. */
type Portal = Pick<FrameBridge, 'call'>;

const ENTITY_DEAL = 2;

/**
 * crm.currency.list (api-reference/crm/currency/crm-currency-list.md): the portal's currencies.
 * Only users with access to CRM settings may list them: null for the others (the calculator then
 * offers the base currency and the products' own).
 */
export async function listPortalCurrencies(portal: Portal): Promise<string[] | null> {
  try {
    const rows = await portal.call<Array<{ CURRENCY?: string }>>('crm.currency.list', { order: { SORT: 'ASC' } });
    return rows.flatMap((r) => (typeof r.CURRENCY === 'string' && r.CURRENCY ? [r.CURRENCY] : []));
  } catch {
    return null;
  }
}

/** crm.category.list (api-reference/crm/universal/category/crm-category-list.md): the deal pipelines. */
export async function listDealPipelines(portal: Portal): Promise<Pipeline[]> {
  try {
    const r = await portal.call<{ categories?: Array<{ id?: number | string; name?: string }> }>('crm.category.list', {
      entityTypeId: ENTITY_DEAL,
    });
    return (r.categories ?? []).flatMap((c) => (c.id === undefined ? [] : [{ id: Number(c.id), name: String(c.name ?? c.id) }]));
  } catch {
    return [];
  }
}

/**
 * The pipeline the calculator was opened from: CRM_DEAL_LIST_MENU's PLACEMENT_OPTIONS carry the
 * row's deal ID (shared contract.md, placement table), and a deal list shows one pipeline, so the row's
 * CATEGORY_ID (crm.deal.get, api-reference/crm/deals/crm-deal-get.md) is the list's pipeline.
 */
export async function pipelineOfDeal(portal: Portal, dealId: string | undefined): Promise<number | null> {
  if (!dealId) return null;
  try {
    const d = await portal.call<{ CATEGORY_ID?: string | number }>('crm.deal.get', { id: dealId });
    return d.CATEGORY_ID === undefined ? null : Number(d.CATEGORY_ID);
  } catch {
    return null;
  }
}

function nameOf(c: { NAME?: string; LAST_NAME?: string }): string {
  return [c.NAME, c.LAST_NAME].filter((s) => typeof s === 'string' && s !== '').join(' ');
}

/**
 * crm.contact.list (api-reference/crm/contacts/crm-contact-list.md): PHONE matches exactly only,
 * names by substring ('%' prefix); no OR in one filter, so phone and name are separate calls.
 */
export async function findContacts(portal: Portal, query: string): Promise<ContactHit[]> {
  const q = query.trim();
  if (!q) return [];
  const select = ['ID', 'NAME', 'LAST_NAME', 'PHONE'];
  const filters: Record<string, string>[] = /^[+\d][\d\s()-]{4,}$/.test(q)
    ? [{ PHONE: q.replace(/[\s()-]/g, '') }]
    : [{ '%LAST_NAME': q }, { '%NAME': q }];
  const found = new Map<string, ContactHit>();
  for (const filter of filters) {
    const rows = await portal.call<Array<{ ID: string; NAME?: string; LAST_NAME?: string; PHONE?: Array<{ VALUE?: string }> }>>(
      'crm.contact.list',
      {
        filter,
        select,
        order: { LAST_NAME: 'ASC' },
      },
    );
    for (const r of rows) found.set(String(r.ID), { id: String(r.ID), name: nameOf(r) || `#${r.ID}`, phone: r.PHONE?.[0]?.VALUE ?? '' });
  }
  return [...found.values()].slice(0, 10);
}

/** crm.contact.add (api-reference/crm/contacts/crm-contact-add.md): PHONE is a multi-field list. */
export async function addContact(portal: Portal, c: NewContact): Promise<string> {
  const fields: Record<string, unknown> = { NAME: c.firstName.trim(), LAST_NAME: c.lastName.trim() };
  if (c.phone.trim()) fields.PHONE = [{ VALUE: c.phone.trim(), VALUE_TYPE: 'MOBILE' }];
  return String(await portal.call<number | string>('crm.contact.add', { fields }));
}
