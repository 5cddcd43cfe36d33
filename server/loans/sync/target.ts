import { AppError } from '../../errors.js';
import { loadManifest, spaItemFieldName, type ManifestScheduleField } from '../../manifest/manifest.js';
import type { Executor } from '../../db/executor.js';
import type { PortalGateway } from '../portal-gateway.js';
import { parsePlanLimits, scheduleItemsUnavailable } from '../../portals/plan-limits.js';
import type { InstallmentStatusWord } from '../../../lending/index.js';
import { portalLang, type PortalLang } from './item-text.js';

/** Where and under which names the schedule and the deal fields are written in a portal. */
export interface SyncTarget {
  /** entityTypeId of the "Payment schedule" smart process (found by the platform at install). */
  entityTypeId: number;
  /** Deal user fields (app.manifest.json dealUserFields, FIELD_NAME prefixed with UF_CRM_). */
  dealFields: {
    rate: string;
    term: string;
    nextDueDate: string;
    nextAmount: string;
    balance: string;
    daysPastDue: string;
    status: string;
  };
  /**
   * Smart-process item user fields (camelCase crm.item names): the ones install creates from
   * app.manifest.json scheduleFields, ufCrm<typeId><Name> (see scheduleItemFields). null when they
   * are unknown: the title, dates, opportunity and stage carry the essentials regardless.
   */
  itemFields: {
    installment: string;
    principal: string;
    interest: string;
    fees: string;
    total: string;
    paid: string;
    outstanding: string;
    status: string;
    balanceAfter: string;
    loanId: string;
  } | null;
  /**
   * The per-component split of each item (VAT, penalty, and what was paid on each component): its own
   * fields, so an older install without them still gets the rest. null when unknown.
   */
  splitFields: SplitFields | null;
  /** Stage id per status, when the smart process has stages for them (else the stage is left alone). */
  stageIds: Partial<Record<InstallmentStatus, string>> | null;
  /**
   * The portal's plan allows no schedule items (server/portals/plan-limits.ts): the schedule stays
   * in the app and the sync writes the deal fields only; entityTypeId is then not to be used.
   */
  dealOnly?: true;
  /** The portal's language (app.info LANGUAGE_ID): titles, dates, money and statuses are written in it. */
  lang: PortalLang;
}

export type InstallmentStatus = InstallmentStatusWord;

export interface SplitFields {
  vat: string;
  penalty: string;
  paidPrincipal: string;
  paidInterest: string;
  paidFees: string;
  paidVat: string;
  paidPenalty: string;
}

export const DEFAULT_DEAL_FIELDS: SyncTarget['dealFields'] = {
  rate: 'UF_CRM_LOAN_RATE',
  term: 'UF_CRM_LOAN_TERM',
  nextDueDate: 'UF_CRM_LOAN_NEXT_DUE_DATE',
  nextAmount: 'UF_CRM_LOAN_NEXT_AMOUNT',
  balance: 'UF_CRM_LOAN_BALANCE',
  daysPastDue: 'UF_CRM_LOAN_DAYS_PAST_DUE',
  status: 'UF_CRM_LOAN_STATUS',
};

/** Names for fakes and unit tests only: a portal has no such fields (install creates ufCrm<typeId>…, see scheduleItemFields). */
export const DEFAULT_ITEM_FIELDS: NonNullable<SyncTarget['itemFields']> = {
  installment: 'ufCrmLoanInstallment',
  principal: 'ufCrmLoanPrincipal',
  interest: 'ufCrmLoanInterest',
  fees: 'ufCrmLoanFees',
  total: 'ufCrmLoanTotal',
  paid: 'ufCrmLoanPaid',
  outstanding: 'ufCrmLoanOutstanding',
  status: 'ufCrmLoanStatus',
  balanceAfter: 'ufCrmLoanBalanceAfter',
  loanId: 'ufCrmLoanId',
};

export const DEFAULT_SPLIT_FIELDS: SplitFields = {
  vat: 'ufCrmLoanVat',
  penalty: 'ufCrmLoanPenalty',
  paidPrincipal: 'ufCrmLoanPaidPrincipal',
  paidInterest: 'ufCrmLoanPaidInterest',
  paidFees: 'ufCrmLoanPaidFees',
  paidVat: 'ufCrmLoanPaidVat',
  paidPenalty: 'ufCrmLoanPaidPenalty',
};

export function defaultSyncTarget(entityTypeId: number, lang: PortalLang = 'en'): SyncTarget {
  return {
    entityTypeId,
    dealFields: DEFAULT_DEAL_FIELDS,
    itemFields: DEFAULT_ITEM_FIELDS,
    splitFields: DEFAULT_SPLIT_FIELDS,
    stageIds: null,
    lang,
  };
}

type ItemFields = NonNullable<SyncTarget['itemFields']>;
// SyncTarget key ← manifest scheduleFields key.
const MANIFEST_KEYS: Record<keyof ItemFields, string> = {
  installment: 'installmentNo',
  principal: 'principal',
  interest: 'interest',
  fees: 'fees',
  total: 'total',
  paid: 'paid',
  outstanding: 'outstanding',
  status: 'status',
  balanceAfter: 'balanceAfter',
  loanId: 'loanId',
};

/**
 * The crm.item names of the fields install created on the smart process whose crm.type `id` is
 * typeId (server/manifest/spa-fields.ts): deterministic, so nothing is stored besides the type.
 * null when the manifest lacks one of them (the sync then writes only the standard fields).
 */
