// A value date as text → ISO "YYYY-MM-DD". The day/month order comes from the file's locale, never
// from the data ("05/03/2026" is 5 March for dmy and 3 May for mdy). ISO text is accepted in every
// locale: Excel date cells arrive as ISO (cell-text.ts) and ISO cannot be misread. A time after the
// date ("05.03.2026 14:30", "2026-03-06T14:30:00") is dropped: a payment's value date is a day.
// Two-digit years are refused rather than given a century; serial numbers (46086) are not dates.
import { daysInMonth, fromYmd } from '../../../lending/dates.js';
import type { FileLocale } from '../types.js';

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?`;
const ISO_RE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const DAY_MONTH_RE = new RegExp(String.raw`^(\d{1,2})([./-])(\d{1,2})\2(\d{4})${TIME}$`);
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

export function parseDate(raw: string, dateOrder: FileLocale['dateOrder']): string | null {
  const s = raw.trim();
  const iso = ISO_RE.exec(s);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (dateOrder === 'iso') return null;
  const m = DAY_MONTH_RE.exec(s);
  if (!m) return null;
  const [first, second, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  return dateOrder === 'dmy' ? calendarDate(year, second, first) : calendarDate(year, first, second);
}

function calendarDate(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return fromYmd(y, m, d);
}
