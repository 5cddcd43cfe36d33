// Servicing timings (issue 13): one loan of 36 rows with 36 payments, late fees (fixed + IVA and a
// percentage), a delinquency grace and pause and two prepayments (target ≤ 2 ms), and a nightly run
// over 100 000 generated loans on one core — rows and payments in, servicing JSON out, as the daily
// resync does per loan (target ≤ 60 s). Inputs are generated outside the timed part.
import { buildSchedule, parseLoanInput, parseServicingInput, service, servicingFromJson, servicingToJson } from '../lending/index.js';
import type { Schedule } from '../lending/index.js';
import { median } from './timing.js';

const loan36 = {
  principal: '36000',
  currency: 'MXN',
  contractDate: '2024-01-15',
  method: 'annuity',
  rate: { annualPercent: '48' },
  installments: 36,
  interest: 'periodic',
  profile: 'MX',
  effectiveRates: [],
};

/** 36 payments on the due dates, three of them late and one short; two prepayments on top. */
function oneLoanInput(): Record<string, unknown> {
  const rows = buildSchedule(parseLoanInput(loan36)).rows;
  const payments = rows.map((r, k) => ({
    id: `p${k + 1}`,
    date: k % 11 === 5 ? addDaysIso(r.dueDate, 9) : r.dueDate,
    amount: k === 20 ? '500' : r.total.toString(),
  }));
  return {
    loan: loan36,
    asOf: '2027-02-15',
    payments,
    prepayments: [
      { id: 'x1', date: '2025-03-20', amount: '3000', mode: 'reduce-term' },
      { id: 'x2', date: '2025-09-20', amount: '2000', mode: 'reduce-installment' },
    ],
    penalty: { dailyPercent: '0.1' },
    lateFees: [
      { name: 'pago tardío', amount: '250', graceDays: 3 },
      { percent: '2', base: 'principal+interest', graceDays: 10 },
    ],
    delinquency: { graceDays: 3, pauses: [{ from: '2025-12-01', to: '2025-12-15' }] },
    allocation: 'penalties-first',
  };
}

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A small deterministic PRNG (mulberry32) so every run services the same portfolio. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Schedules to draw loans from: terms 6–36 months, rates 30–90 %, started over the last three years. */
function templates(): Schedule[] {
  const out: Schedule[] = [];
  for (let k = 0; k < 48; k++) {
    out.push(
      buildSchedule(
        parseLoanInput({
          ...loan36,
          principal: String(5000 + k * 1500),
          installments: 6 + (k % 6) * 6,
          rate: { annualPercent: String(30 + (k % 7) * 10) },
          contractDate: addDaysIso('2024-01-01', k * 23),
        }),
      ),
    );
  }
  return out;
}

const AS_OF = '2026-12-04';

function portfolioLoan(s: Schedule, r: () => number, id: number): Record<string, unknown> {
  const rows = s.rows.map((x) => ({
    n: x.n,
    dueDate: x.dueDate,
    principal: x.principal.toString(),
    interest: x.interest.toString(),
    vat: x.vat.toString(),
  }));
  const habit = r(); // < 0.7 pays on time, < 0.9 pays late, else stops paying part way
  const stopAt = habit >= 0.9 ? Math.floor(r() * rows.length) : rows.length;
  const payments: { id: string; date: string; amount: string }[] = [];
  s.rows.forEach((x, k) => {
    const date = habit < 0.7 ? x.dueDate : addDaysIso(x.dueDate, 1 + Math.floor(r() * 20));
    if (k < stopAt && date <= AS_OF) payments.push({ id: `${id}-${k}`, date, amount: x.total.toString() });
  });
  return {
    currency: 'MXN',
    disbursementDate: s.terms.disbursementDate,
    profile: 'MX',
    contractDate: s.terms.contractDate,
    rows,
    payments,
    asOf: AS_OF,
    allocation: 'penalties-first',
    penalty: { dailyPercent: '0.1', graceDays: 3 },
    lateFees: [{ name: 'pago tardío', amount: '250', graceDays: 3 }],
    delinquency: { graceDays: 3 },
  };
}

export default async function servicingBench(): Promise<void> {
  const { terms } = parseServicingInput(oneLoanInput());
  const one = median(() => service(terms), 300);
  const oneJson = median(() => servicingFromJson(oneLoanInput()), 100);

  const LOANS = 100_000;
  const CHUNK = 5_000;
  const pool = templates();
  const r = rng(13);
  // Two stages timed apart: what the nightly job stores (days past due, bucket, amounts: parse +
  // service) and the full servicing JSON the API would answer with on top of it. CPU time beside
  // wall time: on a shared machine the wall clock also counts other processes' turns.
  let serviceMs = 0;
  let jsonMs = 0;
  let cpuMs = 0;
  let delinquent = 0;
  for (let done = 0; done < LOANS; done += CHUNK) {
    const inputs = Array.from({ length: CHUNK }, (_, k) => portfolioLoan(pool[Math.floor(r() * pool.length)]!, r, done + k));
    const c0 = process.cpuUsage();
    for (const input of inputs) {
      const t0 = performance.now();
      const { terms } = parseServicingInput(input);
      const result = service(terms);
      const t1 = performance.now();
      servicingToJson(result, terms);
      jsonMs += performance.now() - t1;
      serviceMs += t1 - t0;
      if (result.daysPastDue > 0) delinquent++;
    }
    const c = process.cpuUsage(c0);
    cpuMs += (c.user + c.system) / 1000;
  }

  const fmt = (x: number) => `${x.toFixed(3)} ms`;
  console.log(`servicing 36 rows × 36 payments, late fees, 2 prepayments (service)   ${fmt(one)}   target ≤ 2 ms`);
  console.log(`the same, JSON in → JSON out (parse, schedule, service, JSON)         ${fmt(oneJson)}`);
  const sec = (x: number) => `${(x / 1000).toFixed(1)} s`;
  console.log(
    `nightly servicing, ${LOANS.toLocaleString('en')} generated loans, one core (parse + service)  ${sec(serviceMs)}   target ≤ 60 s   (${delinquent} delinquent)`,
  );
  console.log(`  + servicing JSON for each                                            ${sec(jsonMs)}`);
  console.log(`  CPU time of both stages                                              ${sec(cpuMs)}`);
}
