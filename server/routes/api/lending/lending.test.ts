// The HTTP API and the CLI answer the same input with the same JSON (both run lending/commands.ts);
// errors map to 400 (malformed) / 422 (breaks a rule) with {error, message, path}; /docs lists it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../config.js';
import { createDb, type Db } from '../../../db/database.js';
import { migrateToLatest } from '../../../db/migrate.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const env = { ENCRYPTION_KEY: 'a'.repeat(44), SESSION_SECRET: 's'.repeat(32), LOG_LEVEL: 'silent' };

function cli(command: string, input: unknown): { code: number | null; json: unknown } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'lending/cli.ts', command], {
    cwd: root,
    input: JSON.stringify(input),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, json: JSON.parse(r.stdout) };
}

const loan = {
  principal: '100000',
  currency: 'RUB',
  contractDate: '2024-01-15',
  disbursementDate: '2024-01-15',
  method: 'annuity',
  rate: { annualPercent: '18' },
  installments: 12,
  frequency: { unit: 'month', every: 1 },
  firstDueDate: '2024-02-15',
  dayCount: 'actual/actual-ru',
  interest: 'daily',
  annuity: 'fixed-payment',
  rounding: { mode: 'half-up', installmentStep: '0.01', last: 'adjust' },
  fees: [{ name: 'opening', amount: '500', at: 'disbursement', withheld: true }],
  profile: 'RU-MFO',
};

const cases: [string, unknown][] = [
  ['schedule', loan],
  [
    'schedule',
    { ...loan, currency: 'MXN', profile: 'MX', contractDate: '2024-01-15', fees: [{ name: 'admin', percent: '1', at: 'installment' }] },
  ],
  [
    'servicing',
    {
      loan,
      asOf: '2024-05-20',
      payments: [
        { id: 'a', date: '2024-02-15', amount: '9168' },
        { id: 'b', date: '2024-04-01', amount: '12000' },
      ],
      penalty: { annualPercent: '20' },
    },
  ],
  // Issue 13: a down payment, a fixed payment (term derived), CAT by dates for an MX loan, the Fineract
  // EMI adjustment, a step on an equal-principal loan, and a whole-period payoff — every field crosses HTTP.
  [
    'schedule',
    {
      ...loan,
      currency: 'MXN',
      profile: 'MX',
      installments: undefined,
      downPayment: { percent: '10' },
      fixedPayment: '9000',
      catBasis: 'dates',
    },
  ],
  ['schedule', { ...loan, annuity: 'resolved', annuityAdjustment: 'fineract' }],
  ['schedule', { ...loan, method: 'equal-principal', rounding: { installmentStep: '100' } }],
  ['servicing', { loan, asOf: '2024-03-01', payoffInterest: 'whole-period', penalty: { annualPercent: '20' } }],
  // Issue 13: late fees, delinquency grace and pauses, prepayments among payments.
  [
    'servicing',
    {
      loan,
      asOf: '2024-08-20',
      payments: [
        { id: 'a', date: '2024-02-15', amount: '9168' },
        { id: 'b', date: '2024-04-01', amount: '12000' },
      ],
      prepayments: [
        { id: 'x', date: '2024-05-10', amount: '20000', mode: 'reduce-term' },
        { id: 'y', date: '2024-06-20', amount: '5000', mode: 'reschedule-next' },
      ],
      penalty: { annualPercent: '20' },
      lateFees: [
        { name: 'late', amount: '300', graceDays: 3, vatPercent: '16' },
        { percent: '2', base: 'principal+interest' },
      ],
      delinquency: { graceDays: 2, pauses: [{ from: '2024-07-01', to: '2024-07-10' }] },
    },
  ],
  ['prepay', { loan, prepayment: { date: '2024-06-01', amount: '30000', mode: 'reduce-term' } }],
  [
    'rates',
    {
      method: 'cat',
      flows: [{ period: 0, amount: '-10000' }, ...Array.from({ length: 12 }, (_, k) => ({ period: k + 1, amount: '950' }))],
      periodsPerYear: '12',
    },
  ],
  [
    'rates',
    {
      method: 'psk',
      flows: [
        { date: '2024-03-01', amount: '-10000' },
        { date: '2024-03-31', amount: '12400' },
      ],
    },
  ],
];

describe('lending API', () => {
  let app: FastifyInstance;
  let db: Db;
  beforeAll(async () => {
    db = createDb('sqlite::memory:');
    await migrateToLatest(db.kysely);
    app = await buildApp({ config: loadConfig(env), db });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it.each(cases)('CLI and HTTP agree: %s', async (command, input) => {
    const http = await app.inject({ method: 'POST', url: `/api/v1/lending/${command}`, payload: input as object });
    expect(http.statusCode).toBe(200);
    const c = cli(command, input);
    expect(c.code).toBe(0);
    expect(http.json()).toEqual(c.json);
  });

  it('refusals: 400 for malformed, 422 for a profile rule — same body as the CLI', async () => {
    const bad = { ...loan, principal: '0' };
    const r400 = await app.inject({ method: 'POST', url: '/api/v1/lending/schedule', payload: bad });
    expect(r400.statusCode).toBe(400);
    expect(r400.json()).toMatchObject({ error: 'PRINCIPAL_NOT_POSITIVE', path: 'principal' });
    expect(cli('schedule', bad)).toEqual({ code: 2, json: r400.json() });
    const capped = { ...loan, rate: { dailyPercent: '1' } };
    const r422 = await app.inject({ method: 'POST', url: '/api/v1/lending/schedule', payload: capped });
    expect(r422.statusCode).toBe(422);
    expect(r422.json()).toMatchObject({
      error: 'PROFILE_DAILY_RATE_CAP',
      path: 'rate.dailyPercent',
      rule: 'RU-MFO.dailyRateCap@2023-07-01',
    });
    const schema = await app.inject({ method: 'POST', url: '/api/v1/lending/servicing', payload: { loan } });
    expect(schema.statusCode).toBe(400);
    expect(schema.json()).toMatchObject({ error: 'VALIDATION', path: 'asOf' });
  });

  it('malformed JSON, a form body or a padded amount are 4xx in the same shape, never 500', async () => {
    const post = (payload: string, type = 'application/json') =>
      app.inject({ method: 'POST', url: '/api/v1/lending/schedule', headers: { 'content-type': type }, payload });
    const syntax = await post('{"principal":');
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json()).toMatchObject({ error: 'MALFORMED_BODY', path: '' });
    const form = await post('principal=100', 'application/x-www-form-urlencoded');
    expect(form.statusCode).toBe(415);
    expect(form.json()).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE', path: '' });
    const padded = await post(JSON.stringify({ ...loan, principal: ' 100 ' }));
    expect(padded.statusCode).toBe(400);
    expect(padded.json()).toMatchObject({ error: 'VALIDATION', path: 'principal' });
  });

  it('is listed in the OpenAPI document at /docs', async () => {
    const doc = (await app.inject('/docs/json')).json<{ paths: Record<string, unknown> }>();
    for (const c of ['schedule', 'servicing', 'prepay', 'rates']) expect(doc.paths[`/api/v1/lending/${c}`]).toBeDefined();
    expect((await app.inject('/docs')).statusCode).toBeLessThan(400);
  });
});
