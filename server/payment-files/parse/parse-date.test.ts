import { describe, expect, it } from 'vitest';
import { parseDate } from './parse-date.js';

describe('parseDate', () => {
  it.each([
    ['05.03.2026', 'dmy', '2026-03-05'],
    ['5/3/2026', 'dmy', '2026-03-05'],
    ['31-12-2026', 'dmy', '2026-12-31'],
    ['05/03/2026', 'mdy', '2026-05-03'],
    ['12/31/2026', 'mdy', '2026-12-31'],
    ['2026-03-05', 'dmy', '2026-03-05'],
    ['2026-03-06T14:30:00', 'mdy', '2026-03-06'],
    ['05.03.2026 14:30', 'dmy', '2026-03-05'],
    ['2026-3-5', 'iso', '2026-03-05'],
    ['29.02.2028', 'dmy', '2028-02-29'],
  ] as const)('%s (%s) → %s', (raw, order, iso) => {
    expect(parseDate(raw, order)).toBe(iso);
  });

  it.each([
    ['31/12/2026', 'mdy'],
    ['29.02.2026', 'dmy'],
    ['05.03.26', 'dmy'],
    ['05.03/2026', 'dmy'],
    ['05.03.2026', 'iso'],
    ['46086', 'dmy'],
    ['2026-13-01', 'iso'],
    ['01.01.1800', 'dmy'],
    ['', 'dmy'],
  ] as const)('%s (%s) is not a date', (raw, order) => {
    expect(parseDate(raw, order)).toBeNull();
  });
});
