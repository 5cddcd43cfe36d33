import type { PaymentFileParser } from './parser-port.js';
import type { PaymentLine, RawTable } from '../types.js';

// Test helpers for the import: agents' files built in the test (CP1251, ';', decimal comma, as a
// Russian Excel exports them) and a stand-in parser while the real one is being written.

export interface FileRow {
  dealId: number | string;
  /** ISO; written as DD.MM.YYYY. */
  date: string;
  /** Plain decimal ("9167.98"); written with a decimal comma. */
  amount: string;
  reference?: string | null;
}

export const HEADER = { dealId: 'Сделка', date: 'Дата платежа', amount: 'Сумма', reference: 'Номер операции' } as const;
export const RU_LOCALE = { dateOrder: 'dmy', decimalSeparator: ',' } as const;

/** Windows-1251 bytes of text made of ASCII and Russian letters (Node has no 1251 encoder). */
export function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (c === 0x401) return 0xa8;
      if (c === 0x451) return 0xb8;
      throw new Error(`no cp1251 byte for ${ch}`);
    }),
  );
}

export function agentCsv(rows: readonly FileRow[]): Buffer {
  const dmy = (iso: string) => iso.split('-').reverse().join('.');
  const lines = [
    [HEADER.dealId, HEADER.date, HEADER.amount, HEADER.reference].join(';'),
    ...rows.map((r) => [r.dealId, dmy(r.date), r.amount.replace('.', ','), r.reference ?? ''].join(';')),
  ];
  return cp1251(lines.join('\r\n') + '\r\n');
}

/** Stand-in for server/payment-files/parse until it lands: only what agentCsv writes. */
export const stubParser: PaymentFileParser = {
  maxFileBytes: 5 * 1024 * 1024,
  readTable(file): RawTable {
    const text = [...file.content]
      .map((b) => (b < 0x80 ? String.fromCharCode(b) : b >= 0xc0 ? String.fromCodePoint(b - 0xc0 + 0x410) : '?'))
      .join('');
    const [header, ...rest] = text.split('\r\n').filter((l) => l !== '');
    return { format: 'csv', header: header!.split(';'), rows: rest.map((l, i) => ({ line: i + 2, cells: l.split(';') })) };
  },
  mapLines(table, mapping) {
    const col = (name: string | undefined) => (name === undefined ? -1 : table.header.indexOf(name));
    const [d, t, a, r] = [col(mapping.dealId), col(mapping.date), col(mapping.amount), col(mapping.reference)];
    const lines: PaymentLine[] = [];
    const issues = [];
    for (const row of table.rows) {
      const dealId = Number(row.cells[d]);
      if (!Number.isInteger(dealId) || dealId <= 0) {
        issues.push({ line: row.line, column: mapping.dealId, code: 'DEAL_ID_INVALID', message: 'not a deal id' });
        continue;
      }
      const date = row.cells[t]!.split('.').reverse().join('-');
      const reference = r < 0 ? null : row.cells[r] || null;
      lines.push({ line: row.line, dealId, date, amount: row.cells[a]!.replace(',', '.'), reference });
    }
    return { lines, issues };
  },
};
