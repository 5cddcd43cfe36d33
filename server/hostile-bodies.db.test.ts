import type { FastifyInstance } from 'fastify';
import qs from 'qs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import type { Db } from './db/database.js';
import { createTestDb, insertTestPortal } from '../test/support/test-db.js';
import { hostileProbes, parseRouteTree, type ProbeClass, type RouteEntry } from '../test/support/hostile-probes.js';
import { sampleTerms } from '../test/support/sample-terms.js';
import { sampleProductBody } from '../test/support/sample-product.js';

// Hostile bodies to EVERY route of the app (read from Fastify, so a new route is covered without
// editing this file), with valid credentials so the body is what decides: a widget session
// (admin, bound to deal 10) for /api/v1/*, the portal's application_token for Bitrix24-facing form
// routes. Asserts on each dialect: no 5xx, and not one row added, changed in count or removed.

const env = { ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'), SESSION_SECRET: 'h'.repeat(32), LOG_LEVEL: 'silent', WORKER: 'off' };
const APP_TOKEN = 'app-token-pa';
const DEAL = 10;
let db: Db;
let app: FastifyInstance;
let bearer: string;

// Valid bodies for the routes where a valid body would store something: their mutations must all be
// refused. Every other route is probed from `{}` (plus the portal's auth on form routes).
const auth = { member_id: 'm-pa', application_token: APP_TOKEN, domain: 'pa.example' };
const product = sampleProductBody('fz-product', {
  amountMin: '1000',
  amountMax: '500000',
  currency: 'RUB',
  fees: [{ name: 'Apertura', percent: '2', at: 'disbursement' }],
  profile: null,
  active: true,
});
const csv = Buffer.from(`deal;date;amount;ref\n${DEAL};2024-02-20;150.00;r-1\n`).toString('base64');
const BASES: Record<string, Record<string, unknown>> = {
  'PUT /api/v1/deals/:dealId/loan': { loan: sampleTerms(12, { principal: '90000' }), reason: 'fuzz' },
  'POST /api/v1/deals/:dealId/loan': { loan: sampleTerms(12, { principal: '90000' }), reason: 'fuzz' },
  'POST /api/v1/deals/:dealId/payments': { id: 'fz-pay', date: '2024-02-15', amount: '2000.00', method: 'cash', reference: 'r 17' },
  'POST /api/v1/deals/:dealId/payments/:paymentId/reversal': { reasonCode: 'BOUNCED', note: 'cheque' },
  'PUT /api/v1/products': { products: [product] },
  'PUT /api/v1/products/:productId': product,
  'PUT /api/v1/settings/providers/:kind': { provider: 'manual', settings: { markAs: 'pending' } },
  'POST /api/v1/payment-imports': {
    fileName: 'agent.csv',
    contentBase64: csv,
    mapping: { dealId: 'deal', date: 'date', amount: 'amount', reference: 'ref' },
    locale: { dateOrder: 'iso', decimalSeparator: '.' },
    dryRun: false,
  },
  'POST /api/v1/lending/schedule': sampleTerms(12),
  'POST /events': { event: 'ONCRMDEALUPDATE', data: { FIELDS: { ID: String(DEAL) } }, auth },
  'POST /activities/:code': {
    workflow_id: 'wf-1',
    code: 'send_sms',
    document_id: ['crm', 'CCrmDocumentDeal', `DEAL_${DEAL}`],
    event_token: 'et-1',
    properties: { phone: '+5215512345678', text: 'Hola' },
    auth,
  },
  'POST /sms/send': {
    code: 'b24lending_sms',
    message_id: 'mid-1',
    message_to: '+5215512345678',
    message_body: 'Hola',
    bindings: [{ OWNER_TYPE_ID: '2', OWNER_ID: String(DEAL) }],
    auth,
  },
};
// The routes a portal calls (form bodies, PHP brackets); every other route is JSON only.
const FORM_ROUTE = /^\/(install|events|activities|sms|placements)\b/;
const PARAMS: Record<string, string> = {
  dealId: String(DEAL),
  paymentId: 'seed-pay',
  productId: 'fz-product',
  kind: 'payments',
  callId: 'no-such-call',
  code: 'send_sms',
  portalId: 'pa',
};

function concrete(url: string): string {
  return url.replace(/:(\w+)/g, (_m, p: string) => encodeURIComponent(PARAMS[p] ?? '1')).replace(/\*$/, 'x');
}

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db.kysely.introspection.getTables();
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await db.kysely
      .selectFrom(t.name as never)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t.name] = Number(r.n);
  }
  return out;
}

