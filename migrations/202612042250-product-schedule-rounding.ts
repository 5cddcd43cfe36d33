import type { Kysely } from 'kysely';

// Issue 13 item 7: a product's installment step ("in multiples of", a decimal string) and the annuity's
// level-payment rule ('fixed-payment' | 'resolved' | 'fineract'); NULL = each loan chooses. Frozen once
// landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('loan_products').addColumn('installment_step', 'text').execute();
  await db.schema.alterTable('loan_products').addColumn('annuity_mode', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('loan_products').dropColumn('annuity_mode').execute();
  await db.schema.alterTable('loan_products').dropColumn('installment_step').execute();
}
