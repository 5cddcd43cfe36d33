// The reminder section's forms as typed (strings), and the pure steps from them to the API bodies and
// back: the portal's settings (days, channels, zone, law, MX hours, RU moved days) and a product's own
// rules. Days and times are read the way people write them ("-3, 0, 1, 7", "9", "09:00", "9.00");
// moved days as 09.01.2026, 09/01/2026 or 2026-01-09 and shown the way the page's language writes
// them. A slip is shown at once beside its field; the server checks everything again.
import type { Lang } from './i18n.js';
import type { EmployeeVia, ProductReminderRule, ReminderSettingsBody, ReminderSettingsView } from '../../wire/reminders.js';

export interface PortalForm {
  offsets: string;
  clientSms: boolean;
  employee: boolean;
  timeZone: string;
  law: 'RU' | 'MX';
  quietFrom: string;
  quietTo: string;
  holidays: string;
  smsProvider: string | null;
}

export type PortalField = 'offsets' | 'timeZone' | 'quietFrom' | 'quietTo' | 'quietHours' | 'holidays' | 'channels';
/** Why a field is refused: the screen's own checks and the server's codes. */
export type FieldError =
  'offsets' | 'time' | 'quietLaw' | 'day' | 'zone' | 'channels' | 'days' | 'duplicate' | 'nobody' | 'template' | 'invalid';

/** A rule as typed: when (before / on the day / after + days), SMS template ('' none), employee ('' none). */
export interface RuleForm {
  when: 'before' | 'due' | 'after';
  days: string;
  smsTemplate: string;
  employee: '' | EmployeeVia;
}

export const emptyPortalForm = (lang: Lang): PortalForm => ({
  offsets: '-3, 0, 1, 3, 7, 30',
  clientSms: true,
  employee: false,
  timeZone: lang === 'es' ? 'America/Mexico_City' : 'Europe/Moscow',
  law: lang === 'es' ? 'MX' : 'RU',
  quietFrom: '07:00',
  quietTo: '22:00',
  holidays: '',
  smsProvider: null,
});

