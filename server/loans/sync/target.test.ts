import { describe, expect, it } from 'vitest';
import { loadManifest, spaFieldName, spaItemFieldName } from '../../manifest/manifest.js';
import { installedSyncTarget, scheduleItemFields } from './target.js';

describe('schedule item field names', () => {
  it('derive from the crm.type id and the manifest names as crm.item camelCases them', () => {
    // doc: api-reference/crm/universal/index.md — UF_CRM_3_DIGIT → ufCrm3Digit, UF_CRM_10_DIGIT10 → ufCrm10Digit10.
    expect(spaFieldName(3, 'DIGIT')).toBe('UF_CRM_3_DIGIT');
    expect(spaItemFieldName(3, 'DIGIT')).toBe('ufCrm3Digit');
    expect(spaItemFieldName(12, 'BALANCE_AFTER')).toBe('ufCrm12BalanceAfter');
    const f = scheduleItemFields(5)!;
    expect(f).toEqual({
      installment: 'ufCrm5InstallmentNo',
      principal: 'ufCrm5Principal',
      interest: 'ufCrm5Interest',
      fees: 'ufCrm5Fees',
      total: 'ufCrm5Total',
      paid: 'ufCrm5Paid',
      outstanding: 'ufCrm5Outstanding',
      status: 'ufCrm5Status',
      balanceAfter: 'ufCrm5BalanceAfter',
      loanId: 'ufCrm5LoanId',
    });
    expect(installedSyncTarget(1034, 5)).toMatchObject({ entityTypeId: 1034, itemFields: f });
  });

  it('are left out when the manifest lacks one of them', () => {
    const fields = loadManifest().scheduleFields.filter((x) => x.key !== 'status');
    expect(scheduleItemFields(5, fields)).toBeNull();
  });
});
