// Bank replies (issue 16), the two figures its "Done when" names:
// 1. replies recorded per minute by one mailbox reader on SQLite (file, WAL), 1,000 waiting: real
//    Dovecot on loopback, DKIM-signed replies checked against a table DNS, the whole path: IMAP
//    SEARCH/FETCH → mailparser → quote strip → decide → DKIM/DMARC → verdict → one transaction;
// 2. a reply delivered over LMTP → the deal's stage moved in the portal (the emulator), p95: the
//    reader in IDLE, the app's own jobs on an outbox worker polling every 20 ms (mail.reply.apply →
//    lifecycle.move → crm.deal.update), the lifecycle map's bank-decision stage
//    (test/support/mail/decision-platform.ts), one approval at a time to its own deal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Decimal } from 'decimal.js';
import { ENTITY_DEAL, itemsOf } from '../emulator/state.js';
import { createDb } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { dnsTable } from '../test/support/mail/dns-table.js';
import { startDovecot } from '../test/support/mail/dovecot-rig.js';
import { gmailReply, startDecisionPlatform } from '../test/support/mail/decision-platform.js';
import { numberedReply, readerOn } from '../test/support/mail/reader-setup.js';

const N = Number(process.env.BENCH_MAIL_REPLIES ?? 1000);
const STAGE_SAMPLES = Number(process.env.BENCH_MAIL_STAGE_SAMPLES ?? 20);

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
  } finally {
    await reader.stop();
    await db.close();
    await dovecot.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  await stageMoveLatency();
}

/** Delivery → stage moved, one approval at a time while the reader IDLEs. */
async function stageMoveLatency(): Promise<void> {
  const d = await startDecisionPlatform({ forwarders: [], domains: ['banco-norte.example'] });
  try {
    const bank = await d.bank('Banco Norte', 'banco-norte.example');
    await d.startReader(600_000); // IDLE only: the poll never fires within the measure
    const latencies: number[] = [];
    for (let i = 0; i < STAGE_SAMPLES; i++) {
      const dealId = await d.dealWithLoan(`Bench ${i}`, `+52155100${String(i).padStart(5, '0')}`, `bench${i}@cliente.example`);
      const [sent] = await d.sendToBanks(dealId, [bank]);
      const raw = await d.dns.sign(gmailReply(dealId, sent!, { id: `bench-${i}` }), 'banco-norte.example');
      const approved = d.st('APPROVED');
      // One reply at a time: the previous one's client notices and this deal's send have finished, so
      // each figure is one reply's path, not the queue behind the last one.
      await d.jobsDone();
      const t0 = performance.now();
      await d.dovecot.deliver(raw);
      // Read from the emulator's memory, not over REST: polling its API would spend the portal's request
      // budget the app's own calls need, and slow what is measured.
      const stage = () => itemsOf(d.p.em.state, ENTITY_DEAL).find((x) => x.id === dealId)?.stageId;
      while (stage() !== approved) {
        if (performance.now() - t0 > 60_000) throw new Error(`deal ${dealId} did not move within 60 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    const q = (x: number): number => latencies[Math.min(latencies.length - 1, Math.floor(x * latencies.length))]!;
    console.log(
      `reply delivered (LMTP) → deal stage moved, ${STAGE_SAMPLES} replies: p50 ${q(0.5).toFixed(0)} ms, p95 ${q(0.95).toFixed(0)} ms (target ≤ 2,000 ms)`,
    );
  } finally {
    await d.close();
  }
}
