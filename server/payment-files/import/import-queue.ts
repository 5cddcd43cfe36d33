// Payment files imported in the background: the request stores the import as queued and answers
// 202 with its id at once; the file is parsed in a worker thread (worker/worker-pool.ts) and the
// checks and bookings run here, after the reply, while the page polls the import's state. The
// process holding an import renews its lease; one that dies leaves a row that expires to failed
// (repository.ts expireAbandoned), never one the page waits on forever.
import { createHash } from 'node:crypto';
import { errorText, isAppError } from '../../errors.js';
import type { Executor } from '../../db/executor.js';
import type { Actor } from '../../loans/operations/deps.js';
import { uuidv7 } from '../../security/uuidv7.js';
import { busy } from '../worker/worker-pool.js';
import { insertImport, markParsing, renewLease, saveOutcome, type ImportOutcome, type ImportRecord } from './import-repo.js';
import { runImport, type ImportDeps, type ImportRequest } from './run-import.js';

export interface ImportQueueOptions {
  db: () => Executor;
  deps: ImportDeps & { parser: { hasRoom?: () => boolean } };
  /** How long a queued or parsing import stays claimed without a renewal; renewed every third of it. */
  leaseMs: number;
  /** Imports of one portal in progress at once in this process; more are refused (429). */
  perPortal: number;
  /** Logs the failure's code and the import id only — never the file's name or lines. */
  logFailure: (info: { importId: string; code: string; err: unknown }) => void;
}

export type QueuedRequest = Omit<ImportRequest, 'importId' | 'onParseStart'>;

export function createImportQueue(opts: ImportQueueOptions) {
  const running = new Set<Promise<void>>();
  const perPortal = new Map<string, number>();
  const now = () => opts.deps.loan.now();
  const leaseFrom = (t: Date) => new Date(t.getTime() + opts.leaseMs);

  /** Stores the import as queued and starts it; resolves with its id once the row is stored. */
  async function submit(portalId: string, req: QueuedRequest, actor: Actor): Promise<{ importId: string }> {
    if ((perPortal.get(portalId) ?? 0) >= opts.perPortal || opts.deps.parser.hasRoom?.() === false) throw busy();
    const at = now();
    const importId = uuidv7(at.getTime());
    await insertImport(opts.db(), portalId, {
      ...unread(importId, req, actor, 'queued', at),
      leaseUntil: leaseFrom(at).toISOString(),
    });
    perPortal.set(portalId, (perPortal.get(portalId) ?? 0) + 1);
    const job = work(portalId, importId, req, actor).finally(() => {
      running.delete(job);
      const n = (perPortal.get(portalId) ?? 1) - 1;
      if (n > 0) perPortal.set(portalId, n);
      else perPortal.delete(portalId);
    });
    running.add(job);
    return { importId };
  }

  async function work(portalId: string, importId: string, req: QueuedRequest, actor: Actor): Promise<void> {
    const db = opts.db();
    const heartbeat = setInterval(
      () => {
        renewLease(db, portalId, importId, leaseFrom(now())).catch((err: unknown) =>
          opts.logFailure({ importId, code: 'LEASE_RENEWAL', err }),
        );
      },
      Math.max(10, Math.floor(opts.leaseMs / 3)),
    );
    heartbeat.unref();
    const onParseStart = () => {
      const t = now();
      markParsing(db, portalId, importId, t, leaseFrom(t)).catch((err: unknown) =>
        opts.logFailure({ importId, code: 'MARK_PARSING', err }),
      );
    };
    try {
      await runImport(db, portalId, { ...req, importId, onParseStart }, actor, opts.deps);
    } catch (e) {
      // IMPORT_REFUSED is recorded by runImport with its issues; anything else ends as failed.
      if (!(isAppError(e) && e.code === 'IMPORT_REFUSED')) await fail(db, portalId, importId, req, actor, e);
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function fail(db: Executor, portalId: string, importId: string, req: QueuedRequest, actor: Actor, e: unknown): Promise<void> {
    const known = isAppError(e) && e.status < 500;
    if (!known) opts.logFailure({ importId, code: isAppError(e) ? e.code : 'INTERNAL', err: e });
    const failure: ImportOutcome = {
      failure: known ? { code: e.code, message: e.textFor('en') } : { code: 'INTERNAL', message: errorText('INTERNAL', 'en') },
    };
    try {
      await saveOutcome(db, portalId, unread(importId, req, actor, 'failed', now()), failure);
    } catch (err) {
      // The row's lease runs out and it reads as failed all the same.
      opts.logFailure({ importId, code: 'SAVE_FAILURE', err });
    }
  }

  return {
    submit,
    /** Waits for the imports in progress (server shutdown, after the parse pool is closed). */
    async drain(): Promise<void> {
      await Promise.allSettled([...running]);
    },
  };
}

export type ImportQueue = ReturnType<typeof createImportQueue>;

/** The record of an import whose file is not read (yet, or ever): its fingerprint, no counts. */
function unread(id: string, req: QueuedRequest, actor: Actor, status: 'queued' | 'failed', at: Date): ImportRecord {
  return {
    id,
    fileName: req.file.fileName,
    fileSha256: createHash('sha256').update(req.file.content).digest('hex'),
    format: 'unknown',
    rows: 0,
    newCount: 0,
    alreadyCount: 0,
    issueCount: 0,
    status,
    createdBy: actor.userId,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    dryRun: req.dryRun,
  };
}
