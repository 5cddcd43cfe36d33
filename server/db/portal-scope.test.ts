import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from './database.js';
import { migrateToLatest } from './migrate.js';

// Every row is scoped by portal_id (ARCHITECTURE.md, data rules): a read, update or delete of a
// table that has a portal_id column must say which portal in the same query. This reads the
// production sources (server/, placements/) and fails on a selectFrom / updateTable / deleteFrom of
// such a table whose chain, up to its execute, never names portal_id. The portal tables are the
// ones the migrations give a portal_id column — not a list kept by hand.
//
// What it cannot see: a join of a second portal table (one portal_id in the chain satisfies it),
// raw `sql` templates, and chains built across functions. It sees every plain repository query.
//
// The one exception is outbox_jobs: the worker claims due jobs of every portal (server/jobs/), and
// each job's handler scopes its own queries by the portal in the job.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCANNED = ['server', 'placements'];
const CROSS_PORTAL = new Set(['outbox_jobs']);
const QUERY = /\.(selectFrom|updateTable|deleteFrom)\(\s*'([a-z_]+)(?: as \w+)?'/g;
const END = /\.(execute|executeTakeFirst|executeTakeFirstOrThrow|stream|compile)\(/;

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) yield p;
  }
}

interface Query {
  where: string;
  table: string;
  scoped: boolean;
}

/** Every query of a table in `portalTables` in `src`, with whether its chain names portal_id. */
function portalQueries(src: string, file: string, portalTables: ReadonlySet<string>): Query[] {
  const out: Query[] = [];
  for (const m of src.matchAll(QUERY)) {
    const table = m[2]!;
    if (!portalTables.has(table)) continue;
    const rest = src.slice(m.index);
    const end = rest.search(END);
    const chain = rest.slice(0, end < 0 ? rest.length : end);
    const line = src.slice(0, m.index).split('\n').length;
    out.push({ where: `${file}:${line} ${m[1]}('${table}')`, table, scoped: /\bportal_id\b/.test(chain) });
  }
  return out;
}

describe('portal scoping of queries', () => {
  let db: Db;
  let portalTables: Set<string>;

  beforeAll(async () => {
    db = createDb('sqlite::memory:');
    await migrateToLatest(db.kysely);
    const tables = await db.kysely.introspection.getTables();
    portalTables = new Set(tables.filter((t) => t.columns.some((c) => c.name === 'portal_id')).map((t) => t.name));
  });
  afterAll(async () => db.close());

  it('finds the portal tables from the migrated schema', () => {
    for (const t of ['loans', 'ledger_entries', 'sms_messages', 'payouts', 'payment_imports', 'activity_calls'])
      expect(portalTables).toContain(t);
  });

  it('flags a query of a portal table that does not name portal_id', () => {
    const src = `await db.selectFrom('payouts').selectAll().where('id', '=', id).executeTakeFirst();
      await db.updateTable('payouts as p').set({ a: 1 }).where('portal_id', '=', p).where('id', '=', id).execute();`;
    expect(portalQueries(src, 'x.ts', portalTables).map((q) => q.scoped)).toEqual([false, true]);
  });

  it('every production query of a portal table names portal_id', () => {
    const all = SCANNED.flatMap((d) =>
      [...sources(join(ROOT, d))].flatMap((f) => portalQueries(readFileSync(f, 'utf8'), relative(ROOT, f), portalTables)),
    );
    expect(all.length).toBeGreaterThan(50); // the scan reads the repositories, not an empty tree
    expect(all.filter((q) => !q.scoped && !CROSS_PORTAL.has(q.table)).map((q) => q.where)).toEqual([]);
  });
});
