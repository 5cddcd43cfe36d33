import { describe, expect, it } from 'vitest';
import type { MailboxReader } from './mailbox-reader.js';
import { MailboxReaders } from './mailbox-readers.js';

// The supervisor alone, with readers that fail to start as a wrong password or a down server
// would: retried with a doubling delay, never thrown out of; a settings change replaces the reader;
// a portal gone from the settings loses its reader; stop() stops them all.

function fakeReader(id: string, failures: { left: number }, log: string[]): MailboxReader {
  return {
    id,
    async start() {
      log.push(`start ${id}`);
      if (failures.left-- > 0) throw new Error('Authentication failed');
    },
    async stop() {
      log.push(`stop ${id}`);
    },
  } as unknown as MailboxReader;
}

describe('MailboxReaders', () => {
  it('backs off on failures, restarts on a new version, stops a removed portal', async () => {
    const wanted = new Map([['pa', 1]]);
    const log: string[] = [];
    const warnings: { retryInMs: number }[] = [];
    const failures = { left: 2 };
    let n = 0;
    const readers = new MailboxReaders({
      wanted: async () => new Map(wanted),
      make: async (portalId) => fakeReader(`${portalId}-${++n}`, failures, log),
      log: { info: () => undefined, warn: (o) => warnings.push(o as { retryInMs: number }) },
      baseBackoffMs: 20,
      maxBackoffMs: 1000,
    });
    await readers.refresh();
    await expect.poll(() => readers.connected(), { timeout: 2000 }).toEqual(['pa']);
    expect(warnings.map((w) => w.retryInMs)).toEqual([20, 40]);
    expect(log.filter((l) => l.startsWith('start'))).toHaveLength(3);

    wanted.set('pa', 2);
    await readers.refresh();
    await expect.poll(() => log.at(-1)).toBe('start pa-4');
    expect(log).toContain('stop pa-3');

    wanted.delete('pa');
    await readers.refresh();
    expect(readers.connected()).toEqual([]);
    expect(log.at(-1)).toBe('stop pa-4');
    await readers.stop();
  });

  it('a failing settings read is logged, not thrown, and the next refresh works', async () => {
    let broken = true;
    const warnings: string[] = [];
    const readers = new MailboxReaders({
      wanted: async () => {
        if (broken) throw new Error('database is locked');
        return new Map();
      },
      make: async () => null,
      log: { info: () => undefined, warn: (_o, msg) => warnings.push(msg) },
    });
    await expect(readers.refresh()).rejects.toThrow('database is locked');
    broken = false;
    await readers.refresh();
    expect(warnings).toEqual(['mail readers refresh failed']);
    await readers.stop();
  });
});
