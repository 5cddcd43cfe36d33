import type { Kysely } from 'kysely';

// Issue 13: a product's late-fee and delinquency defaults, which the loan tab copies into a new
// loan of the product (lending README "Servicing input": `lateFees[]`, `delinquency.graceDays`).
// `late_fees`: JSON array of the core's late fees ({name, amount|percent, base, graceDays,
// vatPercent}); `delinquency_grace_days`: days after a due date before days past due count, NULL =
// none. Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('loan_products')
    .addColumn('late_fees', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('loan_products').addColumn('delinquency_grace_days', 'integer').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('loan_products').dropColumn('delinquency_grace_days').execute();
  await db.schema.alterTable('loan_products').dropColumn('late_fees').execute();
}
