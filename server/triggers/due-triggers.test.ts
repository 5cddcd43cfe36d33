import { describe, expect, it } from 'vitest';
import { dueTriggers } from './due-triggers.js';

// Installment triggers of a day: due soon inside the window, overdue from the next day for a week,
// nothing for what is paid.
describe('installment triggers of a day', () => {
  const inst = (n: number, dueDate: string, open = true) => ({ loanId: 'L', installment: n, dueDate, open });

  it('due soon from soonDays before until the day, overdue from the day after for a week', () => {
    const all = [inst(1, '2024-02-15'), inst(2, '2024-03-15')];
    expect(dueTriggers(all, '2024-02-11', 3)).toEqual([]);
    expect(dueTriggers(all, '2024-02-12', 3)).toEqual([{ code: 'installment_due_soon', loanId: 'L', what: 'L:1' }]);
    expect(dueTriggers(all, '2024-02-15', 3)).toEqual([{ code: 'installment_due_soon', loanId: 'L', what: 'L:1' }]);
    expect(dueTriggers(all, '2024-02-16', 3)).toEqual([{ code: 'installment_overdue', loanId: 'L', what: 'L:1' }]);
    expect(dueTriggers(all, '2024-02-22', 3)).toEqual([{ code: 'installment_overdue', loanId: 'L', what: 'L:1' }]);
    expect(dueTriggers(all, '2024-02-23', 3)).toEqual([]);
  });

  it('a paid installment fires nothing', () => {
    expect(dueTriggers([inst(1, '2024-02-15', false)], '2024-02-14', 3)).toEqual([]);
    expect(dueTriggers([inst(1, '2024-02-15', false)], '2024-02-16', 3)).toEqual([]);
  });
});
