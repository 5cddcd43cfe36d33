// Wall-clock time in a debtor's time zone (IANA name, e.g. "Asia/Yekaterinburg", "America/Mexico_City"),
// with nothing but Intl: contact rules are written in the debtor's local hours, our clock is UTC.
// Pure: the instant is always an argument.

/** A local calendar day and the minute of that day. */
export interface LocalTime {
  /** ISO day, "2026-12-04". */
  day: string;
  /** 0 = Monday … 6 = Sunday (ISO). */
  weekday: number;
  /** Minutes since local midnight, 0–1439. */
  minute: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(tz: string): Intl.DateTimeFormat {
  let f = formats.get(tz);
  if (!f) {
    // Throws RangeError for an unknown zone: callers validate zones when they are configured.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(tz, f);
  }
  return f;
}

/** True when `tz` is a zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    format(tz);
    return true;
  } catch {
    return false;
  }
}

function parts(at: Date, tz: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const p: Record<string, number> = {};
  for (const x of format(tz).formatToParts(at)) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return { y: p.year!, m: p.month!, d: p.day!, h: p.hour!, min: p.minute!, s: p.second! };
}

/** Offset of `tz` from UTC at `at`, in ms (positive east of Greenwich). */
function offsetMs(at: Date, tz: string): number {
  const p = parts(at, tz);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

export function localTime(at: Date, tz: string): LocalTime {
  const p = parts(at, tz);
  const day = `${String(p.y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
  const weekday = (new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay() + 6) % 7;
  return { day, weekday, minute: p.h * 60 + p.min };
}

/**
 * The instant at which the local clock in `tz` shows `day` + `minute`. In a spring-forward gap
 * (a local time that does not exist) it is the first instant after the gap; in an autumn overlap,
 * the earlier of the two — both err towards "not before the local time asked for".
 */
export function instantAt(day: string, minute: number, tz: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, Math.floor(minute / 60), minute % 60);
  let guess = wall - offsetMs(new Date(wall), tz);
  guess = wall - offsetMs(new Date(guess), tz);
  const got = localTime(new Date(guess), tz);
  if (got.day === day && got.minute === minute) return new Date(guess);
  // The wall time fell in a gap (clocks jumped over it): the transition itself, found by bisection
  // between an instant showing an earlier local time and one showing a later one.
  const wanted = `${day} ${String(minute).padStart(4, '0')}`;
  const shows = (t: number) => {
    const l = localTime(new Date(t), tz);
    return `${l.day} ${String(l.minute).padStart(4, '0')}`;
  };
  let lo = Math.min(guess, wall - offsetMs(new Date(guess + 3 * 3_600_000), tz)) - 3 * 3_600_000;
  let hi = lo + 6 * 3_600_000;
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (shows(mid) >= wanted) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** The ISO day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
