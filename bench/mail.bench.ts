// Bank replies (issue 16): replies recorded per minute by one mailbox reader on SQLite (file, WAL),
// and the time from a reply's LMTP delivery to its row in the review queue. Real Dovecot on
// loopback (test/support/mail/dovecot-rig.ts), DKIM-signed replies checked against a table DNS, the whole
// path: IMAP SEARCH/FETCH → mailparser → quote strip → decide → DKIM/DMARC → verdict → one
// transaction. Moving the deal waits for issue 14's stage mapping, so the second figure stops at
// the recorded decision.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Decimal } from 'decimal.js';
import { createDb } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { dnsTable } from '../test/support/mail/dns-table.js';
import { startDovecot } from '../test/support/mail/dovecot-rig.js';
import { numberedReply, readerOn } from '../test/support/mail/reader-setup.js';

const N = Number(process.env.BENCH_MAIL_REPLIES ?? 1000);
const LATENCY_SAMPLES = 40;

export default async function (): Promise<void> {
  const dovecot = await startDovecot();
  const dns = dnsTable(['banco-norte.example']);
  const dir = mkdtempSync(join(tmpdir(), 'b24-mail-bench-'));
  const db = createDb(`sqlite:${join(dir, 'mail.db')}`);
  await migrateToLatest(db.kysely);
  const recordedAt = new Map<string, number>();
  const reader = readerOn(
    dovecot,
    db,
    {
      forwarders: [],
      policyFor: (bankId) => ({
        bankId,
        allowedSenders: ['@banco-norte.example'],
        authentication: 'dmarc',
        band: { min: '0.5', max: '1' },
      }),
      requestFor: () => ({ amount: new Decimal(150_000), currency: 'MXN' }),
      resolver: dns.resolver,
    },
    { batchSize: 50, pollMs: 600_000, onRecorded: (id) => recordedAt.set(id, performance.now()) },
  );
  try {
    for (let i = 0; i < N; i++) await dovecot.deliver(await dns.sign(numberedReply(i), 'banco-norte.example'));
    const t0 = performance.now();
    await reader.start();
    while (recordedAt.size < N) await new Promise((r) => setTimeout(r, 20));
    const ms = performance.now() - t0;
    const perMin = (N * 60_000) / ms;
    console.log(`replies recorded, ${N} waiting in the mailbox: ${ms.toFixed(0)} ms → ${perMin.toFixed(0)}/min (target ≥ 1,000/min)`);

    // Delivery → recorded, one reply at a time while the reader IDLEs.
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const before = recordedAt.size;
      const raw = await dns.sign(numberedReply(N + i), 'banco-norte.example');
      const sent = performance.now();
      await dovecot.deliver(raw);
      while (recordedAt.size === before) await new Promise((r) => setTimeout(r, 2));
      latencies.push(performance.now() - sent);
      await new Promise((r) => setTimeout(r, 500)); // replies trickle in: the reader is back in IDLE
    }
    latencies.sort((a, b) => a - b);
    const p = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    console.log(
      `reply delivered (LMTP) → decision recorded, ${LATENCY_SAMPLES} replies: p50 ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms (target ≤ 2 s to the stage move; the move itself is not built yet)`,
    );
  } finally {
    await reader.stop();
    await db.close();
    await dovecot.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
