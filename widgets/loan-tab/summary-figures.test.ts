import { describe, expect, it } from 'vitest';
import type { ScheduleRow, Schedule } from './lending-types.js';
import type { HeldSchedule } from './schedule-version.js';
import { shownSchedule, summaryFigures } from './summary-figures.js';

function row(n: number, dueDate: string, principal: string, interest: string, total: string, closing: string): ScheduleRow {
  return { n, dueDate, days: 30, opening: '0.00', principal, interest, fees: '0.00', total, closing };
}

// The contract: 3 × 10,200.00 on 30,000.00.
const CONTRACT: Schedule = {
  installmentAmount: '10200.00',
  rows: [
    row(1, '2026-02-01', '9800.00', '400.00', '10200.00', '20200.00'),
    row(2, '2026-03-01', '9950.00', '250.00', '10200.00', '10250.00'),
    row(3, '2026-04-01', '10250.00', '120.00', '10370.00', '0.00'),
  ],
  totals: { principal: '30000.00', interest: '770.00', fees: '0.00', vat: '0.00', total: '30770.00' },
};

// After a reduce-installment prepayment of 15,000.50 on 2026-02-10: the period it fell in carries the
// principal it took off; the installment now in force is the next one (server/loans/operations/rebuilt-schedule.ts).
const HELD: HeldSchedule = {
  version: 2,
  installmentAmount: '2630.00',
  rows: [
    row(1, '2026-02-01', '9800.00', '400.00', '10200.00', '20200.00'),
    row(2, '2026-03-01', '17500.50', '210.00', '17710.50', '2699.50'),
    row(3, '2026-04-01', '2699.50', '30.00', '2729.50', '0.00'),
  ],
  totals: { principal: '30000.00', interest: '640.00', fees: '0.00', vat: '0.00', total: '30640.00', costOfCredit: '640.00' },
};

describe('summary figures', () => {
  it('without a rebuilt version: the contract’s figures, nothing beside them', () => {
    expect(shownSchedule(CONTRACT, null)).toBe(CONTRACT);
    expect(summaryFigures(CONTRACT, null)).toEqual({
      current: { installment: '10200.00', payments: 3, interest: '770.00', total: '30770.00' },
      contract: null,
    });
  });

  it('after a reduce-installment prepayment: the summary reads the version the table shows, the contract’s beside it', () => {
    const table = shownSchedule(CONTRACT, HELD);
    expect(table.rows).toBe(HELD.rows);
    expect(table.totals).toEqual({ principal: '30000.00', interest: '640.00', fees: '0.00', vat: '0.00', total: '30640.00' });
    const f = summaryFigures(CONTRACT, HELD);
    // The installment in force is a row of the table, and the figures are the table's own.
    expect(f.current.installment).toBe(table.installmentAmount);
    expect(f.current.payments).toBe(table.rows.length);
    expect(f.current.total).toBe(table.totals.total);
    expect(f.current.interest).toBe(table.totals.interest);
    expect(f.contract).toEqual({ installment: '10200.00', payments: 3, interest: '770.00', total: '30770.00' });
  });

  it('a total the server did not send keeps the contract’s, so the table always has one', () => {
    const partial: HeldSchedule = { ...HELD, totals: { interest: '640.00', total: '30640.00' } };
    expect(shownSchedule(CONTRACT, partial).totals).toEqual({ ...CONTRACT.totals, interest: '640.00', total: '30640.00' });
  });
});
