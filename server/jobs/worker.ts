import type { FastifyBaseLogger } from 'fastify';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Dialect } from '../db/database.js';
import { uuidv7 } from '../security/uuidv7.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import { PermanentJobError, RetryLaterError, type Job, type JobHandlers } from './job.js';

// Drains outbox_jobs. Claiming is one UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING:
// on PostgreSQL the inner SELECT takes FOR UPDATE SKIP LOCKED, so N workers in N processes get
// disjoint jobs; on SQLite the single writer makes the statement atomic. A claim is a lease
// (locked_until): a job whose worker died is claimed again once the lease runs out.
// Failures back off exponentially (bounded) and end in 'dead' after max_attempts.

export interface WorkerOptions {
  db: Kysely<Database>;
  dialect: Dialect;
  log: FastifyBaseLogger;
  getPortalClient(portalId: string): Promise<PortalClient>;
  /** Every job kind this worker runs (server/jobs/handlers.ts `jobHandlers`). */
  handlers: JobHandlers;
  workerId?: string;
  batchSize?: number;
  leaseMs?: number;
  pollMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

type Row = {
  id: string;
  portal_id: string | null;
  kind: string;
  idempotency_key: string;
  payload: string;
  attempts: number;
  max_attempts: number;
  created_at: string;
};

// A kind this process's handler table does not name may belong to a newer deployment (rolling
// update): hand it back without spending an attempt, and give up only after a day.
const UNKNOWN_KIND_RETRY_MS = 60_000;
const UNKNOWN_KIND_MAX_AGE_MS = 24 * 3600_000;

export class OutboxWorker {
  readonly id: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = true;

  constructor(private readonly o: WorkerOptions) {
    this.id = o.workerId ?? `w-${uuidv7().slice(-12)}`;
  }

  backoffMs(attempts: number): number {
    const base = this.o.backoffBaseMs ?? 1_000;
    const max = this.o.backoffMaxMs ?? 600_000;
    const exp = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
    return Math.round(exp * (0.8 + Math.random() * 0.4));
  }

