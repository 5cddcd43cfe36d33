// An instant (a pack made, a message sent) as the tab writes its dates: ru 06.12.2026, 04:18;
// es-MX 06/12/2026, 19:28 — the digits the date inputs use (field-input.ts DATE_PLACEHOLDER), where
// dateStyle 'medium' wrote "6 дек. 2026 г." and "5 dic 2026, 7:28 p.m." beside them (a user trial).
import { LOCALE_OF, type WidgetLang } from '../shared/locale.js';

/** In the reader's time zone unless one is given (tests). */
export function formatInstant(iso: string, lang: WidgetLang, timeZone?: string): string {
  return new Date(iso).toLocaleString(LOCALE_OF[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    // A 24-hour clock as Russian and Mexican forms write it; English keeps its AM/PM.
    hourCycle: lang === 'en' ? 'h12' : 'h23',
    ...(timeZone ? { timeZone } : {}),
  });
}
