import { describe, expect, it } from 'vitest';
import { loanMarkOf, mayMove, stageEventFor, targetStageOf } from './decide.js';
import { normaliseStageMap, type StageMap } from './stage-map.js';

const map: StageMap = normaliseStageMap({
  onStage: { 'C3:ISSUED': 'ISSUED', 'C3:LOSE': 'CLOSED' },
  toStage: {
    paidOff: 'C3:WON',
    current: 'C3:REPAYING',
    overdue: [
      { days: 90, stageId: 'C3:COLLECTION' },
      { days: 1, stageId: 'C3:LATE' },
      { days: 30, stageId: 'C3:OVERDUE' },
    ],
  },
  payoutOnIssue: false,
});

describe('deal lifecycle decisions', () => {
  it('maps a loan to the highest DPD threshold it reached, paid before anything', () => {
    expect(loanMarkOf(map, { closed: false, daysPastDue: 0 })).toBe('current');
    expect(loanMarkOf(map, { closed: false, daysPastDue: 1 })).toBe('overdue:1');
    expect(loanMarkOf(map, { closed: false, daysPastDue: 29 })).toBe('overdue:1');
    expect(loanMarkOf(map, { closed: false, daysPastDue: 30 })).toBe('overdue:30');
    expect(loanMarkOf(map, { closed: false, daysPastDue: 400 })).toBe('overdue:90');
    expect(loanMarkOf(map, { closed: true, daysPastDue: 400 })).toBe('paid');
  });

  it('moves back to current only from overdue', () => {
    expect(targetStageOf(map, 'overdue:30', 'overdue:1')).toBe('C3:OVERDUE');
    expect(targetStageOf(map, 'current', 'overdue:30')).toBe('C3:REPAYING');
    expect(targetStageOf(map, 'current', null)).toBeNull();
    expect(targetStageOf(map, 'paid', 'overdue:90')).toBe('C3:WON');
    expect(targetStageOf({ ...map, toStage: { overdue: [] } }, 'paid', null)).toBeNull();
  });

  it('moves a deal only from the stage it last set or from the issued stage', () => {
    expect(mayMove(map, { stageId: 'C3:ISSUED', writtenStageId: null })).toBe(true);
    expect(mayMove(map, { stageId: 'C3:LATE', writtenStageId: 'C3:LATE' })).toBe(true);
    expect(mayMove(map, { stageId: 'C3:UNDERWRITING', writtenStageId: 'C3:LATE' })).toBe(false);
    expect(mayMove(map, { stageId: 'C3:REPAYING', writtenStageId: null })).toBe(false);
  });

  it('reads the loan event of a stage and sorts thresholds once', () => {
    expect(stageEventFor(map, 'C3:LOSE')).toBe('CLOSED');
    expect(stageEventFor(map, 'C3:NEW')).toBeNull();
    expect(map.toStage.overdue.map((o) => o.days)).toEqual([1, 30, 90]);
  });
});
