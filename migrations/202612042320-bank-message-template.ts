import type { Kysely } from 'kysely';

// A bank's own message template (issue 16 item 2): JSON { lang, subject, body, sms? } kept with the
// bank in the directory; null = the default of the language. Not personal data (placeholders and the
// bank's wording), so kept in clear. Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_banks').addColumn('message_template', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_banks').dropColumn('message_template').execute();
}
