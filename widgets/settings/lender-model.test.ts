import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/session-client.js';
import type { LenderApi, LenderProfile } from './lender-api.js';
import { createLenderModel } from './lender-model.js';

// The lender section's state against an in-memory API that refuses the way the server does
// (400 VALIDATION; with details.field when the hostile-input guard refused a character).
function memoryApi(companyName = ''): LenderApi & { saves: LenderProfile[] } {
  const saves: LenderProfile[] = [];
  return {
    saves,
    get: async () => ({ companyName }),
    async save(p) {
      saves.push(p);
      if (p.companyName.length > 120) throw new ApiError(400, 'VALIDATION', 'body/companyName must NOT have more than 120 characters');
      if (p.companyName.includes('\u0000')) throw new ApiError(400, 'VALIDATION', 'not allowed', { field: 'body.companyName' });
      if (p.companyName === 'boom') throw new ApiError(403, 'FORBIDDEN', 'admins only');
      companyName = p.companyName.trim();
      return { companyName };
    },
  };
}

describe('lender model', () => {
  it('loads the stored name, saves what was typed and shows the trimmed name back', async () => {
    const api = memoryApi('Presta Ya');
    const m = createLenderModel(api);
    await m.load();
    expect([m.loading.value, m.companyName.value]).toEqual([false, 'Presta Ya']);
    m.setName(' Financiera Demo ');
    await m.save();
    expect([m.companyName.value, m.stored.value, m.saved.value, m.error.value]).toEqual(['Financiera Demo', 'Financiera Demo', true, null]);
  });

  it('keeps what was typed on a refusal, with the reason beside the field until the name is edited', async () => {
    const m = createLenderModel(memoryApi('Presta Ya'));
    await m.load();
    const long = 'x'.repeat(121);
    m.setName(long);
    await m.save();
    expect([m.companyName.value, m.stored.value, m.error.value, m.saved.value, m.problem.value]).toEqual([
      long,
      'Presta Ya',
      'tooLong',
      false,
      null,
    ]);
    m.setName('Presta\u0000Ya');
    expect(m.error.value).toBeNull();
    await m.save();
    expect(m.error.value).toBe('characters');
  });

  it('refuses a blank name beside the field without asking the server, keeping what was typed', async () => {
    const api = memoryApi('Presta Ya');
    const m = createLenderModel(api);
    await m.load();
    m.setName('   ');
    await m.save();
    expect([m.error.value, m.saved.value, m.companyName.value, m.stored.value, api.saves]).toEqual([
      'required',
      false,
      '   ',
      'Presta Ya',
      [],
    ]);
  });

  it('shows the server refusing a blank name as the same error beside the field', async () => {
    const m = createLenderModel({
      get: async () => ({ companyName: '' }),
      save: async () => {
        throw new ApiError(400, 'VALIDATION', 'company name blank', { field: 'companyName', reason: 'blank' });
      },
    });
    await m.load();
    m.setName('\u00a0x');
    await m.save();
    expect(m.error.value).toBe('required');
  });

  it('shows a refusal that is not about the name as the section problem', async () => {
    const m = createLenderModel(memoryApi());
    await m.load();
    m.setName('boom');
    await m.save();
    expect([m.error.value, m.problem.value?.key, m.companyName.value]).toEqual([null, 'forbidden', 'boom']);
  });
});
