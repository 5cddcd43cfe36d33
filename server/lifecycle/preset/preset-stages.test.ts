import { describe, expect, it } from 'vitest';
import { planStages, presetStageMap, stageRoles, type PortalStage, type StageOp } from './preset-stages.js';

// The preset's plan over the stages a pipeline has: exactly ten stages after one run, in order,
// nothing to do on a second; a later run only adds what is missing.

const C = 7;
const fresh = (): PortalStage[] => [
  { id: 1, statusId: 'C7:NEW', name: 'New', sort: 10, color: '#39A8EF', semantics: 'process' },
  { id: 2, statusId: 'C7:PREPARATION', name: 'Preparing documents', sort: 20, color: '#2FC6F6', semantics: 'process' },
  { id: 3, statusId: 'C7:EXECUTING', name: 'In progress', sort: 30, color: '#47E4C2', semantics: 'process' },
  { id: 4, statusId: 'C7:WON', name: 'Deal won', sort: 40, color: '#7BD500', semantics: 'success' },
  { id: 5, statusId: 'C7:LOSE', name: 'Deal lost', sort: 50, color: '#FF5752', semantics: 'failure' },
  { id: 6, statusId: 'C7:APOLOGY', name: 'Analyse failure', sort: 60, color: '#FF5752', semantics: 'failure' },
];

/** Applies the ops as the portal would (crm.status.add refuses an in-progress stage after the success one). */
function apply(stages: PortalStage[], ops: StageOp[]): PortalStage[] {
  let out = stages.map((s) => ({ ...s }));
  let next = 100;
  for (const o of ops) {
    if (o.op === 'update')
      Object.assign(
        out.find((s) => s.id === o.id)!,
        { name: o.fields.NAME, sort: o.fields.SORT, color: o.fields.COLOR },
      );
    else if (o.op === 'delete') out = out.filter((s) => s.id !== o.id);
    else {
      const sem = o.fields.SEMANTICS === 'S' ? 'success' : o.fields.SEMANTICS === 'F' ? 'failure' : 'process';
      const won = out.find((s) => s.semantics === 'success');
      if (sem === 'process' && won && o.fields.SORT > won.sort) throw new Error('after the final stage');
      out.push({
        id: next++,
        statusId: o.fields.STATUS_ID,
        name: o.fields.NAME,
        sort: o.fields.SORT,
        color: o.fields.COLOR,
        semantics: sem,
      });
    }
  }
  return out.sort((a, b) => a.sort - b.sort);
}

describe('lender pipeline preset: stages', () => {
  it('a new pipeline becomes exactly the ten stages in the portal language; a second run does nothing', () => {
    const after = apply(fresh(), planStages(C, fresh(), 'es', true));
    expect(after.map((s) => [s.statusId, s.name, s.semantics])).toEqual([
      ['C7:NEW', 'Solicitud', 'process'],
      ['C7:VERIFICATION', 'Verificación', 'process'],
      ['C7:UNDERWRITING', 'Análisis de crédito', 'process'],
      ['C7:APPROVED', 'Aprobado', 'process'],
      ['C7:SIGNED', 'Contrato firmado', 'process'],
      ['C7:ISSUED', 'Desembolsado', 'process'],
      ['C7:REPAYING', 'En pago', 'process'],
      ['C7:OVERDUE', 'Vencido', 'process'],
      ['C7:WON', 'Liquidado', 'success'],
      ['C7:LOSE', 'Rechazado', 'failure'],
    ]);
    expect(planStages(C, after, 'es', true)).toEqual([]);
    expect(planStages(C, after, 'es', false)).toEqual([]);
  });

  it('a crash half way: the retry finishes the same set', () => {
    const ops = planStages(C, fresh(), 'ru', true);
    const half = apply(fresh(), ops.slice(0, 5));
    const done = apply(half, planStages(C, half, 'ru', true));
    expect(done.map((s) => s.name)).toEqual([
      'Заявка',
      'Проверка',
      'Андеррайтинг',
      'Одобрено',
      'Договор подписан',
      'Выдан',
      'Погашение',
      'Просрочка',
      'Погашен',
      'Отказ',
    ]);
  });

  it('after completion only what is missing is added: a renamed or extra stage of the admin stays', () => {
    const done = apply(fresh(), planStages(C, fresh(), 'en', true));
    const edited = done
      .filter((s) => s.statusId !== 'C7:OVERDUE')
      .map((s) => (s.statusId === 'C7:ISSUED' ? { ...s, name: 'Money sent' } : s))
      .concat({ id: 99, statusId: 'C7:CALLBACK', name: 'Call back', sort: 75, color: '#000000', semantics: 'process' });
    const ops = planStages(C, edited, 'en', false);
    expect(ops).toEqual([
      {
        op: 'add',
        role: 'overdue',
        fields: { ENTITY_ID: 'DEAL_STAGE_7', STATUS_ID: 'C7:OVERDUE', NAME: 'Overdue', SORT: 80, COLOR: '#FF8A3D', SEMANTICS: '' },
      },
    ]);
  });

  it('pre-fills the stage map from the roles', () => {
    const done = apply(fresh(), planStages(C, fresh(), 'en', true));
    expect(presetStageMap(stageRoles(C, done), 'en')).toEqual({
      onStage: { 'C7:APPROVED': 'OFFER_FIXED', 'C7:SIGNED': 'CONTRACT_SIGNED', 'C7:ISSUED': 'ISSUED', 'C7:LOSE': 'CLOSED' },
      toStage: {
        paidOff: 'C7:WON',
        current: 'C7:REPAYING',
        overdue: [
          { days: 1, stageId: 'C7:OVERDUE' },
          { days: 30, stageId: 'C7:OVERDUE' },
          { days: 90, stageId: 'C7:OVERDUE' },
        ],
      },
      payoutOnIssue: false,
      lang: 'en',
    });
    expect(presetStageMap(stageRoles(C, fresh()), 'en')).toBeNull();
  });
});
