import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

// Group commit: concurrent writers share one transaction (and so one fsync). Idle, an item is
// written at once; under load, items that arrive while a commit is in flight go together in the
// next one. Each submit() resolves after its item is durably committed (or rejects with the
// batch's error), so a handler can still answer 200 only after its write is safe.

const MAX_BATCH = 256;

export class GroupCommitter<T> {
  private queue: { item: T; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly write: (trx: Transaction<Database>, items: T[]) => Promise<void>,
  ) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // One macrotask later: on SQLite every query is synchronous, so requests read in the same
        // event-loop turn would otherwise each commit alone. setImmediate lets them all queue first.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.db.transaction().execute((trx) =>
            this.write(
              trx,
              batch.map((b) => b.item),
            ),
          );
          for (const b of batch) b.resolve();
        } catch (e) {
          for (const b of batch) b.reject(e);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
