import { describe, expect, it } from 'vitest';
import { chartPaths, H, MAX_BARS } from './chart-paths.js';
import type { ScheduleRow } from './lending-types.js';

function rows(n: number): ScheduleRow[] {
  return Array.from({ length: n }, (_, i) => {
    const opening = 1000 * (n - i);
    return {
      n: i + 1,
      opening: String(opening),
      principal: '1000',
      interest: String(n - i),
      closing: String(opening - 1000),
    } as unknown as ScheduleRow;
  });
}

const bars = (d: string): number => (d.match(/M/g) ?? []).length;

describe('chartPaths', () => {
  it('draws one bar per installment for a short schedule', () => {
    const p = chartPaths(rows(12))!;
    expect(bars(p.principal)).toBe(12);
    expect(bars(p.interest)).toBe(12);
    expect(p.balance.split('L')).toHaveLength(12);
  });

  it('groups a long schedule into at most MAX_BARS bars and ends the balance line at zero', () => {
    const p = chartPaths(rows(360))!;
    expect(bars(p.principal)).toBe(MAX_BARS);
    expect(p.balance.split('L')).toHaveLength(MAX_BARS);
    // The last bucket's closing balance is 0: the line touches the chart's bottom padding.
    expect(p.balance.endsWith(` ${(H - 4).toFixed(1)}`)).toBe(true);
  });

  it('draws nothing without rows', () => {
    expect(chartPaths([])).toBeNull();
  });
});
