import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxWorker } from '../server/jobs/worker.js';
import { queueDrains } from '../server/lifecycle/plugin.js';
import { startPlatform, type Platform } from './support/portal-harness.js';
import { enqueue } from '../server/jobs/outbox.js';
import { defaultLoanDeps, isoDay } from '../server/loans/operations/deps.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { findLoanByDeal } from '../server/loans/loan-repo.js';
import { sampleTerms } from './support/sample-terms.js';
import { adminApi, appWorker, lifecycleClockWorker, settleJobs, useJumpingClock } from './support/app-jobs.js';

// Roles per stage end to end in the emulator: the admin maps "underwriting" to a fixed user and
// "issued" to the deal's employee field; a person moves deals; the app's drain sees the entry and its
// job sets ASSIGNED_BY_ID once. The write carries the auth_connector: it never returns as a change
// (no second read, no second write). A role naming a field that is not an employee field is refused
// beside the roles.

let p: Platform;
let portalId: string;
let worker: OutboxWorker;
let realClock: (() => void) | undefined;
let cat: number;
const st = (code: string) => `C${cat}:${code}`;

const settle = () => settleJobs(p, worker);

const api = (method: string, path: string, body?: unknown) => adminApi(p, portalId)(method, path, body);

const assigned = async (dealId: number) =>
  Number((await p.portalCall<Record<string, unknown>>('crm.deal.get', { id: dealId })).ASSIGNED_BY_ID);

beforeAll(async () => {
  realClock = useJumpingClock();
  p = await startPlatform({ emulator: { seedDemoData: true } });
  portalId = await p.install();
  worker = appWorker(p);
  const cats = await p.portalCall<{ categories: { id: number }[] }>('crm.category.list', { entityTypeId: 2 });
  cat = cats.categories.find((c) => c.id !== 0)!.id;
}, 60_000);
afterAll(async () => {
  await p?.close();
  realClock?.();
});

describe('roles per stage', () => {
  it('entering a stage makes its user responsible — a fixed one, or the deal’s employee field — once, with no echo', async () => {
    const underwriter = p.em.addUser({ name: 'Ana', lastName: 'Suscriptora' }).id;
    const collector = p.em.addUser({ name: 'Iván', lastName: 'Cobranza' }).id;
    await p.portalCall('crm.deal.userfield.add', { fields: { FIELD_NAME: 'COLLECTOR', USER_TYPE_ID: 'employee', LABEL: 'Collector' } });
    await p.portalCall('crm.deal.userfield.add', { fields: { FIELD_NAME: 'NOTE', USER_TYPE_ID: 'string', LABEL: 'Note' } });
    const map = {
      onStage: {},
      toStage: { overdue: [] },
      payoutOnIssue: false,
      roles: { [st('UNDERWRITING')]: { userId: underwriter }, [st('ISSUED')]: { field: 'UF_CRM_COLLECTOR' } },
    };
    const refused = await api('PUT', `/api/v1/settings/stage-maps/${cat}`, { ...map, roles: { [st('ISSUED')]: { field: 'UF_CRM_NOTE' } } });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ error: 'STAGE_ROLE_FIELD', details: { field: 'roles', stages: [st('ISSUED')] } });
    expect((await api('PUT', `/api/v1/settings/stage-maps/${cat}`, map)).status).toBe(200);

    const deal = p.em.createDeal({
      TITLE: 'Roles',
      CATEGORY_ID: cat,
      STAGE_ID: st('APPROVED'),
      ASSIGNED_BY_ID: 1,
      UF_CRM_COLLECTOR: collector,
    });
    const dealId = Number(deal.ID);
    await settle();
    expect(await assigned(dealId)).toBe(1);
    p.em.updateDeal(dealId, { STAGE_ID: st('UNDERWRITING') });
    await settle();
    expect(await assigned(dealId)).toBe(underwriter);
    p.em.updateDeal(dealId, { STAGE_ID: st('ISSUED') });
    await settle();
    expect(await assigned(dealId)).toBe(collector);
    // Our writes carry the connector: nothing queued for us, and a later drain reads and writes nothing.
    const queued = await p.portalCall<{ EVENT_DATA: { FIELDS: { ID: string } } }[]>('event.offline.list', {});
    expect(queued.filter((e) => e.EVENT_DATA.FIELDS.ID === String(dealId))).toEqual([]);
    const before = { ...p.em.stats().restCalls };
    await queueDrains(p.db.kysely, new Date(Date.now() + 60_000));
    await settle();
    const after = p.em.stats().restCalls;
    expect(after['crm.deal.get'] ?? 0).toBe(before['crm.deal.get'] ?? 0);
    expect(after['crm.deal.update'] ?? 0).toBe(before['crm.deal.update'] ?? 0);
    expect(await p.db.kysely.selectFrom('outbox_jobs').select('id').where('kind', '=', 'lifecycle.assign').execute()).toHaveLength(2);
  });

  it('the app’s own move applies the stage’s role too: 30 days past due moves the deal to overdue and to its collector', async () => {
    const collector = p.em.addUser({ name: 'Rosa', lastName: 'Cobranza' }).id;
    const map = {
      onStage: { [st('ISSUED')]: 'ISSUED' },
      toStage: { overdue: [{ days: 30, stageId: st('OVERDUE') }] },
      payoutOnIssue: false,
      roles: { [st('OVERDUE')]: { field: 'UF_CRM_COLLECTOR' } },
    };
    expect((await api('PUT', `/api/v1/settings/stage-maps/${cat}`, map)).status).toBe(200);
    const today = isoDay(new Date());
    const firstDue = new Date(`${today}T00:00:00Z`);
    firstDue.setUTCMonth(firstDue.getUTCMonth() + 1);
    const deal = p.em.createDeal({
      TITLE: 'Late',
      CATEGORY_ID: cat,
      STAGE_ID: st('APPROVED'),
      ASSIGNED_BY_ID: 1,
      UF_CRM_COLLECTOR: collector,
    });
    const dealId = Number(deal.ID);
    const terms = sampleTerms(6, {
      currency: 'MXN',
      principal: '12000',
      contractDate: today,
      disbursementDate: today,
      firstDueDate: isoDay(firstDue),
    });
    await saveLoan(p.db.kysely, portalId, dealId, { terms }, { userId: 1 }, defaultLoanDeps({ enqueue: (trx, j) => enqueue(trx, j) }));
    p.em.updateDeal(dealId, { STAGE_ID: st('ISSUED') });
    await settle();
    expect(await assigned(dealId)).toBe(1);
    // The jobs' clock 35 days after the first due date; the loan's next push sees it 30+ days late.
    const later = new Date(firstDue.getTime() + 35 * 86_400_000);
    const lateWorker = lifecycleClockWorker(p, later);
    const loan = (await findLoanByDeal(p.db.kysely, portalId, dealId))!;
    await p.db.kysely
      .transaction()
      .execute((trx) => enqueue(trx, { portalId, kind: 'loan.sync', idempotencyKey: `late:${loan.id}`, payload: { loanId: loan.id } }));
    await settleJobs(p, lateWorker);
    const d = await p.portalCall<Record<string, unknown>>('crm.deal.get', { id: dealId });
    expect(d.STAGE_ID).toBe(st('OVERDUE'));
    expect(Number(d.ASSIGNED_BY_ID)).toBe(collector);
  });
});
