import type { Translate } from './i18n.js';

/**
 * A reversal's reason as the viewer reads it. The reason is a code (server: ledger_entries.reason_code),
 * so it is always said in the viewer's language: a code the tab offers by its own text, a code another
 * source sent (the API takes any `^[A-Z0-9_]+$`) as "Other reason" with the code kept for support. The
 * note beside it is what a person typed and is shown as typed.
 */
export function reasonLabel(t: Translate, code: string | null): string | null {
  if (!code) return null;
  const key = `reason.${code}`;
  return t.has(key) ? t(key) : `${t('reasonOther')} (${code})`;
}

/** The reason and the note as one line of the reversed list: "Duplicate payment · what was typed". */
export function reversalText(t: Translate, reasonCode: string | null, note: string | null): string {
  return [reasonLabel(t, reasonCode), note].filter(Boolean).join(' · ') || '—';
}
