import { describe, expect, it } from 'vitest';
import type { FileLocale, RawTable } from '../types.js';
import { mapLines } from './map-lines.js';

const RU: FileLocale = { dateOrder: 'dmy', decimalSeparator: ',' };
const MAPPING = { dealId: 'Сделка', date: 'Дата', amount: 'Сумма', reference: 'Референс' };
const { reference: _, ...NO_REFERENCE } = MAPPING;

function table(header: string[], ...rows: string[][]): RawTable {
  return { format: 'csv', header, rows: rows.map((cells, i) => ({ line: i + 2, cells })) };
}

describe('mapLines', () => {
  it('finds columns by name without case, spaces or a BOM, in any order, ignoring columns not mapped', () => {
    const t = table(['\uFEFFсумма', 'Комментарий', 'ДАТА ', ' сделка', 'Референс'], ['100', 'x', '05.03.2026', '1 234', '']);
    expect(mapLines(t, MAPPING, RU)).toEqual({
      lines: [{ line: 2, dealId: 1234, date: '2026-03-05', amount: '100.00', reference: null }],
      issues: [],
    });
  });

  it('a missing or doubled column is a line-0 issue naming it, and no line is read', () => {
    const t = table(['Сделка', 'Дата', 'Дата', 'Amount'], ['1', '05.03.2026', '05.03.2026', '1']);
    expect(mapLines(t, MAPPING, RU)).toEqual({
      lines: [],
      issues: [
        expect.objectContaining({ line: 0, column: 'Дата', code: 'MAPPING_COLUMN_AMBIGUOUS' }),
        expect.objectContaining({ line: 0, column: 'Сумма', code: 'MAPPING_COLUMN_MISSING' }),
        expect.objectContaining({ line: 0, column: 'Референс', code: 'MAPPING_COLUMN_MISSING' }),
      ],
    });
  });

  it('the reference is optional in the mapping', () => {
    const t = table(['Сделка', 'Дата', 'Сумма'], ['7', '05.03.2026', '1']);
    expect(mapLines(t, NO_REFERENCE, RU).lines).toEqual([{ line: 2, dealId: 7, date: '2026-03-05', amount: '1.00', reference: null }]);
  });

  it('each bad cell is an issue on its line and column; the line itself is not returned', () => {
    const t = table(
      ['Сделка', 'Дата', 'Сумма', 'Референс'],
      ['12a', '05.03.2026', '100', 'r1'],
      ['12', '31.02.2026', '-5', 'r2'],
      ['', '', '100,505', 'r3'],
      ['0', '05.03.2026', '1,500.50', ''],
    );
    const { lines, issues } = mapLines(t, MAPPING, RU);
    expect(lines).toEqual([]);
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [2, 'Сделка', 'BAD_DEAL_ID'],
      [3, 'Дата', 'BAD_DATE'],
      [3, 'Сумма', 'AMOUNT_NOT_POSITIVE'],
      [4, 'Сделка', 'VALUE_MISSING'],
      [4, 'Дата', 'VALUE_MISSING'],
      [4, 'Сумма', 'AMOUNT_SCALE'],
      [5, 'Сделка', 'BAD_DEAL_ID'],
      [5, 'Сумма', 'BAD_AMOUNT'],
    ]);
  });

  it('rows whose mapped cells are all empty are skipped (a note beside the table, a blank row)', () => {
    const t = table(
      ['Сделка', 'Дата', 'Сумма', 'Референс', 'Примечание'],
      ['', '', '', '', 'Итого'],
      ['', '', '', '', ''],
      ['5', '2026-03-05', '1', ' R ', ''],
    );
    expect(mapLines(t, MAPPING, RU).lines).toEqual([{ line: 4, dealId: 5, date: '2026-03-05', amount: '1.00', reference: 'R' }]);
  });

  it('deal IDs as spreadsheets write them: grouped, or a number cell with ".0"', () => {
    const t = table(
      ['Сделка', 'Дата', 'Сумма'],
      ['1 234', '05.03.2026', '1'],
      ['1234.0', '05.03.2026', '1'],
      ['1234,00', '05.03.2026', '1'],
    );
    expect(mapLines(t, NO_REFERENCE, RU).lines.map((l) => l.dealId)).toEqual([1234, 1234, 1234]);
  });

  it("the amount takes the loan currency's scale when the caller knows it", () => {
    const t = table(
      ['Сделка', 'Дата', 'Сумма'],
      ['1', '05.03.2026', '1 500'],
      ['2', '05.03.2026', '1 500,5'],
      ['3', '05.03.2026', '1,125'],
    );
    const scales: Record<number, number> = { 1: 0, 2: 0, 3: 3 };
    const { lines, issues } = mapLines(t, NO_REFERENCE, RU, (dealId) => scales[dealId]);
    expect(lines.map((l) => l.amount)).toEqual(['1500', '1.125']);
    expect(issues).toEqual([expect.objectContaining({ line: 3, code: 'AMOUNT_SCALE' })]);
  });
});
