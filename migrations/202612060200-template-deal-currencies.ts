import type { Kysely } from 'kysely';

// The deals a template is for, by the deal's currency (JSON string[] of ISO codes, e.g. ["RUB"]), as
// banks and catalog fields name them; null = any deal. Without it every internal template went into
// every pack: a rouble deal's pack held the Spanish contract filled with roubles. Frozen once landed:
// Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_templates').addColumn('deal_currencies', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_templates').dropColumn('deal_currencies').execute();
}
