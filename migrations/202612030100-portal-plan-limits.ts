import type { Kysely } from 'kysely';

// What the portal's Bitrix24 plan refused the app (first: smart processes — crm.type.add
// CREATE_DYNAMIC_TYPE_RESTRICTED, crm.item.add CREATE_DYNAMIC_ITEM_RESTRICTED), as a comma-separated
// list of codes; NULL = nothing. The app then runs degraded and the app page says what is missing.
// Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('portals').addColumn('plan_limits', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('portals').dropColumn('plan_limits').execute();
}
