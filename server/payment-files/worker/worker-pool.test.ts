import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../../test/support/payment-file-fixtures.js';
import { createParsePool } from './worker-pool.js';

// The pool with real worker threads (started through tsx's hooks, as under `npm start`): a file is
// parsed in its thread; a thread past its time or heap is stopped and the file refused with a code
// the page explains; more files than threads + queue are refused before they wait.
const mapping = { dealId: 'Сделка', date: 'Дата', amount: 'Сумма' };
const locale = { dateOrder: 'dmy', decimalSeparator: ',' } as const;
const csv = { fileName: 'agent.csv', content: Buffer.from('Сделка;Дата;Сумма\n7;15.02.2024;1 000,50\n', 'utf8') };
const options = { threads: 1, queueLimit: 1, timeoutMs: 60_000, memoryMb: 256 };

describe('parse pool (worker threads)', () => {
  it('parses a file in a worker thread and says when it started', async () => {
    const pool = createParsePool(options);
    let started = false;
    const r = await pool.parse(csv, mapping, locale, { onStart: () => (started = true) });
    expect(started).toBe(true);
    expect(r).toEqual({
      table: { format: 'csv', rowCount: 1 },
      lines: [{ line: 2, dealId: 7, date: '2024-02-15', amount: '1000.50', reference: null }],
      issues: [],
    });
    await pool.close();
  });

  it('sends a refusal of the file back as the same AppError', async () => {
    const pool = createParsePool(options);
    const e = await refusalOf(pool.parse({ fileName: 'x.csv', content: Buffer.alloc(0) }, mapping, locale));
    expect([e.code, e.status]).toEqual(['FILE_EMPTY', 422]);
    await pool.close();
  });

  it('stops a thread that runs out of time (FILE_PARSE_TIMEOUT) or heap (FILE_TOO_COMPLEX)', async () => {
    const slow = createParsePool({ ...options, timeoutMs: 1 });
    expect((await refusalOf(slow.parse(csv, mapping, locale))).code).toBe('FILE_PARSE_TIMEOUT');
    await slow.close();
    // 8 MB of heap does not even hold the parser's modules.
    const small = createParsePool({ ...options, memoryMb: 8 });
    expect((await refusalOf(small.parse(csv, mapping, locale))).code).toBe('FILE_TOO_COMPLEX');
    await small.close();
  });

  it('refuses a file beyond threads + queue with 429 before it waits, and the waiting ones on close', async () => {
    const pool = createParsePool(options);
    const first = pool.parse(csv, mapping, locale);
    const second = pool.parse(csv, mapping, locale);
    expect(pool.hasRoom()).toBe(false);
    const third = await refusalOf(pool.parse(csv, mapping, locale));
    expect([third.code, third.status]).toEqual(['IMPORTS_BUSY', 429]);
    const settled = Promise.allSettled([first, second]);
    await pool.close();
    const codes = (await settled).map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'parsed'));
    expect(codes).toEqual(['NOT_READY', 'NOT_READY']);
  });
});
