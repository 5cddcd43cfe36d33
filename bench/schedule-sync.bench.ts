// Issue 5 benchmark, against the emulator over real HTTP (not the fake gateway):
//  1. REST requests, as counted by the emulator, to save a 12-, 60- and 360-row schedule
//     (target ≤ ⌈N/50⌉ + 1; the deal update rides in the first batch).
//  2. Time to push 10,000 item updates through the portal's leaky bucket (burst 50, 2 req/s):
//     10 loans × 1,000 installments are created first (limit switched off while seeding — that part
//     is set-up, not measured), then every loan's rate changes and the 10 syncs are timed.
//     Target ≤ 110 s (≈ 200 batches: 50 at once, the rest at 2/s).
import { readFileSync } from 'node:fs';
import { createEmulator, type Emulator } from '../emulator/index.js';
import { createDb } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { HttpGateway } from '../test/support/http-gateway.js';
import { defaultLoanDeps } from '../server/loans/operations/deps.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { sampleTerms } from '../test/support/sample-terms.js';
import { syncLoanToPortal } from '../server/loans/sync/sync-loan.js';
import { defaultSyncTarget, type SyncTarget } from '../server/loans/sync/target.js';

const P = 'bench-portal';
const now = () => new Date('2024-01-16T09:00:00Z');
const deps = defaultLoanDeps({ now });
const actor = { userId: 1 };

interface Manifest {
  dealUserFields: { fieldName: string; type: string; label: Record<string, string> }[];
  smartProcesses: { title: Record<string, string>; parents: number[]; fields: Record<string, string> }[];
}

async function installSchedule(gw: HttpGateway): Promise<SyncTarget> {
  const manifest = JSON.parse(readFileSync(new URL('../app.manifest.json', import.meta.url), 'utf8')) as Manifest;
  const spa = manifest.smartProcesses[0]!;
  const type = await gw.call<{ type: { entityTypeId: number } }>('crm.type.add', {
    fields: {
      title: spa.title.en,
      relations: { parent: spa.parents.map((entityTypeId) => ({ entityTypeId, isChildrenListEnabled: 'true' })) },
      ...spa.fields,
    },
  });
  await gw.batch(
    Object.fromEntries(
      manifest.dealUserFields.map((f, i) => [
        `f${i}`,
        {
          method: 'crm.deal.userfield.add',
          params: { fields: { FIELD_NAME: f.fieldName, USER_TYPE_ID: f.type, EDIT_FORM_LABEL: f.label.en } },
        },
      ]),
    ),
  );
  return defaultSyncTarget(type.type.entityTypeId);
}

export default async function scheduleSyncBench(): Promise<void> {
  const em: Emulator = await createEmulator({ clientId: 'local.loans.bench', clientSecret: 'secret' });
  const limit = em.options.rateLimit;
  if (!limit) throw new Error('the emulator runs without a rate limit');
  const db = createDb('sqlite::memory:');
  await migrateToLatest(db.kysely);
  try {
    const installed = await em.installApp({});
    const gw = new HttpGateway({
      restUrl: `${em.url}/rest`,
      accessToken: installed.auth.accessToken,
      rate: { burst: limit.burst, drainPerSec: limit.drainPerSec },
    });
    const target = await installSchedule(gw);
    console.log(`gateway: emulator over HTTP (${em.url}), limit burst ${limit.burst}, ${limit.drainPerSec} req/s; counts from em.stats()`);

    for (const n of [12, 60, 360]) {
      const dealId = Number(await gw.call('crm.deal.add', { fields: { TITLE: `Bench ${n}` } }));
      const saved = await saveLoan(db.kysely, P, dealId, { terms: sampleTerms(n) }, actor, deps);
      let before = em.stats().restCallsTotal;
      await syncLoanToPortal(db.kysely, gw, P, saved.loanId, target, { now });
      const first = em.stats().restCallsTotal - before;
      await saveLoan(db.kysely, P, dealId, { terms: sampleTerms(n, { rate: { annualPercent: '19' } }) }, actor, deps);
      before = em.stats().restCallsTotal;
      await syncLoanToPortal(db.kysely, gw, P, saved.loanId, target, { now });
      const resave = em.stats().restCallsTotal - before;
      console.log(
        `${String(n).padStart(3)} rows: first save ${first} REST calls, save again (all rows changed) ${resave}; target ≤ ${Math.ceil(n / 50) + 1}`,
      );
    }

    // Set-up for part 2, unmeasured: 10 loans × 1,000 items created with the limit off.
    const loans: string[] = [];
    const rows = 1000;
    const weekly = (rate: string) =>
      sampleTerms(rows, { frequency: { unit: 'week', every: 1 }, firstDueDate: '2024-01-22', rate: { annualPercent: rate } });
    em.options.rateLimit = false;
    const seedGw = new HttpGateway({ restUrl: `${em.url}/rest`, accessToken: installed.auth.accessToken, rate: false });
    for (let i = 0; i < 10; i++) {
      const dealId = Number(await seedGw.call('crm.deal.add', { fields: { TITLE: `Bulk ${i}` } }));
      const saved = await saveLoan(db.kysely, P, dealId, { terms: weekly('12') }, actor, deps);
      await syncLoanToPortal(db.kysely, seedGw, P, saved.loanId, target, { now });
      await saveLoan(db.kysely, P, dealId, { terms: weekly('13') }, actor, deps);
      loans.push(saved.loanId);
    }
    em.options.rateLimit = limit;
    await new Promise((r) => setTimeout(r, (limit.burst / limit.drainPerSec) * 1000)); // the bucket drains fully

    const paced = new HttpGateway({
      restUrl: `${em.url}/rest`,
      accessToken: installed.auth.accessToken,
      rate: { burst: limit.burst, drainPerSec: limit.drainPerSec },
    });
    // em.stats() is live: read the numbers now.
    const total = () => em.stats().restCallsTotal;
    const refused = () => Object.values(em.stats().rejected).reduce((a, b) => a + b, 0);
    const calls0 = total();
    const rejected0 = refused();
    const t0 = performance.now();
    let updated = 0;
    let calls = 0;
    for (const loanId of loans) {
      const r = await syncLoanToPortal(db.kysely, paced, P, loanId, target, { now });
      updated += r.updated;
      calls += r.calls;
    }
    const seconds = (performance.now() - t0) / 1000;
    const counted = total() - calls0;
    const rejected = refused() - rejected0;
    console.log(
      `${updated} item updates (+${loans.length} deal updates) in ${calls} batch requests (${counted} counted by the emulator, ${rejected} refused with 503): ${seconds.toFixed(1)} s; target ≤ 110 s (floor at ${limit.drainPerSec} req/s after a burst of ${limit.burst}: ${((calls - limit.burst) / limit.drainPerSec).toFixed(1)} s)`,
    );
  } finally {
    await db.close();
    await em.close();
  }
}
