import type { MailboxReader } from './mailbox-reader.js';

// One MailboxReader per portal whose mail settings name a mailbox, kept in step with the settings:
// `refresh` compares each portal's settings version with the running reader's and stops, starts or
// restarts readers to match. A reader that cannot connect (wrong password, server down) is retried
// with a doubling delay up to `maxBackoffMs`, never crashing the process; once connected, the
// reader reconnects by itself. Refreshes run one at a time; starting a reader never holds one up.

export interface ReadersLog {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
}

export interface MailboxReadersOptions {
  /** Every portal that should have a reader, with its settings version. */
  wanted(): Promise<Map<string, number>>;
  /** A reader for the portal's current settings; null when it has nothing to read after all. */
  make(portalId: string): Promise<MailboxReader | null>;
  log: ReadersLog;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

interface Slot {
  version: number;
  reader: MailboxReader | null;
  /** Connected: start() returned. */
  up: boolean;
  timer: NodeJS.Timeout | null;
  failures: number;
  retired: boolean;
}

export class MailboxReaders {
  private readonly slots = new Map<string, Slot>();
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly o: MailboxReadersOptions) {}

  /** Portals with a connected reader (tests and health). */
  connected(): string[] {
    return [...this.slots].filter(([, s]) => s.up && !s.retired).map(([id]) => id);
  }

  /** Brings the readers in line with the settings; concurrent calls run one after another. */
  refresh(): Promise<void> {
    const run = this.queue.then(() => this.reconcile());
    this.queue = run.catch((err: unknown) => this.o.log.warn({ err: (err as Error).message }, 'mail readers refresh failed'));
    return run;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.queue;
    const slots = [...this.slots.values()];
    this.slots.clear();
    await Promise.all(slots.map((s) => this.retire(s)));
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    const wanted = await this.o.wanted();
    for (const [portalId, slot] of this.slots) {
      if (wanted.get(portalId) === slot.version) continue;
      this.slots.delete(portalId);
      await this.retire(slot);
    }
    for (const [portalId, version] of wanted) {
      if (this.slots.has(portalId)) continue;
      const slot: Slot = { version, reader: null, up: false, timer: null, failures: 0, retired: false };
      this.slots.set(portalId, slot);
      void this.launch(portalId, slot);
    }
  }

  private async launch(portalId: string, slot: Slot): Promise<void> {
    let reader: MailboxReader | null = null;
    try {
      reader = await this.o.make(portalId);
      if (!reader || slot.retired) return;
      slot.reader = reader;
      await reader.start();
      slot.failures = 0;
      slot.up = true;
      this.o.log.info({ portalId, reader: reader.id }, 'mailbox reader started');
    } catch (err) {
      slot.failures++;
      slot.reader = null;
      await reader?.stop().catch(() => undefined);
      const base = this.o.baseBackoffMs ?? 5_000;
      const delayMs = Math.min(base * 2 ** (slot.failures - 1), this.o.maxBackoffMs ?? 300_000);
      this.o.log.warn(
        { portalId, err: (err as Error).message, failures: slot.failures, retryInMs: delayMs },
        'mailbox reader could not start',
      );
      if (!slot.retired)
        slot.timer = setTimeout(() => {
          slot.timer = null;
          void this.launch(portalId, slot);
        }, delayMs);
    }
    // Retired while connecting: the reader's stop() ran before it had a connection to close.
    if (slot.retired) await reader?.stop().catch(() => undefined);
  }

  private async retire(slot: Slot): Promise<void> {
    slot.retired = true;
    slot.up = false;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    await slot.reader?.stop().catch(() => undefined);
  }
}
