import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxWorker } from '../server/jobs/worker.js';
import { startPlatform, type Platform } from './support/portal-harness.js';
import { adminApi, appWorker } from './support/app-jobs.js';
import { createLenderPipeline } from '../server/lifecycle/preset/create-pipeline.js';
import { getStageMap } from '../server/lifecycle/repo.js';
import type { PortalClient } from '../server/portal-client/portal-client.js';

// The lender-pipeline preset end to end in the emulator: the app page's POST queues one run, the
// outbox job makes the pipeline in the portal's language with exactly the preset's stages and
// pre-fills its stage map; a second click makes no second pipeline; a run that crashed after
// crm.category.add adopts the pipeline it made; the portal's other pipelines are never written; a
// pipeline deleted in Bitrix24 reads "gone" and is made again on request.

let p: Platform;
let portalId: string;
let worker: OutboxWorker;

type Reply = { state: string; categoryId: number | null; error: string | null } & Record<string, unknown>;
const api = (method: string, path: string, body?: unknown) => adminApi(p, portalId)<Reply>(method, path, body);

const categories = async () =>
  (await p.portalCall<{ categories: { id: number; name: string }[] }>('crm.category.list', { entityTypeId: 2 })).categories;
const stages = async (cat: number) =>
  (
    await p.portalCall<{ STATUS_ID: string; NAME: string; SEMANTICS: string | null }[]>('crm.status.list', {
      filter: { ENTITY_ID: `DEAL_STAGE_${cat}` },
    })
  ).map((s) => [s.STATUS_ID, s.NAME, s.SEMANTICS]);
/** Every stage of every other pipeline, to show none was written. */
const others = (except: number[]) =>
  p.em.core.state.statuses.filter((s) => s.entityId.startsWith('DEAL_STAGE') && !except.includes(s.categoryId)).map((s) => ({ ...s }));

beforeAll(async () => {
  p = await startPlatform({ emulator: { seedDemoData: true } });
  portalId = await p.install();
  worker = appWorker(p);
}, 60_000);

afterAll(async () => {
  await p?.close();
});