export function scheduleItemFields(typeId: number, fields: ManifestScheduleField[] = loadManifest().scheduleFields): ItemFields | null {
  return fieldNames(typeId, MANIFEST_KEYS, fields);
}

function fieldNames<K extends string>(typeId: number, keys: Record<K, string>, fields: ManifestScheduleField[]): Record<K, string> | null {
  const byKey = new Map(fields.map((f) => [f.key, f.name]));
  const out: Partial<Record<K, string>> = {};
  for (const [k, mk] of Object.entries(keys) as [K, string][]) {
    const name = byKey.get(mk);
    if (!name) return null;
    out[k] = spaItemFieldName(typeId, name);
  }
  return out as Record<K, string>;
}

// SplitFields key ← manifest scheduleFields key.
const SPLIT_KEYS: Record<keyof SplitFields, string> = {
  vat: 'vat',
  penalty: 'penalty',
  paidPrincipal: 'paidPrincipal',
  paidInterest: 'paidInterest',
  paidFees: 'paidFees',
  paidVat: 'paidVat',
  paidPenalty: 'paidPenalty',
};

/** The crm.item names of the split fields install created; null when the manifest lacks one. */
export function scheduleSplitFields(typeId: number, fields: ManifestScheduleField[] = loadManifest().scheduleFields): SplitFields | null {
  return fieldNames(typeId, SPLIT_KEYS, fields);
}

/** The target for a smart process whose crm.type id is known: the fields install created. */
export function installedSyncTarget(entityTypeId: number, typeId: number, lang: PortalLang = 'en'): SyncTarget {
  return {
    entityTypeId,
    dealFields: DEFAULT_DEAL_FIELDS,
    itemFields: scheduleItemFields(typeId),
    splitFields: scheduleSplitFields(typeId),
    stageIds: null,
    lang,
  };
}

// crm.type id per portal and entityTypeId: it never changes for a smart process, so one lookup
// per process is enough (bounded: one entry per portal).
const typeIds = new Map<string, number>();

async function typeIdOf(gw: PortalGateway, portalId: string, entityTypeId: number): Promise<number | null> {
  const key = `${portalId}|${entityTypeId}`;
  const known = typeIds.get(key);
  if (known !== undefined) return known;
  // doc: api-reference/crm/universal/user-defined-object-types/crm-type-list.md. UNVERIFIED(b24): that
  // the filter takes entityTypeId; the answer is matched here too, so an ignored filter still works
  // while the portal has at most 50 smart processes.
  const res = await gw.call<{ types?: { id: number | string; entityTypeId: number | string }[] }>('crm.type.list', {
    filter: { entityTypeId },
  });
  const t = res.types?.find((x) => Number(x.entityTypeId) === entityTypeId);
  if (!t) return null;
  if (typeIds.size > 10_000) typeIds.clear();
  typeIds.set(key, Number(t.id));
  return Number(t.id);
}

// The portal's language per portal: asked once per process (app.info), bounded like typeIds. A portal
// whose language changes is written in the new one after a restart.
const langs = new Map<string, PortalLang>();

async function langOf(gw: PortalGateway, portalId: string): Promise<PortalLang> {
  const known = langs.get(portalId);
  if (known !== undefined) return known;
  // doc: api-reference/common/system/app-info.md — result.LANGUAGE_ID, the portal's language.
  // Words are not worth a failed sync: unanswered, this run writes English and the next one asks again.
  const res = await gw.call<{ LANGUAGE_ID?: string }>('app.info', {}).catch(() => null);
  if (!res) return 'en';
  const lang = portalLang(res.LANGUAGE_ID);
  if (langs.size > 10_000) langs.clear();
  langs.set(portalId, lang);
  return lang;
}

/**
 * The portal's target from the platform's portals row (schedule_entity_type_id set at install).
 * With a gateway, the item user fields are the ones install created (their names need the crm.type
 * id, looked up once); without one they are left out.
 */
export async function resolveSyncTarget(db: Executor, portalId: string, gw?: PortalGateway): Promise<SyncTarget> {
  const row = await db
    .selectFrom('portals')
    .select(['schedule_entity_type_id', 'plan_limits'])
    .where('id', '=', portalId)
    .executeTakeFirst();
  const id = row?.schedule_entity_type_id;
  if (scheduleItemsUnavailable(parsePlanLimits(row?.plan_limits)))
    // The deal's status is written in the portal's language there too.
    return {
      ...defaultSyncTarget(Number(id ?? 0), gw ? await langOf(gw, portalId) : 'en'),
      itemFields: null,
      splitFields: null,
      dealOnly: true,
    };
  if (id === null || id === undefined)
    throw new AppError('NOT_READY', `portal ${portalId} has no payment-schedule smart process yet`, { key: 'APP_NOT_FULLY_INSTALLED' });
  if (!gw) return { ...defaultSyncTarget(Number(id)), itemFields: null, splitFields: null };
  const typeId = await typeIdOf(gw, portalId, Number(id));
  if (typeId === null)
    throw new AppError('NOT_READY', `portal ${portalId}: smart process ${id} not found`, { key: 'APP_NOT_FULLY_INSTALLED' });
  return installedSyncTarget(Number(id), typeId, await langOf(gw, portalId));
}
