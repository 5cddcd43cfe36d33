// Run by test/parse-pool-oom-under-tsx.test.ts as `node --import tsx` (the runtime of `npm start`):
// parse threads that run out of heap, one after another, in one process. Each must come back as
// FILE_TOO_COMPLEX and the process must live; before worker-pool.ts turned concurrent recompilation
// off, a thread dying mid-optimisation aborted the process (exit 134) in most runs of 60.
import { createParsePool } from '../../server/payment-files/worker/worker-pool.js';

const mapping = { dealId: 'Сделка', date: 'Дата', amount: 'Сумма' };
const locale = { dateOrder: 'dmy', decimalSeparator: ',' } as const;
const csv = { fileName: 'agent.csv', content: Buffer.from('Сделка;Дата;Сумма\n7;15.02.2024;1 000,50\n', 'utf8') };
const runs = Number(process.argv[2] ?? 40);
const codes: Record<string, number> = {};
for (let i = 0; i < runs; i++) {
  // 8 MB of heap does not even hold the parser's modules: the thread dies at its limit.
  const pool = createParsePool({ threads: 1, queueLimit: 1, timeoutMs: 60_000, memoryMb: 8 });
  let code = 'parsed';
  try {
    await pool.parse(csv, mapping, locale);
  } catch (e) {
    code = (e as { code?: string }).code ?? 'unknown';
  }
  codes[code] = (codes[code] ?? 0) + 1;
  await pool.close();
}
console.log(JSON.stringify({ step: 'done', codes }));