  async claim(limit = this.o.batchSize ?? 10): Promise<Row[]> {
    const now = Date.now();
    const db = this.o.db;
    const sub = db
      .selectFrom('outbox_jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_after', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now), eb('attempts', '<', eb.ref('max_attempts'))]),
        ]),
      )
      // A workflow or a person waits on robot and SMS jobs; loan syncs and scans are background work that
      // can pile up (a day's resync, a file of payments). Waiting jobs of the first kind go first.
      .orderBy(sql`case when kind like 'activity.%' or kind like 'sms.%' then 0 else 1 end`)
      .orderBy('run_after')
      .limit(limit);
    const set = (eb: ExpressionBuilder<Database, 'outbox_jobs'>) => ({
      status: 'running' as const,
      locked_by: this.id,
      locked_until: now + (this.o.leaseMs ?? 60_000),
      attempts: eb('attempts', '+', 1),
      updated_at: new Date(now).toISOString(),
    });
    const returned = ['id', 'portal_id', 'kind', 'idempotency_key', 'payload', 'attempts', 'max_attempts', 'created_at'] as const;
    // PostgreSQL: the locked rows come from a MATERIALIZED CTE. As `WHERE id IN (SELECT … LIMIT n
    // FOR UPDATE SKIP LOCKED)` the planner may run the subquery more than once (a nested loop
    // re-scans it), each run skipping what the last one locked — a claim of far more than n rows
    // was seen with this pattern on the mail inbox. The CTE is evaluated exactly once.
    const rows =
      this.o.dialect === 'postgres'
        ? await db
            .with(
              (cte) => cte('claimable').materialized(),
              () => sub.forUpdate().skipLocked(),
            )
            .updateTable('outbox_jobs')
            .set(set)
            .where('id', 'in', (eb) => eb.selectFrom('claimable').select('claimable.id'))
            .returning(returned)
            .execute()
        : await db.updateTable('outbox_jobs').set(set).where('id', 'in', sub).returning(returned).execute();
    return rows.map((r) => ({ ...r, attempts: Number(r.attempts), max_attempts: Number(r.max_attempts) }));
  }

  /** Jobs whose last lease ran out with no attempts left. */
  async buryExpired(): Promise<void> {
    const now = Date.now();
    await this.o.db
      .updateTable('outbox_jobs')
      .set({
        status: 'dead',
        last_error: 'lease expired on last attempt',
        locked_by: null,
        locked_until: null,
        updated_at: new Date(now).toISOString(),
      })
      .where('status', '=', 'running')
      .where('locked_until', '<', now)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .execute();
  }

  /** Claims and runs one batch; returns how many jobs ran. */
  async runOnce(): Promise<number> {
    await this.buryExpired();
    const rows = await this.claim();
    await Promise.all(rows.map((r) => this.runJob(r)));
    return rows.length;
  }

  /** Runs batches until the queue has nothing runnable now (tests, CLI). Bounded. */
  async drain(maxBatches = 1000): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = await this.runOnce();
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  private async runJob(r: Row): Promise<void> {
    const handler = this.o.handlers.get(r.kind);
    const job: Job = {
      id: r.id,
      portalId: r.portal_id,
      kind: r.kind,
      idempotencyKey: r.idempotency_key,
      payload: JSON.parse(r.payload) as unknown,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
    };
    const log = this.o.log.child({ jobId: r.id, kind: r.kind, attempt: r.attempts });
    if (!handler) {
      const tooOld = Date.now() - Date.parse(r.created_at) > UNKNOWN_KIND_MAX_AGE_MS;
      log.warn({ dead: tooOld }, 'no handler for job kind');
      await this.o.db
        .updateTable('outbox_jobs')
        .set((eb) => ({
          status: tooOld ? ('dead' as const) : ('pending' as const),
          attempts: eb('attempts', '-', 1),
          run_after: Date.now() + UNKNOWN_KIND_RETRY_MS,
          last_error: `no handler for job kind ${r.kind}`,
          locked_by: null,
          locked_until: null,
          updated_at: new Date().toISOString(),
        }))
        .where('id', '=', r.id)
        .where('locked_by', '=', this.id)
        .execute();
      return;
    }
    try {
      await handler(job, {
        db: this.o.db,
        log,
        getPortalClient: (portalId) => this.o.getPortalClient(portalId),
        portal: () => {
          if (!r.portal_id) throw new PermanentJobError('job has no portal');
          return this.o.getPortalClient(r.portal_id);
        },
      });
      await this.finish(r.id, { status: 'done', last_error: null });
    } catch (e) {
      if (e instanceof RetryLaterError) {
        log.debug({ delayMs: e.delayMs, why: e.message }, 'job waits');
        await this.waitAndRetry(r.id, e);
        return;
      }
      const msg = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 1000);
      const dead = e instanceof PermanentJobError || r.attempts >= r.max_attempts;
      log.warn({ err: { message: msg }, dead }, 'job failed');
      await this.finish(
        r.id,
        dead
          ? { status: 'dead', last_error: msg }
          : { status: 'pending', last_error: msg, run_after: Date.now() + this.backoffMs(r.attempts) },
      );
    }
  }

  /** Back to pending after the wait the handler asked for; the attempt it took is given back. */
  private async waitAndRetry(id: string, e: RetryLaterError): Promise<void> {
    const delay = Math.round(e.delayMs * (0.8 + Math.random() * 0.4));
    await this.o.db
      .updateTable('outbox_jobs')
      .set((eb) => ({
        status: 'pending' as const,
        attempts: eb('attempts', '-', 1),
        run_after: Date.now() + delay,
        last_error: e.message.slice(0, 1000),
        locked_by: null,
        locked_until: null,
        updated_at: new Date().toISOString(),
      }))
      .where('id', '=', id)
      .where('locked_by', '=', this.id)
      .execute();
  }

  private async finish(
    id: string,
    set: { status: 'done' | 'dead' | 'pending'; last_error: string | null; run_after?: number },
  ): Promise<void> {
    await this.o.db
      .updateTable('outbox_jobs')
      .set({ ...set, locked_by: null, locked_until: null, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('locked_by', '=', this.id)
      .execute();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      let n = 0;
      try {
        this.running = this.runOnce();
        n = await this.running;
      } catch (e) {
        this.o.log.error({ err: e }, 'outbox poll failed');
      } finally {
        this.running = null;
      }
      if (!this.stopped) this.timer = setTimeout(() => void tick(), n > 0 ? 0 : (this.o.pollMs ?? 500));
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) await this.running.catch(() => 0);
  }
}
