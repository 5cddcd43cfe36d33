// Lending core timings: a 360-row annuity schedule with the Decimal core vs a plain JS-number loop
// (the floor, wrong in the last cents but as fast as it gets), and servicing 36 rows with 36 payments.
// Targets (issue 4): ≤ 1 ms for 360 rows, ≤ 10× the floor; ПСК/CAT ≤ 5 ms (the loan tab recomputes per keystroke).
import {
  buildSchedule,
  catFromDatedFlows,
  parseLoanInput,
  parseServicingInput,
  psk,
  scheduleCashFlows,
  scheduleFromJson,
  service,
} from '../lending/index.js';
import { median } from './timing.js';

const loan360 = {
  principal: '250000',
  currency: 'USD',
  contractDate: '2024-01-15',
  method: 'annuity',
  rate: { annualPercent: '9.5' },
  installments: 360,
  interest: 'periodic',
  effectiveRates: [],
};

/** The floor: the same schedule in binary floating point with per-row cent rounding. */
function numberLoop(principal: number, annualPercent: number, n: number): number {
  const r = annualPercent / 100 / 12;
  const pmt = Math.round(((principal * r) / (1 - (1 + r) ** -n)) * 100) / 100;
  let balance = principal;
  let sum = 0;
  for (let k = 1; k <= n; k++) {
    const interest = Math.round(balance * r * 100) / 100;
    const principalPart = k === n ? balance : pmt - interest;
    balance = Math.round((balance - principalPart) * 100) / 100;
    sum += interest;
  }
  return sum;
}

export default async function lendingBench(): Promise<void> {
  const terms = parseLoanInput(loan360);
  const core = median(() => buildSchedule(terms), 300);
  const floor = median(() => numberLoop(250000, 9.5, 360), 3000);
  const json = median(() => scheduleFromJson(loan360), 200);
  const withPsk = median(() => scheduleFromJson({ ...loan360, currency: 'RUB', effectiveRates: ['psk'] }), 100);
  const withCat = median(() => scheduleFromJson({ ...loan360, currency: 'MXN', effectiveRates: ['cat'] }), 100);
  // The rate alone, on a schedule's own cash flows (what a keystroke adds on top of the rows).
  const flows360 = scheduleCashFlows(buildSchedule(terms));
  const flows12 = scheduleCashFlows(
    buildSchedule(parseLoanInput({ ...loan360, principal: '100000', installments: 12, rate: { annualPercent: '18' } })),
  );
  const psk360 = median(() => psk(flows360), 200);
  const psk12 = median(() => psk(flows12), 500);
  const cat360 = median(() => catFromDatedFlows(flows360), 100);

  const rows36 = Array.from({ length: 36 }, (_, k) => ({ n: k + 1 }));
  const loan36 = { ...loan360, principal: '36000', installments: 36, rate: { annualPercent: '24' } };
  const schedule36 = buildSchedule(parseLoanInput(loan36));
  const payments = schedule36.rows.map((r, k) => ({ id: `p${k + 1}`, date: r.dueDate, amount: r.total.toString() }));
  // Some late and short so penalties, past-due buckets and partial allocations are exercised.
  payments[5] = { ...payments[5]!, amount: '100' };
  const servicingInput = { loan: loan36, asOf: '2027-02-15', payments, penalty: { dailyPercent: '0.1' }, allocation: 'ru-statutory-2024' };
  const { terms: servicingTerms } = parseServicingInput(servicingInput);
  const servicing = median(() => service(servicingTerms), 200);
  void rows36;

  const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
  console.log(`schedule 360 rows, core (buildSchedule)      ${fmt(core)}   target ≤ 1 ms`);
  console.log(`schedule 360 rows, JS-number loop (floor)    ${fmt(floor)}`);
  console.log(`ratio core / floor                           ${(core / floor).toFixed(1)}×   target ≤ 10×`);
  console.log(`schedule 360 rows, JSON in → JSON out        ${fmt(json)}`);
  console.log(`schedule 360 rows + ПСК (root finding)       ${fmt(withPsk)}`);
  console.log(`schedule 360 rows + CAT (MXN, IVA)           ${fmt(withCat)}`);
  console.log(`ПСК alone, 360 flows                         ${fmt(psk360)}   target ≤ 5 ms`);
  console.log(`ПСК alone, 12 flows                          ${fmt(psk12)}`);
  console.log(`CAT alone, 360 dated flows                   ${fmt(cat360)}`);
  console.log(`servicing 36 rows, 36 payments (service)     ${fmt(servicing)}`);
}
