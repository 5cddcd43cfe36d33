import type { Kysely } from 'kysely';

// The deals a bank takes applications for, by the deal's currency (JSON string[] of ISO codes, e.g.
// ["MXN"]); null = any deal. The Documents tab pre-ticks only the banks of the deal's currency (a peso
// deal pre-ticked a Russian bank). Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_banks').addColumn('deal_currencies', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_banks').dropColumn('deal_currencies').execute();
}
