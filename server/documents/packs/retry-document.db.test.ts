import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, insertTestPortal } from '../../../test/support/test-db.js';
import type { Db } from '../../db/database.js';
import { enqueue } from '../../jobs/outbox.js';
import { jobEntry, PermanentJobError, type JobHandler } from '../../jobs/job.js';
import { OutboxWorker } from '../../jobs/worker.js';
import { putBlob } from '../blobs-repo.js';
import { deliverJobKey, fillJobKey, PACK_DELIVER_JOB, PACK_FILL_JOB } from './job-keys.js';
import { insertPack, updateDocument } from './pack-repo.js';
import { getPackView } from './pack-views.js';
import { retryDocument } from './retry-document.js';

// A pack document whose outbox job died (dead letter) on SQLite and PostgreSQL: shown failed with the
// reason in the reader's language and Retry, the pack final (the tab stops polling); Retry runs the
// step's job again from zero attempts, once however many clicks; a document with nothing to retry is
// refused (409), and another portal's jobs are never touched.
let db: Db;
const P = 'portal-retry';
const OTHER = 'portal-retry-other';
const by = { userId: 7, nowIso: '2026-12-04T12:00:00.000Z' };
const template = (name: string) => ({
  bankId: null,
  templateId: `t-${name}`,
  version: 1,
  sha256: 'f'.repeat(64),
  name,
  lang: 'es' as const,
});

const dying: JobHandler = async () => {
  throw new PermanentJobError('portal answered 500 eight times');
};
const worker = () =>
  new OutboxWorker({
    db: db.kysely,
    dialect: db.dialect,
    log: pino({ level: 'silent' }),
    getPortalClient: () => Promise.reject(new Error('no portal here')),
    handlers: new Map([jobEntry(PACK_FILL_JOB, dying), jobEntry(PACK_DELIVER_JOB, dying)]),
  });
const jobOf = (key: string) =>
  db.kysely.selectFrom('outbox_jobs').select(['status', 'attempts']).where('idempotency_key', '=', key).executeTakeFirstOrThrow();
const retry = (packId: string, idx: number) => db.kysely.transaction().execute((trx) => retryDocument(trx, P, packId, idx, by.nowIso));

async function newPack(): Promise<string> {
  return db.kysely.transaction().execute(async (trx) => {
    const id = await insertPack(
      trx,
      P,
      { dealId: 9, applicationId: 'app', catalogVersion: 1, lang: 'es', templates: [template('Solicitud'), template('Pagaré')] },
      by,
    );
    await enqueue(trx, { portalId: P, kind: PACK_FILL_JOB, idempotencyKey: fillJobKey(id), payload: { packId: id } });
    return id;
  });
}

beforeAll(async () => {
  db = await createTestDb();
  await insertTestPortal(db, P);
  await insertTestPortal(db, OTHER);
});
afterAll(async () => {
  await db?.close();
});

