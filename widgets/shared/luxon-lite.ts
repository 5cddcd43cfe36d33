// Build-time stand-in for `luxon` inside widget bundles (aliased in widgets/vite.config.ts).
// @bitrix24/b24jssdk 2.2.0 imports luxon's DateTime only for log-line dates and the Text.toDateTime
// helper; neither is on the frame path the widgets use (init, resize, REST calls), yet luxon costs
// ~20 KB gzipped of our 100 KB budget. This covers the calls the SDK makes, in UTC-agnostic local
// time like luxon's defaults, for the formatting tokens the SDK uses (yyyy yy MM M dd d HH mm ss).
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export class DateTime {
  private constructor(private readonly d: Date) {}

  static fromJSDate(d: Date): DateTime {
    return new DateTime(new Date(d.getTime()));
  }
  static now(): DateTime {
    return new DateTime(new Date());
  }
  static fromISO(s: string): DateTime {
    return new DateTime(new Date(s));
  }
  /** Only ISO-like templates are honoured; anything else parses as ISO or yields an invalid date. */
  static fromFormat(s: string, _template: string): DateTime {
    return new DateTime(new Date(s));
  }
  get isValid(): boolean {
    return !Number.isNaN(this.d.getTime());
  }
  toJSDate(): Date {
    return new Date(this.d.getTime());
  }
  toSeconds(): number {
    return this.d.getTime() / 1000;
  }
  toMillis(): number {
    return this.d.getTime();
  }
  toISO(): string {
    return this.d.toISOString();
  }
  toFormat(fmt: string): string {
    const d = this.d;
    const map: Record<string, string> = {
      yyyy: String(d.getFullYear()),
      yy: pad(d.getFullYear() % 100),
      MM: pad(d.getMonth() + 1),
      M: String(d.getMonth() + 1),
      dd: pad(d.getDate()),
      d: String(d.getDate()),
      HH: pad(d.getHours()),
      mm: pad(d.getMinutes()),
      ss: pad(d.getSeconds()),
    };
    return fmt.replace(/yyyy|yy|MM|M|dd|d|HH|mm|ss/g, (t) => map[t] ?? t);
  }
  toString(): string {
    return this.toISO();
  }
}
