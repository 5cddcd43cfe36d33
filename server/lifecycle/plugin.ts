import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { enqueue } from '../jobs/outbox.js';
import { LIFECYCLE_JOB } from './kinds.js';

// The deal lifecycle at boot (its job kinds are in server/jobs/handlers.ts): with the outbox worker
// (WORKER=on), a tick that
// queues a drain of the offline deal events for every portal with a stage map — the safety net
// under ONOFFLINEEVENT, which Bitrix24 never retries. One drain per portal per minute whatever the
// number of processes (the idempotency key is the minute).

export const LIFECYCLE_TICK_MS = 60_000;

export async function queueDrains(db: Kysely<Database>, at: Date): Promise<number> {
  const portals = await db.selectFrom('deal_stage_maps').select('portal_id').distinct().execute();
  const minute = at.toISOString().slice(0, 16);
  let created = 0;
  await db.transaction().execute(async (trx) => {
    for (const p of portals) {
      const r = await enqueue(trx, {
        portalId: p.portal_id,
        kind: LIFECYCLE_JOB.drain,
        idempotencyKey: `lifecycle-drain:${p.portal_id}:${minute}`,
        payload: { tick: minute },
      });
      if (r.created) created++;
    }
  });
  return created;
}

export const lifecyclePlugin = fp(
  async (app) => {
    let timer: NodeJS.Timeout | null = null;
    const tick = () =>
      void queueDrains(app.db.kysely, new Date()).catch((err: unknown) => app.log.error({ err }, 'lifecycle drain tick failed'));
    if (app.config.WORKER === 'on')
      app.addHook('onReady', async () => {
        timer = setInterval(tick, LIFECYCLE_TICK_MS);
        timer.unref();
      });
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
    });
  },
  // Its drains run in the jobs plugin's worker.
  { name: 'lifecycle', dependencies: ['jobs'] },
);
