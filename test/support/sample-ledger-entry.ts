import type { LedgerEntry } from '../../server/loans/loan.js';

/** A ledger line for tests that build a loan's ledger by hand: a prepayment unless `over` says otherwise. */
export function sampleLedgerEntry(over: Partial<LedgerEntry>): LedgerEntry {
  return {
    id: 'e1',
    loanId: 'L1',
    kind: 'PREPAYMENT',
    amount: '15000.50',
    currency: 'MXN',
    valueDate: '2024-03-20',
    externalId: 'pre-1',
    requestHash: 'h',
    reversesId: null,
    reasonCode: null,
    method: null,
    reference: null,
    allocation: null,
    createdBy: 7,
    createdAt: '2024-03-20T10:00:00.000Z',
    ...over,
  };
}
