import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { createTestDb } from '../../../test/support/test-db.js';
import { getLenderPipeline, startRun, updateLenderPipeline } from './preset-repo.js';

// Same body on SQLite and PostgreSQL (TEST_DIALECT): the preset's row starts one run at a time —
// two clicks at once start one; a click while a run is under way starts none; a stale run (its
// worker lost) gives way after the stale mark; every query scoped by portal.
let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

const start = (portalId: string, nowIso: string, staleBeforeIso = '2000-01-01T00:00:00.000Z') =>
  db.kysely.transaction().execute((trx) => startRun(trx, portalId, { nowIso, staleBeforeIso }));

describe('lender_pipelines runs', () => {
  it('one run at a time, per portal', async () => {
    const t0 = '2026-12-04T10:00:00.000Z';
    const [a, b] = await Promise.all([start('p1', t0), start('p1', t0)]);
    expect([a, b].filter((r) => r !== null)).toEqual([1]);
    expect(await start('p1', t0)).toBeNull();
    expect(await start('p2', t0)).toBe(1);
    await updateLenderPipeline(db.kysely, 'p1', { state: 'done', categoryId: 7, completedAt: t0 }, t0);
    expect(await start('p1', '2026-12-04T10:05:00.000Z')).toBe(2);
    // Running since 10:05; at 10:20 with runs older than 10:10 taken as dead, it gives way.
    expect(await start('p1', '2026-12-04T10:06:00.000Z', '2026-12-04T10:00:00.000Z')).toBeNull();
    expect(await start('p1', '2026-12-04T10:20:00.000Z', '2026-12-04T10:10:00.000Z')).toBe(3);
    expect(await getLenderPipeline(db.kysely, 'p1')).toMatchObject({ state: 'running', run: 3, categoryId: 7, completed: true });
    expect(await getLenderPipeline(db.kysely, 'p2')).toMatchObject({ state: 'running', run: 1, categoryId: null });
  });
});
