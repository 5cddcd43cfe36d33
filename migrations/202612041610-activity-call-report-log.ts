import type { Kysely } from 'kysely';

// The workflow's answer is sent by the activity's own job right after it stores the result (no
// separate report job any more): the log line that goes with it is stored beside the result, so a
// retry of the job after a failed bizproc.event.send sends the same answer.
// Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('activity_calls').addColumn('report_log', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('activity_calls').dropColumn('report_log').execute();
}
