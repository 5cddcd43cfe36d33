import { describe, expect, it } from 'vitest';
import type { StageMap } from '../../lifecycle/stage-map.js';
import type { PipelineStage } from '../../lifecycle/pipelines.js';
import { bankTagOf } from '../bank-tag.js';
import { decisionTarget, noticeKey, pendingBanks } from './decision-stage.js';

const stages: PipelineStage[] = [
  { id: 'C1:NEW', name: 'New', semantics: 'process' },
  { id: 'C1:SENT', name: 'Sent to banks', semantics: 'process' },
  { id: 'C1:APPROVED', name: 'Approved', semantics: 'process' },
  { id: 'C1:COUNTER', name: 'Counter-offer', semantics: 'process' },
  { id: 'C1:ISSUED', name: 'Issued', semantics: 'process' },
  { id: 'C1:WON', name: 'Won', semantics: 'success' },
  { id: 'C1:REJECTED', name: 'Rejected', semantics: 'failure' },
];
const map: StageMap = {
  onStage: { 'C1:ISSUED': 'ISSUED' },
  toStage: { overdue: [] },
  payoutOnIssue: false,
  bankDecision: { approved: 'C1:APPROVED', rejected: 'C1:REJECTED', counterOffer: 'C1:COUNTER' },
};
const at = (stageId: string, phase: string | null = null) => ({ stageId, phase });

describe('decisionTarget', () => {
  it('moves a deal still before the decision', () => {
    expect(decisionTarget(map, stages, at('C1:SENT'), 'approved')).toEqual({ stageId: 'C1:APPROVED', move: true });
    expect(decisionTarget(map, stages, at('C1:SENT'), 'rejected')).toEqual({ stageId: 'C1:REJECTED', move: true });
    expect(decisionTarget(map, stages, at('C1:APPROVED'), 'counter-offer')).toEqual({ stageId: 'C1:COUNTER', move: true });
  });

  it('a deal already at the decision stays and the decision still applies', () => {
    expect(decisionTarget(map, stages, at('C1:APPROVED'), 'approved')).toEqual({ stageId: 'C1:APPROVED', move: false });
  });

  it('refuses a deal past the decision: issued, won, later, or approved by another bank for a rejection', () => {
    expect(decisionTarget(map, stages, at('C1:ISSUED'), 'approved')).toEqual({ refusal: 'deal-past-decision' });
    expect(decisionTarget(map, stages, at('C1:SENT', 'ISSUED'), 'approved')).toEqual({ refusal: 'deal-past-decision' });
    expect(decisionTarget(map, stages, at('C1:WON'), 'rejected')).toEqual({ refusal: 'deal-past-decision' });
    expect(decisionTarget(map, stages, at('C1:COUNTER'), 'approved')).toEqual({ refusal: 'deal-past-decision' });
    expect(decisionTarget(map, stages, at('C1:APPROVED'), 'rejected')).toEqual({ refusal: 'deal-past-decision' });
  });

  it('refuses a decision the map has no stage for, or a stage the pipeline lost', () => {
    expect(decisionTarget({ ...map, bankDecision: { approved: 'C1:APPROVED' } }, stages, at('C1:SENT'), 'rejected')).toEqual({
      refusal: 'no-decision-stage',
    });
    expect(decisionTarget(null, stages, at('C1:SENT'), 'approved')).toEqual({ refusal: 'no-decision-stage' });
    expect(decisionTarget({ ...map, bankDecision: { approved: 'C1:GONE' } }, stages, at('C1:SENT'), 'approved')).toEqual({
      refusal: 'stage-not-in-pipeline',
    });
  });

  it('one bank of two rejecting first records the rejection and keeps the deal; the last one moves it', () => {
    expect(decisionTarget(map, stages, at('C1:SENT'), 'rejected', ['banco-sur'])).toEqual({
      stageId: 'C1:REJECTED',
      move: false,
      waitingFor: ['banco-sur'],
    });
    expect(decisionTarget(map, stages, at('C1:SENT'), 'rejected', [])).toEqual({ stageId: 'C1:REJECTED', move: true });
  });

  it("a rejection then another bank's approval: the approval moves the deal", () => {
    expect(decisionTarget(map, stages, at('C1:SENT'), 'rejected', ['banco-sur'])).toMatchObject({ move: false });
    expect(decisionTarget(map, stages, at('C1:SENT'), 'approved', ['banco-norte'])).toEqual({ stageId: 'C1:APPROVED', move: true });
    expect(decisionTarget(map, stages, at('C1:SENT'), 'counter-offer', ['banco-norte'])).toEqual({ stageId: 'C1:COUNTER', move: true });
  });

  it('still refuses a rejection of a deal past the decision, whoever else is deciding', () => {
    expect(decisionTarget(map, stages, at('C1:APPROVED'), 'rejected', ['banco-sur'])).toEqual({ refusal: 'deal-past-decision' });
    expect(decisionTarget(map, stages, at('C1:WON'), 'rejected', ['banco-sur'])).toEqual({ refusal: 'deal-past-decision' });
  });

  it('the banks still deciding: sent to, not this one, not rejected; tags and ids alike, each once', () => {
    expect(pendingBanks(['banco-norte', 'banco-sur', 'banco-sur'], [], 'banco-norte')).toEqual(['banco-sur']);
    expect(pendingBanks(['banco-norte', 'banco-sur'], ['banco-sur'], 'banco-norte')).toEqual([]);
    expect(pendingBanks([], [], 'banco-norte')).toEqual([]);
    const uuid = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    expect(pendingBanks([uuid, 'banco-sur'], [], 'banco-sur')).toEqual([bankTagOf(uuid)]);
    expect(pendingBanks([uuid, 'banco-sur'], [bankTagOf(uuid)], 'banco-sur')).toEqual([]);
  });

  it('keys a notice by deal, bank, decision and amount', () => {
    expect(noticeKey({ dealId: 7, bankId: 'b1', decision: 'approved', amount: '150000' })).toBe('7:b1:approved:150000');
    expect(noticeKey({ dealId: 7, bankId: 'b1', decision: 'rejected', amount: null })).toBe('7:b1:rejected:-');
  });
});
