import type { Executor } from '../db/executor.js';

/** Which smart-process item holds installment `installment` of a loan, and what we last wrote to it. */
export interface PortalItemLink {
  installment: number;
  entityTypeId: number;
  itemId: number;
  fieldsHash: string;
}

export async function listPortalItems(db: Executor, portalId: string, loanId: string): Promise<PortalItemLink[]> {
  const rows = await db
    .selectFrom('portal_items')
    .select(['installment', 'entity_type_id', 'item_id', 'fields_hash'])
    .where('portal_id', '=', portalId)
    .where('loan_id', '=', loanId)
    .orderBy('installment')
    .execute();
  return rows.map((r) => ({
    installment: Number(r.installment),
    entityTypeId: Number(r.entity_type_id),
    itemId: Number(r.item_id),
    fieldsHash: r.fields_hash,
  }));
}

export async function upsertPortalItems(
  db: Executor,
  portalId: string,
  loanId: string,
  links: PortalItemLink[],
  nowIso: string,
): Promise<void> {
  if (links.length === 0) return;
  await db
    .insertInto('portal_items')
    .values(
      links.map((l) => ({
        portal_id: portalId,
        loan_id: loanId,
        installment: l.installment,
        entity_type_id: l.entityTypeId,
        item_id: l.itemId,
        fields_hash: l.fieldsHash,
        updated_at: nowIso,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['portal_id', 'loan_id', 'installment']).doUpdateSet((eb) => ({
        entity_type_id: eb.ref('excluded.entity_type_id'),
        item_id: eb.ref('excluded.item_id'),
        fields_hash: eb.ref('excluded.fields_hash'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

export async function deletePortalItems(db: Executor, portalId: string, loanId: string, installments: number[]): Promise<void> {
  if (installments.length === 0) return;
  await db
    .deleteFrom('portal_items')
    .where('portal_id', '=', portalId)
    .where('loan_id', '=', loanId)
    .where('installment', 'in', installments)
    .execute();
}