const pad = (n: number) => String(n).padStart(2, '0');
export const timeText = (minute: number): string => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/** "9", "09:00", "9.30", "9 30" → minutes of the day, or null. */
export function parseTime(s: string): number | null {
  const m = /^(\d{1,2})(?:\s*[:.\s]\s*(\d{2}))?$/.exec(s.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

/** A day as the page's language writes it: 09.01.2026 (ru), 09/01/2026 (es), 2026-01-09 (en). */
export function dayText(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-');
  if (lang === 'ru') return `${d}.${m}.${y}`;
  if (lang === 'es') return `${d}/${m}/${y}`;
  return iso;
}

/** One typed day → ISO, or null. Day first for dotted and slashed dates (Russia and Mexico both write it so). */
export function parseDay(s: string): string | null {
  const t = s.trim();
  let y: number, m: number, d: number;
  let g = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (g) [y, m, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
  else if ((g = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t))) [d, m, y] = [Number(g[1]), Number(g[2]), Number(g[3])];
  else return null;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** The list as the textarea shows it: one day per line. */
export const holidaysText = (days: readonly string[], lang: Lang): string => days.map((d) => dayText(d, lang)).join('\n');

export function formOf(v: ReminderSettingsView, defaultHolidays: readonly string[], lang: Lang): PortalForm {
  return {
    offsets: v.offsets.join(', '),
    clientSms: v.clientSms,
    employee: v.employee,
    timeZone: v.timeZone,
    law: v.law,
    quietFrom: timeText(v.quietHours?.fromMinute ?? 7 * 60),
    quietTo: timeText(v.quietHours?.toMinute ?? 22 * 60),
    holidays: holidaysText(v.holidays ?? defaultHolidays, lang),
    smsProvider: v.smsProvider,
  };
}

/** The body the form stands for, or the fields to fix first (the first bad day is named). */
export function bodyOf(
  f: PortalForm,
): { body: ReminderSettingsBody } | { errors: Partial<Record<PortalField, FieldError>>; badDay?: string } {
  const errors: Partial<Record<PortalField, FieldError>> = {};
  const parts = f.offsets.split(/[,;\s]+/).filter((x) => x !== '');
  const offsets = parts.map((x) => (/^[-+−]?\d{1,3}$/.test(x) ? Number(x.replace('−', '-')) : NaN));
  if (parts.length === 0 || parts.length > 20 || offsets.some((o) => !Number.isInteger(o) || Math.abs(o) > 365)) errors.offsets = 'offsets';
  if (f.timeZone.trim() === '') errors.timeZone = 'zone';
  if (!f.clientSms && !f.employee) errors.channels = 'channels';
  let quietHours: ReminderSettingsBody['quietHours'] = null;
  if (f.law === 'MX') {
    const from = parseTime(f.quietFrom);
    const to = parseTime(f.quietTo);
    if (from === null) errors.quietFrom = 'time';
    if (to === null) errors.quietTo = 'time';
    if (from !== null && to !== null) {
      if (from < 7 * 60 || to > 22 * 60 || from >= to) errors.quietHours = 'quietLaw';
      quietHours = { fromMinute: from, toMinute: to };
    }
  }
  let holidays: string[] | null = null;
  let badDay: string | undefined;
  if (f.law === 'RU') {
    const typed = f.holidays
      .split(/[\n,;]+/)
      .map((x) => x.trim())
      .filter((x) => x !== '');
    holidays = [];
    for (const t of typed) {
      const iso = parseDay(t);
      if (iso === null) {
        errors.holidays = 'day';
        badDay ??= t;
      } else holidays.push(iso);
    }
    holidays = [...new Set(holidays)].sort();
  }
  if (Object.keys(errors).length > 0) return badDay === undefined ? { errors } : { errors, badDay };
  return {
    body: {
      offsets: [...new Set(offsets)].sort((a, b) => a - b),
      clientSms: f.clientSms,
      employee: f.employee,
      timeZone: f.timeZone.trim(),
      law: f.law,
      smsProvider: f.smsProvider,
      quietHours,
      ...(holidays === null ? {} : { holidays }),
    },
  };
}

/** Which field a server refusal names, and why. */
export function portalRefusal(code: string, field: unknown): { field: PortalField; error: FieldError } | null {
  if (code === 'REMINDER_TIME_ZONE_UNKNOWN') return { field: 'timeZone', error: 'zone' };
  if (code === 'REMINDER_QUIET_HOURS_OUTSIDE_LAW') return { field: 'quietHours', error: 'quietLaw' };
  if (code === 'REMINDER_HOLIDAY_INVALID') return { field: 'holidays', error: 'day' };
  if (field === 'offsets') return { field: 'offsets', error: 'offsets' };
  return null;
}

export const newRule = (): RuleForm => ({ when: 'after', days: '1', smsTemplate: 'overdue-notice', employee: '' });

export function ruleFormOf(r: ProductReminderRule): RuleForm {
  const o = r.offsetDays;
  return {
    when: o < 0 ? 'before' : o === 0 ? 'due' : 'after',
    days: o === 0 ? '' : String(Math.abs(o)),
    smsTemplate: r.smsTemplate ?? '',
    employee: r.employee ?? '',
  };
}

export type RuleField = 'days' | 'smsTemplate' | 'rule';
export type RuleErrors = Record<number, Partial<Record<RuleField, FieldError>>>;

/** The rules the rows stand for, or the rows' fields to fix first. */
export function rulesOf(rows: readonly RuleForm[]): { rules: ProductReminderRule[] } | { errors: RuleErrors } {
  const errors: RuleErrors = {};
  const seen = new Set<number>();
  const rules = rows.map((r, i) => {
    const n = r.when === 'due' ? 0 : /^\d{1,3}$/.test(r.days.trim()) ? Number(r.days.trim()) : NaN;
    const bad = (field: RuleField, e: FieldError) => (errors[i] = { ...errors[i], [field]: e });
    if (r.when !== 'due' && (!Number.isInteger(n) || n < 1 || n > 365)) bad('days', 'days');
    const offsetDays = r.when === 'before' ? -n : n;
    if (Number.isInteger(offsetDays)) {
      if (seen.has(offsetDays)) bad('days', 'duplicate');
      seen.add(offsetDays);
    }
    if (r.smsTemplate === '' && r.employee === '') bad('rule', 'nobody');
    return { offsetDays, smsTemplate: r.smsTemplate === '' ? null : r.smsTemplate, employee: r.employee === '' ? null : r.employee };
  });
  return Object.keys(errors).length > 0 ? { errors } : { rules };
}

/** A server refusal of a product's rules → the row and field it names ("rules.2.offsetDays"). */
export function ruleRefusal(code: string, field: unknown): RuleErrors | null {
  const m = typeof field === 'string' ? /^rules\.(\d+)(?:\.(\w+))?$/.exec(field) : null;
  if (!m) return null;
  const i = Number(m[1]);
  if (code === 'REMINDER_RULE_DUPLICATE') return { [i]: { days: 'duplicate' } };
  if (code === 'REMINDER_TEMPLATE_UNKNOWN') return { [i]: { smsTemplate: 'template' } };
  if (code === 'REMINDER_RULE_EMPTY') return { [i]: { rule: 'nobody' } };
  return { [i]: { rule: 'invalid' } };
}