describe('lender pipeline preset', () => {
  let cat: number;

  it('one click: the pipeline in the portal language, exactly its ten stages, the map pre-filled; two clicks at once run once', async () => {
    p.em.core.state.app!.languageId = 'es';
    expect((await api('GET', '/api/v1/settings/lender-pipeline')).json).toEqual({ state: 'none', categoryId: null, error: null });
    const before = await categories();
    const untouched = others([]);
    const [a, b] = await Promise.all([
      api('POST', '/api/v1/settings/lender-pipeline', {}),
      api('POST', '/api/v1/settings/lender-pipeline', {}),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.json.state).toBe('running');
    expect(await p.db.kysely.selectFrom('outbox_jobs').select('id').where('kind', '=', 'lifecycle.preset').execute()).toHaveLength(1);
    await worker.drain();
    const done = (await api('GET', '/api/v1/settings/lender-pipeline')).json;
    expect(done).toMatchObject({ state: 'done', error: null });
    cat = done.categoryId!;
    const after = await categories();
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((c) => c.id === cat)?.name).toBe('Préstamos (proceso de crédito)');
    expect(await stages(cat)).toEqual([
      [`C${cat}:NEW`, 'Solicitud', null],
      [`C${cat}:VERIFICATION`, 'Verificación', null],
      [`C${cat}:UNDERWRITING`, 'Análisis de crédito', null],
      [`C${cat}:APPROVED`, 'Aprobado', null],
      [`C${cat}:SIGNED`, 'Contrato firmado', null],
      [`C${cat}:ISSUED`, 'Desembolsado', null],
      [`C${cat}:REPAYING`, 'En pago', null],
      [`C${cat}:OVERDUE`, 'Vencido', null],
      [`C${cat}:WON`, 'Liquidado', 'S'],
      [`C${cat}:LOSE`, 'Rechazado', 'F'],
    ]);
    expect(others([cat])).toEqual(untouched);
    expect(await getStageMap(p.db.kysely, portalId, cat)).toMatchObject({
      onStage: {
        [`C${cat}:APPROVED`]: 'OFFER_FIXED',
        [`C${cat}:SIGNED`]: 'CONTRACT_SIGNED',
        [`C${cat}:ISSUED`]: 'ISSUED',
        [`C${cat}:LOSE`]: 'CLOSED',
      },
      toStage: {
        paidOff: `C${cat}:WON`,
        current: `C${cat}:REPAYING`,
        overdue: [1, 30, 90].map((days) => ({ days, stageId: `C${cat}:OVERDUE` })),
      },
    });
  });

  it('a second click completes what is missing and keeps what the admin changed; no second pipeline', async () => {
    const st = p.em.core.state.statuses;
    st.splice(
      st.findIndex((s) => s.statusId === `C${cat}:OVERDUE`),
      1,
    );
    st.find((s) => s.statusId === `C${cat}:ISSUED`)!.name = 'Dinero enviado';
    const n = (await categories()).length;
    expect((await api('POST', '/api/v1/settings/lender-pipeline', {})).status).toBe(202);
    await worker.drain();
    expect((await api('GET', '/api/v1/settings/lender-pipeline')).json).toMatchObject({ state: 'done', categoryId: cat });
    expect(await categories()).toHaveLength(n);
    const names = (await stages(cat)).map((s) => s[1]);
    expect(names).toContain('Vencido');
    expect(names).toContain('Dinero enviado');
    expect(names).toHaveLength(10);
  });

  it('deleted in Bitrix24: the page reads "gone"; asked again, a new pipeline (in Russian now)', async () => {
    expect((await p.portalCall('crm.category.delete', { entityTypeId: 2, id: cat })) ?? null).toBeNull();
    expect((await api('GET', '/api/v1/settings/lender-pipeline')).json.state).toBe('gone');
    // A plain click does not make another one behind the admin's back.
    await api('POST', '/api/v1/settings/lender-pipeline', {});
    await worker.drain();
    expect((await api('GET', '/api/v1/settings/lender-pipeline')).json).toMatchObject({ state: 'gone', categoryId: cat });
    p.em.core.state.app!.languageId = 'ru';
    await api('POST', '/api/v1/settings/lender-pipeline', { recreate: true });
    await worker.drain();
    const again = (await api('GET', '/api/v1/settings/lender-pipeline')).json;
    expect(again.state).toBe('done');
    expect(again.categoryId).not.toBe(cat);
    cat = again.categoryId!;
    expect((await categories()).find((c) => c.id === cat)?.name).toBe('Займы (кредитный процесс)');
    expect((await stages(cat)).map((s) => s[1])[0]).toBe('Заявка');
  });

  it('a run that crashed right after crm.category.add adopts that pipeline on its retry', async () => {
    await p.portalCall('crm.category.delete', { entityTypeId: 2, id: cat });
    await p.db.kysely.updateTable('lender_pipelines').set({ state: 'running', run: 100 }).where('portal_id', '=', portalId).execute();
    const portal = await p.a.app.getPortalClient(portalId);
    const crashing = {
      call: async <T>(method: string, params?: Record<string, unknown>): Promise<T> => {
        const r = await portal.call<T>(method, params);
        if (method === 'crm.category.add') throw new Error('process killed');
        return r;
      },
      list: portal.list.bind(portal),
      batch: portal.batch.bind(portal),
    } as Pick<PortalClient, 'call' | 'list' | 'batch'>;
    const n = (await categories()).length;
    await expect(createLenderPipeline(p.db.kysely, crashing, portalId, { run: 100, recreate: true }, () => new Date())).rejects.toThrow(
      'process killed',
    );
    expect(await categories()).toHaveLength(n + 1);
    expect(await createLenderPipeline(p.db.kysely, portal, portalId, { run: 100, recreate: true }, () => new Date())).toBe('done');
    expect(await categories()).toHaveLength(n + 1);
    const row = await p.db.kysely.selectFrom('lender_pipelines').selectAll().where('portal_id', '=', portalId).executeTakeFirstOrThrow();
    const made = (await categories()).find((c) => c.name === 'Займы (кредитный процесс)')!;
    expect(Number(row.category_id)).toBe(made.id);
    expect(await stages(made.id)).toHaveLength(10);
  });
});
