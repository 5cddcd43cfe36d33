import { describe, expect, it } from 'vitest';
import type { StageMap } from '../../wire/stage-maps.js';
import { formOf, mapOf } from './stages-model.js';

const MAP: StageMap = {
  onStage: { 'C1:ISSUED': 'ISSUED', 'C1:LOSE': 'CLOSED', 'C1:APOLOGY': 'CLOSED' },
  toStage: { paidOff: 'C1:WON', overdue: [{ days: 30, stageId: 'C1:OVERDUE' }] },
  payoutOnIssue: true,
  payoutClabeField: 'UF_CRM_CLABE',
};

describe('stage-map form', () => {
  it('reads a saved map as one stage per event and writes it back', () => {
    const f = formOf(MAP);
    expect(f.onStage).toEqual({ OFFER_FIXED: '', CONTRACT_SIGNED: '', ISSUED: 'C1:ISSUED', CLOSED: 'C1:LOSE' });
    expect(f.overdue).toEqual([{ days: '30', stageId: 'C1:OVERDUE' }]);
    expect(mapOf(f, 'es')).toEqual({
      map: {
        onStage: { 'C1:ISSUED': 'ISSUED', 'C1:LOSE': 'CLOSED' },
        toStage: { paidOff: 'C1:WON', overdue: [{ days: 30, stageId: 'C1:OVERDUE' }] },
        payoutOnIssue: true,
        payoutClabeField: 'UF_CRM_CLABE',
        lang: 'es',
      },
    });
  });

  it('keeps the stages of a bank’s decision by e-mail, and leaves out the ones not chosen', () => {
    const f = formOf({ ...MAP, bankDecision: { approved: 'C1:APPROVED', rejected: 'C1:LOSE' } });
    expect(f.bankDecision).toEqual({ approved: 'C1:APPROVED', counterOffer: '', rejected: 'C1:LOSE' });
    const r = mapOf(f, 'ru');
    expect('map' in r && r.map.bankDecision).toEqual({ approved: 'C1:APPROVED', rejected: 'C1:LOSE' });
  });

  it('refuses days and a field code typed wrong, by field; an empty threshold row is no threshold', () => {
    const f = formOf(null);
    f.overdue = [
      { days: '0', stageId: 'C1:OVERDUE' },
      { days: ' 1 000', stageId: 'C1:OVERDUE' },
      { days: '', stageId: '' },
      { days: '7', stageId: 'C1:OVERDUE' },
    ];
    f.clabeField = 'CLABE';
    expect(mapOf(f, 'ru')).toEqual({ errors: { 'overdue.0.days': 'days', 'overdue.1.days': 'days', clabeField: 'clabe' } });
    f.overdue = [
      { days: '', stageId: '' },
      { days: ' 7 ', stageId: 'C1:OVERDUE' },
    ];
    f.clabeField = ' uf_crm_clabe ';
    const r = mapOf(f, 'ru');
    expect(r).toMatchObject({ map: { toStage: { overdue: [{ days: 7, stageId: 'C1:OVERDUE' }] }, payoutClabeField: 'UF_CRM_CLABE' } });
  });
});

describe('stage-map form: roles per stage', () => {
  it('reads and writes a user and an employee field; refuses what is typed wrong beside its stage', () => {
    const f = formOf({ ...MAP, roles: { 'C1:UNDERWRITING': { userId: 12 }, 'C1:ISSUED': { field: 'UF_CRM_COLLECTOR' } } });
    expect(f.roles).toEqual({
      'C1:UNDERWRITING': { kind: 'user', value: '12' },
      'C1:ISSUED': { kind: 'field', value: 'UF_CRM_COLLECTOR' },
    });
    f.roles['C1:NEW'] = { kind: 'field', value: 'uf_crm_manager' };
    f.roles['C1:LOSE'] = { kind: '', value: '' };
    const ok = mapOf(f, 'en');
    expect('map' in ok && ok.map.roles).toEqual({
      'C1:UNDERWRITING': { userId: 12 },
      'C1:ISSUED': { field: 'UF_CRM_COLLECTOR' },
      'C1:NEW': { field: 'UF_CRM_MANAGER' },
    });
    f.roles['C1:NEW'] = { kind: 'user', value: 'Ana' };
    f.roles['C1:ISSUED'] = { kind: 'field', value: 'COLLECTOR' };
    expect(mapOf(f, 'en')).toEqual({ errors: { 'role.C1:NEW': 'roleUser', 'role.C1:ISSUED': 'roleField' } });
  });
});
