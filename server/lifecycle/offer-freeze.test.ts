import { describe, expect, it } from 'vitest';
import { changedTerms, freezeOf } from './offer-freeze.js';
import type { StageMap } from './stage-map.js';
import { sampleTerms } from '../../test/support/sample-terms.js';

const map: StageMap = {
  onStage: { 'C3:APPROVED': 'OFFER_FIXED', 'C3:ISSUED': 'ISSUED', 'C3:LOSE': 'CLOSED' },
  toStage: { overdue: [] },
  payoutOnIssue: false,
};

// As crm.status.list answers them, not in SORT order.
const stages = [
  { id: 'C3:ISSUED', name: 'Выдан', sort: 60 },
  { id: 'C3:APPLICATION', name: 'Заявка', sort: 10 },
  { id: 'C3:UNDERWRITING', name: 'Андеррайтинг', sort: 30 },
  { id: 'C3:APPROVED', name: 'Одобрено', sort: 40 },
  { id: 'C3:SIGNED', name: 'Договор подписан', sort: 50 },
  { id: 'C3:WON', name: 'Погашен', sort: 70 },
  { id: 'C3:LOSE', name: 'Отказ', sort: 80 },
];

const terms: Record<string, unknown> = {
  ...sampleTerms(6, { currency: 'MXN', principal: '12000', method: 'annuity' }),
  delinquency: { graceDays: 3 },
};

describe('offer fixed: which fields are terms', () => {
  it('amount, rate, term, method and dates are terms; key order is not a change', () => {
    const saved = { terms, productId: null };
    const reordered = Object.fromEntries(Object.entries(terms).reverse());
    expect(changedTerms(saved, { terms: reordered, productId: null })).toEqual([]);
    expect(
      changedTerms(saved, {
        terms: { ...terms, principal: '15000.50', rate: { annualPercent: '40' }, installments: 9, method: 'equal-principal' },
        productId: null,
      }),
    ).toEqual(['installments', 'method', 'principal', 'rate']);
    expect(changedTerms(saved, { terms: { ...terms, firstDueDate: '2027-01-15' }, productId: null })).toEqual(['firstDueDate']);
    expect(changedTerms(saved, { terms, productId: 'consumer' })).toEqual(['productId']);
  });

  it('delinquency pauses and grace and the rates the tab computes are not terms', () => {
    const next = {
      ...terms,
      delinquency: { graceDays: 5, pauses: [{ from: '2027-01-10', reason: 'holiday' }] },
      effectiveRates: ['cat'],
    };
    expect(changedTerms({ terms, productId: null }, { terms: next, productId: null })).toEqual([]);
  });
});

describe('offer fixed: frozen while the deal is at or past the stage', () => {
  it('a deal at or after offer fixed is frozen, with the stage just before it as the way back', () => {
    for (const stageId of ['C3:APPROVED', 'C3:SIGNED', 'C3:ISSUED', 'C3:LOSE']) {
      expect(freezeOf(map, stages, { stageId, offerFixed: true })).toEqual({
        fixedAt: { id: 'C3:APPROVED', name: 'Одобрено', sort: 40 },
        backTo: { id: 'C3:UNDERWRITING', name: 'Андеррайтинг', sort: 30 },
      });
    }
  });

  it('moving back before offer fixed unfreezes; an offer never fixed is not frozen', () => {
    expect(freezeOf(map, stages, { stageId: 'C3:UNDERWRITING', offerFixed: true })).toBeNull();
    expect(freezeOf(map, stages, { stageId: 'C3:APPLICATION', offerFixed: true })).toBeNull();
    expect(freezeOf(map, stages, { stageId: 'C3:ISSUED', offerFixed: false })).toBeNull();
  });

  it('a stage the pipeline no longer lists stays frozen; offer fixed as the first stage has no way back', () => {
    expect(freezeOf(map, stages, { stageId: 'C3:GONE', offerFixed: true })?.fixedAt.id).toBe('C3:APPROVED');
    const first = [{ id: 'C3:APPROVED', name: 'Одобрено', sort: 5 }, ...stages.filter((s) => s.id !== 'C3:APPROVED')];
    expect(freezeOf(map, first, { stageId: 'C3:SIGNED', offerFixed: true })?.backTo).toBeNull();
  });

  it('a pipeline that maps no offer-fixed stage freezes nothing', () => {
    const none: StageMap = { ...map, onStage: { 'C3:ISSUED': 'ISSUED' } };
    expect(freezeOf(none, stages, { stageId: 'C3:ISSUED', offerFixed: true })).toBeNull();
  });
});
