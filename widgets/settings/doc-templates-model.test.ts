import { describe, expect, it } from 'vitest';
import type { TemplateView } from '../../wire/document-templates.js';
import { ApiError } from '../shared/session-client.js';
import type { DocTemplatesApi } from './doc-templates-api.js';
import { docxLimits } from '../../server/documents/docx/index.js';
import { byBank, createDocTemplatesModel, lintProblems, MAX_TEMPLATE_BYTES } from './doc-templates-model.js';

// The templates screen's state: the linter's refusal read from the server's details, templates grouped
// per bank with the internal ones last, and a refused upload that keeps everything the admin chose.
const template = (id: string, bankId: string | null): TemplateView => ({
  id,
  bankId,
  name: id,
  kind: 'contract',
  lang: 'es',
  currentVersion: 1,
  archived: false,
  versions: [],
});

describe('the templates screen state', () => {
  it('reads the linter problems from the refusal, skipping what it cannot show', () => {
    expect(
      lintProblems({
        problems: [
          {
            kind: 'unknown-code',
            text: '{{borrower.ful_name}}',
            suggestion: 'borrower.full_name',
            message: '{{borrower.ful_name}} — campo desconocido',
          },
          { kind: 'unsupported', text: 'placeholders in comments' },
          'junk',
          { kind: 'x' },
        ],
      }),
    ).toEqual([
      { kind: 'unknown-code', message: '{{borrower.ful_name}} — campo desconocido', suggestion: 'borrower.full_name' },
      { kind: 'unsupported', message: 'placeholders in comments' },
    ]);
    expect(lintProblems({})).toEqual([]);
  });

  it('groups templates per bank in the banks order, internal ones (and any of a bank gone) last', () => {
    const groups = byBank(
      [
        { id: 'b2', name: 'Banco Dos' },
        { id: 'b1', name: 'Banco Uno' },
      ],
      [template('t1', 'b1'), template('t2', null), template('t3', 'gone'), template('t4', 'b2')],
    );
    expect(groups.map((g) => [g.bank?.id ?? null, g.templates.map((x) => x.id)])).toEqual([
      ['b2', ['t4']],
      ['b1', ['t1']],
      [null, ['t2', 't3']],
    ]);
  });

  it('asks for the name and the file before sending, and keeps the choice when the linter refuses', async () => {
    const sent: unknown[] = [];
    const api = {
      banks: async () => [],
      templates: async () => [],
      upload: async (q: unknown) => {
        sent.push(q);
        throw new ApiError(422, 'TEMPLATE_INVALID', 'La plantilla tiene 1 problema(s)', {
          problems: [{ kind: 'unknown-code', message: 'm' }],
        });
      },
    } as unknown as DocTemplatesApi;
    const m = createDocTemplatesModel(api, () => 'es');
    await m.upload();
    expect(m.missing.value).toEqual(['name', 'file']);
    expect(sent).toEqual([]);
    m.set('name', 'Contrato de crédito');
    m.set('kind', 'contract');
    m.set('dealCurrencies', 'mxn, pesos');
    m.setFile('contrato.docx', new Uint8Array([1]));
    await m.upload();
    // A deal currency that is not a code is named beside its input; nothing is sent.
    expect(m.badCurrency.value).toBe('pesos');
    expect(sent).toEqual([]);
    m.set('dealCurrencies', 'mxn');
    await m.upload();
    expect(sent).toEqual([{ fileName: 'contrato.docx', name: 'Contrato de crédito', kind: 'contract', lang: 'es', dealCurrencies: 'MXN' }]);
    expect(m.outcome.value).toMatchObject({ kind: 'lint', problems: [{ kind: 'unknown-code', message: 'm' }] });
    expect(m.form.value).toEqual({ bankId: '', name: 'Contrato de crédito', kind: 'contract', lang: 'es', dealCurrencies: 'mxn' });
    expect(m.file.value?.name).toBe('contrato.docx');
  });

  it('refuses a file over the server limit before sending it, with its size', async () => {
    expect(MAX_TEMPLATE_BYTES).toBe(docxLimits.MAX_TEMPLATE_BYTES);
    let sent = 0;
    const api = { upload: async () => void sent++ } as unknown as DocTemplatesApi;
    const m = createDocTemplatesModel(api, () => 'ru');
    m.set('name', 'Анкета');
    m.setFile('big.docx', new Uint8Array(30 * 1024 * 1024));
    await m.upload();
    expect(m.outcome.value).toEqual({ kind: 'too-large', sizeMb: '30,0', limitMb: '10,0' });
    expect(sent).toBe(0);
  });

  it('archives only after the confirmation, and restores; a refusal shows as the section problem', async () => {
    const calls: string[] = [];
    let refuse = false;
    const api = {
      banks: async () => [],
      templates: async () => [template('t1', 'b1')],
      archive: async (id: string) => {
        calls.push(`archive ${id}`);
        if (refuse) throw new ApiError(403, 'FORBIDDEN', 'no');
        return { ...template(id, 'b1'), archived: true };
      },
      restore: async (id: string) => {
        calls.push(`restore ${id}`);
        return template(id, 'b1');
      },
    } as unknown as DocTemplatesApi;
    const m = createDocTemplatesModel(api, () => 'es');
    await m.load();
    m.askArchive('t1');
    expect(m.confirming.value).toBe('t1');
    m.cancelArchive();
    await m.confirmArchive();
    expect(calls).toEqual([]);
    m.askArchive('t1');
    await m.confirmArchive();
    expect(calls).toEqual(['archive t1']);
    expect(m.templates.value[0]).toMatchObject({ id: 't1', archived: true });
    expect(m.done.value).toEqual({ kind: 'archived', name: 't1' });
    expect(m.confirming.value).toBeNull();
    await m.restore('t1');
    expect(m.templates.value[0]).toMatchObject({ id: 't1', archived: false });
    expect(m.done.value).toEqual({ kind: 'restored', name: 't1' });
    refuse = true;
    m.askArchive('t1');
    await m.confirmArchive();
    expect(m.problem.value?.key).toBe('forbidden');
    expect(m.templates.value[0]).toMatchObject({ archived: false });
  });
});
