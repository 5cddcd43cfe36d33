import type { Kysely } from 'kysely';

// Issue 13: servicing conventions a product fixes for its loans. `payoff_interest`: the current
// period's interest in a payoff, 'pro-rata' (what every loan did before) or 'whole-period'.
// `cat_basis`: how CAT times the flows, 'periods' (Banxico) or 'dates' (days / 365); NULL = the
// regulatory profile's (MX: periods), else dates. Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('loan_products')
    .addColumn('payoff_interest', 'text', (c) => c.notNull().defaultTo('pro-rata'))
    .execute();
  await db.schema.alterTable('loan_products').addColumn('cat_basis', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('loan_products').dropColumn('cat_basis').execute();
  await db.schema.alterTable('loan_products').dropColumn('payoff_interest').execute();
}