beforeAll(async () => {
  db = await createTestDb();
  app = await buildApp({ config: loadConfig(env), db });
  await app.ready();
  await insertTestPortal(db, 'pa');
  await db.kysely
    .updateTable('portals')
    .set({ application_token_hash: app.secrets.hash(APP_TOKEN) } as never)
    .where('id', '=', 'pa')
    .execute();
  bearer = `Bearer ${app.sessions.issue({ portalId: 'pa', userId: 1, dealId: DEAL, isAdmin: true })}`;
  // A loan with one payment, so the deal routes have something to change.
  const h = { authorization: bearer };
  const saved = await app.inject({ method: 'PUT', url: `/api/v1/deals/${DEAL}/loan`, headers: h, payload: { loan: sampleTerms(12) } });
  expect(saved.statusCode, saved.body).toBe(200);
  const pay = { id: 'seed-pay', date: '2024-02-15', amount: '1000.00', method: 'cash' };
  const paid = await app.inject({ method: 'POST', url: `/api/v1/deals/${DEAL}/payments`, headers: h, payload: pay });
  expect(paid.statusCode, paid.body).toBe(201);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

// Every route × every probe: 25–30 s on the loaded 2-core machine already, and it grows with each
// route — a time limit is not what it asserts.
describe('hostile bodies to every route', { timeout: 120_000 }, () => {
  it('never answer 5xx and never store anything', async () => {
    const routes: RouteEntry[] = parseRouteTree(app.printRoutes({ commonPrefix: false }));
    expect(routes.length).toBeGreaterThan(30);
    const tally = new Map<ProbeClass | 'hostile-query', { tried: number; refused: number }>();
    const count = (cls: ProbeClass | 'hostile-query', status: number) => {
      const t = tally.get(cls) ?? { tried: 0, refused: 0 };
      t.tried++;
      if (status >= 400 && status < 500) t.refused++;
      tally.set(cls, t);
    };
    const before = await rowCounts();
    const failures: string[] = [];
    for (const r of routes) {
      const url = concrete(r.url);
      const headers = r.url.startsWith('/api/v1/') ? { authorization: bearer } : {};
      if (r.method === 'GET') {
        for (const q of ['x=%00', 'asOf=%202024-01-01%20', 'portal=a%E2%80%AEb', 'lang=%1B']) {
          const res = await app.inject({ method: 'GET', url: `${url}?${q}`, headers });
          count('hostile-query', res.statusCode);
          if (res.statusCode >= 500) failures.push(`${r.method} ${r.url}?${q} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
        continue;
      }
      const form = FORM_ROUTE.test(r.url);
      const base = BASES[`${r.method} ${r.url}`] ?? (form ? { auth } : {});
      const oversizeBytes = r.url === '/api/v1/payment-imports' ? 8 * 1024 * 1024 : 1_100_000;
      for (const p of hostileProbes(base as never, { form, oversizeBytes })) {
        const res = await app.inject({
          method: r.method as 'POST',
          url,
          headers: { ...headers, 'content-type': p.contentType },
          payload: p.payload,
        });
        count(p.cls, res.statusCode);
        if (res.statusCode >= 500)
          failures.push(`${r.method} ${r.url} [${p.cls}] ${p.label} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (res.statusCode < 400) failures.push(`${r.method} ${r.url} [${p.cls}] ${p.label} → accepted ${res.statusCode}`);
      }
      const after = await rowCounts();
      for (const [t, n] of Object.entries(after))
        if (n !== before[t]) failures.push(`${r.method} ${r.url}: table ${t} went from ${before[t]} to ${n} rows`);
      Object.assign(before, after);
    }
    console.log(
      `hostile bodies (${process.env.TEST_DIALECT ?? 'sqlite'}), ${routes.length} routes:\n` +
        [...tally.entries()].map(([c, t]) => `  ${c.padEnd(18)} tried ${String(t.tried).padStart(5)}  refused ${t.refused}`).join('\n'),
    );
    expect(failures).toEqual([]);

    // The bodies the mutations came from are accepted as they are: what was refused above was the
    // mutation, not a missing credential or an unknown deal.
    for (const [key, body] of Object.entries(BASES)) {
      const [method, url] = key.split(' ') as ['POST', string];
      const form = FORM_ROUTE.test(url);
      const res = await app.inject({
        method,
        url: concrete(url),
        headers: form
          ? { 'content-type': 'application/x-www-form-urlencoded' }
          : { 'content-type': 'application/json', ...(url.startsWith('/api/v1/') ? { authorization: bearer } : {}) },
        payload: form ? qs.stringify(body) : JSON.stringify(body),
      });
      expect(res.statusCode, `${key}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
    }
  });
});
