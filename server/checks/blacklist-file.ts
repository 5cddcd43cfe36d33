// A blacklist as lenders keep it — a CSV exported from their old system or typed in Excel — read
// into normalised entries. The columns are found by their header in ru/es/en; a row may carry a
// phone, a document number or both. Like payment files, all or nothing: one unreadable value and
// the file is refused with every issue (line, column), so a half-imported list never hides a gap.
import { readCsv } from '../payment-files/parse/read-csv.js';
import { normalizeValue, type CheckedKind, type Country } from './normalize.js';

export interface BlacklistEntry {
  kind: CheckedKind;
  /** Normalised (normalize.ts); what is hashed for lookup and encrypted for display. */
  value: string;
  reason: string | null;
  line: number;
}

export interface BlacklistIssue {
  line: number;
  column: string;
  code: 'BLACKLIST_BAD_PHONE' | 'BLACKLIST_BAD_DOCUMENT' | 'BLACKLIST_EMPTY_ROW';
}

export type BlacklistRead =
  { ok: true; entries: BlacklistEntry[] } | { ok: false; issues: BlacklistIssue[] } | { ok: false; headerMissing: true };

const HEADERS: Record<'phone' | 'document' | 'reason', readonly string[]> = {
  phone: ['phone', 'phone number', 'mobile', 'телефон', 'номер телефона', 'мобильный', 'teléfono', 'telefono', 'celular', 'móvil'],
  document: ['document', 'document number', 'passport', 'документ', 'паспорт', 'номер документа', 'documento', 'curp', 'rfc', 'ine'],
  reason: ['reason', 'comment', 'note', 'причина', 'комментарий', 'примечание', 'motivo', 'comentario', 'nota'],
};

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Reads the file (CSV: UTF-8 or Windows-1251, any usual delimiter); throws the CSV reader's file errors. */
export function readBlacklistFile(content: Buffer, country: Country | null): BlacklistRead {
  const table = readCsv(content);
  const col = (k: keyof typeof HEADERS) => table.header.findIndex((h) => HEADERS[k].includes(norm(h)));
  const phoneCol = col('phone');
  const docCol = col('document');
  const reasonCol = col('reason');
  if (phoneCol < 0 && docCol < 0) return { ok: false, headerMissing: true };
  const entries: BlacklistEntry[] = [];
  const issues: BlacklistIssue[] = [];
  for (const row of table.rows) {
    const phone = phoneCol >= 0 ? (row.cells[phoneCol] ?? '').trim() : '';
    const doc = docCol >= 0 ? (row.cells[docCol] ?? '').trim() : '';
    const reason = reasonCol >= 0 ? (row.cells[reasonCol] ?? '').trim().slice(0, 500) || null : null;
    if (!phone && !doc) {
      issues.push({ line: row.line, column: table.header[phoneCol >= 0 ? phoneCol : docCol]!, code: 'BLACKLIST_EMPTY_ROW' });
      continue;
    }
    for (const [kind, raw, c] of [
      ['phone', phone, phoneCol],
      ['document', doc, docCol],
    ] as const) {
      if (!raw) continue;
      const value = normalizeValue(kind, raw, country);
      if (value === null)
        issues.push({
          line: row.line,
          column: table.header[c]!,
          code: kind === 'phone' ? 'BLACKLIST_BAD_PHONE' : 'BLACKLIST_BAD_DOCUMENT',
        });
      else entries.push({ kind, value, reason, line: row.line });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, entries };
}
