import { AppError } from '../../errors.js';
import type { Executor } from '../db-types.js';

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
   * Smart-process item user fields (camelCase crm.item names). The manifest declares none yet, so
   * these defaults are placeholders a real portal ignores (unknown fields are dropped); the title,
   * dates, opportunity and stage carry the essentials regardless. UNVERIFIED(b24): real SPA UF names
   * look like ufCrm<typeId>_<name>; the installer should create them and pass the names here.
   */
  itemFields: {
    installment: string;
    principal: string;
    interest: string;
    fees: string;
    paid: string;
    outstanding: string;
    status: string;
    balanceAfter: string;
    loanId: string;
  } | null;
  /** Stage id per status, when the smart process has stages for them (else the stage is left alone). */
  stageIds: Partial<Record<InstallmentStatus, string>> | null;
}

export type InstallmentStatus = 'upcoming' | 'paid' | 'overdue' | 'partially_paid';

export const DEFAULT_DEAL_FIELDS: SyncTarget['dealFields'] = {
  rate: 'UF_CRM_LOAN_RATE',
  term: 'UF_CRM_LOAN_TERM',
  nextDueDate: 'UF_CRM_LOAN_NEXT_DUE_DATE',
  nextAmount: 'UF_CRM_LOAN_NEXT_AMOUNT',
  balance: 'UF_CRM_LOAN_BALANCE',
  daysPastDue: 'UF_CRM_LOAN_DAYS_PAST_DUE',
  status: 'UF_CRM_LOAN_STATUS',
};

export const DEFAULT_ITEM_FIELDS: NonNullable<SyncTarget['itemFields']> = {
  installment: 'ufCrmLoanInstallment',
  principal: 'ufCrmLoanPrincipal',
  interest: 'ufCrmLoanInterest',
  fees: 'ufCrmLoanFees',
  paid: 'ufCrmLoanPaid',
  outstanding: 'ufCrmLoanOutstanding',
  status: 'ufCrmLoanStatus',
  balanceAfter: 'ufCrmLoanBalanceAfter',
  loanId: 'ufCrmLoanId',
};

export function defaultSyncTarget(entityTypeId: number): SyncTarget {
  return { entityTypeId, dealFields: DEFAULT_DEAL_FIELDS, itemFields: DEFAULT_ITEM_FIELDS, stageIds: null };
}

/** The portal's target from the platform's portals row (schedule_entity_type_id set at install). */
export async function resolveSyncTarget(db: Executor, portalId: string): Promise<SyncTarget> {
  const row = await db.selectFrom('portals').select('schedule_entity_type_id').where('id', '=', portalId).executeTakeFirst();
  const id = row?.schedule_entity_type_id;
  if (id === null || id === undefined)
    throw new AppError(
      'NOT_READY',
      `portal ${portalId} has no payment-schedule smart process yet`,
      'The app is not fully installed in this portal',
    );
  return defaultSyncTarget(Number(id));
}