describe('a pack document whose job died', () => {
  it('a dead fill: every unfilled document failed with the reason and Retry; Retry runs the fill again, once', async () => {
    const packId = await newPack();
    expect((await getPackView(db.kysely, P, 9, packId, 'es')).documents.map((d) => d.status)).toEqual(['pending', 'pending']);
    await worker().drain();
    const view = await getPackView(db.kysely, P, 9, packId, 'ru');
    expect(view.status).toBe('failed');
    expect(view.documents.map((d) => [d.status, d.retryable, d.message])).toEqual([
      ['failed', true, 'Документ не удалось сформировать после нескольких попыток; нажмите «Повторить».'],
      ['failed', true, 'Документ не удалось сформировать после нескольких попыток; нажмите «Повторить».'],
    ]);
    await retry(packId, 1);
    expect(await jobOf(fillJobKey(packId))).toEqual({ status: 'pending', attempts: 0 });
    expect((await getPackView(db.kysely, P, 9, packId, 'es')).documents.map((d) => [d.status, d.retryable])).toEqual([
      ['pending', undefined],
      ['pending', undefined],
    ]);
    // The second click finds the job already pending: nothing to retry.
    await expect(retry(packId, 0)).rejects.toMatchObject({ code: 'CONFLICT', userMessage: expect.stringContaining('nothing to retry') });
  });

  it('a dead delivery: the document stays downloadable, failed to attach with Retry; Retry runs only its delivery', async () => {
    const packId = await newPack();
    const sha = await putBlob(db.kysely, P, new TextEncoder().encode('filled'), by.nowIso);
    await db.kysely.transaction().execute(async (trx) => {
      for (const idx of [0, 1]) {
        await updateDocument(trx, P, packId, idx, { status: 'done', sha256: sha, updated_at: by.nowIso });
        await enqueue(trx, { portalId: P, kind: PACK_DELIVER_JOB, idempotencyKey: deliverJobKey(packId, idx), payload: { packId, idx } });
      }
    });
    await db.kysely.updateTable('outbox_jobs').set({ status: 'done' }).where('idempotency_key', '=', fillJobKey(packId)).execute();
    // The second document reached the deal; the first one's delivery dies.
    await updateDocument(db.kysely, P, packId, 1, { preview: 'ready', attach_state: 'done', attached_as: 'docgen' });
    await db.kysely.updateTable('outbox_jobs').set({ status: 'done' }).where('idempotency_key', '=', deliverJobKey(packId, 1)).execute();
    await worker().drain();
    const view = await getPackView(db.kysely, P, 9, packId, 'es');
    expect(view).toMatchObject({ status: 'done', progress: { done: 2, total: 2 } });
    expect(view.documents[0]).toMatchObject({
      status: 'done',
      sha256: sha,
      preview: 'unavailable',
      attachedAs: null,
      retryable: true,
      message:
        'El documento está hecho, pero tras varios intentos no se pudo adjuntar a la negociación; descárguelo aquí o pulse «Reintentar».',
    });
    expect(view.documents[1]!.retryable).toBeUndefined();
    await expect(retry(packId, 1)).rejects.toMatchObject({ code: 'CONFLICT' });
    await retry(packId, 0);
    expect(await jobOf(deliverJobKey(packId, 0))).toEqual({ status: 'pending', attempts: 0 });
    expect((await getPackView(db.kysely, P, 9, packId, 'es')).status).toBe('generating');
  });

  it('an attachment the portal refused: Retry resets it and runs the delivery again', async () => {
    const packId = await newPack();
    await db.kysely.transaction().execute(async (trx) => {
      await updateDocument(trx, P, packId, 0, {
        status: 'done',
        sha256: 'a'.repeat(64),
        preview: 'ready',
        attach_state: 'failed',
        message_code: 'DOCUMENT_ATTACH_FAILED',
      });
      await updateDocument(trx, P, packId, 1, { status: 'failed', preview: 'unavailable', message_code: 'TEMPLATE_INVALID' });
      await enqueue(trx, { portalId: P, kind: PACK_DELIVER_JOB, idempotencyKey: deliverJobKey(packId, 0), payload: { packId, idx: 0 } });
    });
    await db.kysely
      .updateTable('outbox_jobs')
      .set({ status: 'done' })
      .where('idempotency_key', 'in', [fillJobKey(packId), deliverJobKey(packId, 0)])
      .execute();
    expect((await getPackView(db.kysely, P, 9, packId, 'en')).documents.map((d) => d.retryable)).toEqual([true, undefined]);
    await expect(retry(packId, 1)).rejects.toMatchObject({ code: 'CONFLICT' });
    // Another portal cannot revive this portal's job.
    await expect(db.kysely.transaction().execute((trx) => retryDocument(trx, OTHER, packId, 0, by.nowIso))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await retry(packId, 0);
    expect(await jobOf(deliverJobKey(packId, 0))).toEqual({ status: 'pending', attempts: 0 });
    const view = await getPackView(db.kysely, P, 9, packId, 'en');
    expect(view.status).toBe('generating');
    expect(view.documents[0]).toMatchObject({ status: 'done', attachedAs: null });
    expect(view.documents[0]!.message).toBeUndefined();
  });
});
