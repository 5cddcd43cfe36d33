import type { Executor } from '../db/executor.js';
import type { ProductReminderRule } from '../../wire/reminders.js';

// A product's own reminder rules (issue 14 item 4: "per product"). Kept beside the product rather
// than in its JSON: the product is the lending core's shape (lending/products.ts) that the loan tab
// and saveLoan read, and reminders are not a term of the loan. No row: the portal's rules apply.

export async function listProductRules(db: Executor, portalId: string): Promise<Map<string, ProductReminderRule[]>> {
  const rows = await db.selectFrom('product_reminder_rules').select(['product_id', 'rules']).where('portal_id', '=', portalId).execute();
  return new Map(rows.map((r) => [r.product_id, JSON.parse(r.rules) as ProductReminderRule[]]));
}

/** Sets a product's own rules, or (null) returns it to the portal's. */
export async function saveProductRules(
  db: Executor,
  portalId: string,
  productId: string,
  rules: readonly ProductReminderRule[] | null,
  userId: number | null,
): Promise<void> {
  if (rules === null) {
    await db.deleteFrom('product_reminder_rules').where('portal_id', '=', portalId).where('product_id', '=', productId).execute();
    return;
  }
  const row = { rules: JSON.stringify(rules), updated_by: userId, updated_at: new Date().toISOString() };
  await db
    .insertInto('product_reminder_rules')
    .values({ portal_id: portalId, product_id: productId, ...row })
    .onConflict((oc) => oc.columns(['portal_id', 'product_id']).doUpdateSet(row))
    .execute();
}
