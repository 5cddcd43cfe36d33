import { describe, expect, it } from 'vitest';
import { applyFilter, parseFilter } from './filter.js';

const rows = [
  { ID: 1, TITLE: 'Préstamo', OPPORTUNITY: 5000, STAGE: 'NEW' },
  { ID: 2, TITLE: 'Заём', OPPORTUNITY: 150000, STAGE: 'ISSUED' },
  { ID: 3, TITLE: 'Loan a', OPPORTUNITY: 15000, STAGE: 'NEW' },
];
const get = (r: Record<string, unknown>, f: string) => r[f];
const ids = (filter: unknown) => applyFilter(rows, parseFilter(filter), get).map((r) => r.ID);

describe('CRM list filters', () => {
  it('prefix operators', () => {
    expect(ids({ '>OPPORTUNITY': 5000 })).toEqual([2, 3]);
    expect(ids({ '>=OPPORTUNITY': 5000, '<OPPORTUNITY': 20000 })).toEqual([1, 3]);
    expect(ids({ '!STAGE': 'NEW' })).toEqual([2]);
    expect(ids({ '@ID': [1, 2] })).toEqual([1, 2]);
    expect(ids({ '!@ID': [1, 2] })).toEqual([3]);
    expect(ids({ '=%TITLE': '%a' })).toEqual([3]);
    expect(ids({ '%TITLE': 'ЗАЁ' })).toEqual([2]);
    expect(ids({ STAGE: ['ISSUED', 'NEW'] })).toEqual([1, 2, 3]);
  });

  it('nested sub-filters with logic OR', () => {
    expect(ids({ '0': { logic: 'OR', STAGE: 'ISSUED', '<OPPORTUNITY': 6000 } })).toEqual([1, 2]);
    expect(ids({ logic: 'OR', ID: 1, '>OPPORTUNITY': 100000 })).toEqual([1, 2]);
    expect(ids({ STAGE: 'NEW', '0': { logic: 'OR', ID: 3, TITLE: 'none' } })).toEqual([3]);
  });
});
