import type { Kysely } from 'kysely';

// Payouts, exactly once (server/payouts/). The row — with its UUIDv7 id, which is also the
// provider's order id — is written BEFORE any request goes out; (portal_id, idempotency_key) is
// unique so a repeated activity call (same event_token) finds the first row. Money is a decimal
// string. next_attempt_at (epoch ms) is both the lease of the worker sending it and the back-off.
// Frozen once landed: takes Kysely<any>, imports no app code.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('payouts')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('loan_ref', 'text')
    .addColumn('amount', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('clabe', 'text', (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_payout_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addUniqueConstraint('payouts_portal_key', ['portal_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('payouts_provider_ref').on('payouts').columns(['provider', 'provider_payout_id']).execute();
  await db.schema.createIndex('payouts_portal_loan').on('payouts').columns(['portal_id', 'loan_ref']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('payouts').execute();
}
