// Agents' files built in the tests, as a Russian Excel or 1C exports them: Windows-1251, ';',
// dd.mm.yyyy, decimal comma with space-grouped thousands ("9 167,98").

export interface FileRow {
  dealId: number | string;
  /** ISO; written as DD.MM.YYYY. */
  date: string;
  /** Plain decimal ("9167.98"). */
  amount: string;
  reference?: string | null;
}

export const HEADER = { dealId: 'Сделка', date: 'Дата платежа', amount: 'Сумма', reference: 'Номер операции' } as const;
export const RU_LOCALE = { dateOrder: 'dmy', decimalSeparator: ',' } as const;

/** Windows-1251 bytes of the text (Node's TextEncoder only does UTF-8). */
export function cp1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const byteOf = new Map(Array.from({ length: 256 }, (_, b) => [decoder.decode(Uint8Array.of(b)), b] as const));
  return Buffer.from([...text].map((ch) => byteOf.get(ch) ?? 0x3f));
}

/** "9167.98" → "9 167,98". */
export function ruAmount(amount: string): string {
  const [whole, frac] = amount.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ' ');
  return frac === undefined ? grouped : `${grouped},${frac}`;
}

export function agentCsv(rows: readonly FileRow[]): Buffer {
  const dmy = (iso: string) => iso.split('-').reverse().join('.');
  const lines = [
    [HEADER.dealId, HEADER.date, HEADER.amount, HEADER.reference].join(';'),
    ...rows.map((r) => [r.dealId, dmy(r.date), ruAmount(r.amount), r.reference ?? ''].join(';')),
  ];
  return cp1251(lines.join('\r\n') + '\r\n');
}
