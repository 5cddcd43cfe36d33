import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

// ONAPPUNINSTALL with CLEAN=1: every row any feature keeps for the portal goes. Found by the
// `portal_id` column every portal-data table must have (ARCHITECTURE.md, data rules), so features
// added later are covered without registering here. Several passes let child rows (foreign keys)
// go before their parents.
export async function deletePortalData(db: Kysely<Database>, portalId: string): Promise<Record<string, number>> {
  const tables = (await db.introspection.getTables()).filter((t) => t.name !== 'portals' && t.columns.some((c) => c.name === 'portal_id'));
  const deleted: Record<string, number> = {};
  let pending = tables.map((t) => t.name);
  for (let pass = 0; pass < 5 && pending.length > 0; pass++) {
    const failed: string[] = [];
    for (const name of pending) {
      try {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const res = await (db as Kysely<any>).deleteFrom(name).where('portal_id', '=', portalId).executeTakeFirst();
        deleted[name] = (deleted[name] ?? 0) + Number(res.numDeletedRows);
      } catch {
        failed.push(name);
      }
    }
    pending = failed;
  }
  if (pending.length > 0) throw new Error(`could not delete portal data from ${pending.join(', ')}`);
  return deleted;
}
