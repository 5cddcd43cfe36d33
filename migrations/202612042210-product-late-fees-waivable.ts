import type { Kysely } from 'kysely';

// Issue 13 item 7: whether a loan of the product may go without the product's late fees (a manager
// waives them on the loan tab). 0 = no: a loan of the product carries its late fees (the save is
// refused otherwise). Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('loan_products')
    .addColumn('late_fees_waivable', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('loan_products').dropColumn('late_fees_waivable').execute();
}
