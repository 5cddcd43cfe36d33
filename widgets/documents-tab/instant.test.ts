import { describe, expect, it } from 'vitest';
import { formatInstant } from './instant.js';

// A pack's and a message's time in the tab's own date digits, not Intl's 'medium' style.
describe('formatInstant', () => {
  it('writes day, month, year and a 24-hour time as the tab’s dates are written', () => {
    expect(formatInstant('2026-12-06T04:18:00.000Z', 'ru', 'UTC')).toBe('06.12.2026, 04:18');
    expect(formatInstant('2026-12-06T01:28:00.000Z', 'es', 'America/Mexico_City')).toBe('05/12/2026, 19:28');
    expect(formatInstant('2026-12-06T04:18:00.000Z', 'en', 'UTC')).toMatch(/^12\/06\/2026, 04:18\sAM$/u);
  });
});
