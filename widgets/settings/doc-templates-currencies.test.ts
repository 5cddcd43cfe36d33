import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { TemplateView } from '../../wire/document-templates.js';
import { createTemplateCurrencies, readCurrencies } from './doc-templates-currencies.js';

// A template's deals by currency as the admin types them: codes in any case, commas or spaces, empty
// for every deal; a wrong entry is named and nothing is sent.
const contract: TemplateView = {
  id: 't1',
  bankId: null,
  name: 'Договор займа',
  kind: 'contract',
  lang: 'ru',
  currentVersion: 1,
  archived: false,
  versions: [],
};

describe('template deal currencies', () => {
  it('reads typed codes as the list, empty as every deal, and names an entry that is not a code', () => {
    expect(readCurrencies('rub')).toEqual({ list: ['RUB'] });
    expect(readCurrencies(' MXN, usd mxn ')).toEqual({ list: ['MXN', 'USD'] });
    expect(readCurrencies('  ')).toEqual({ list: null });
    expect(readCurrencies('RUB, рубли')).toEqual({ bad: 'рубли' });
    expect(readCurrencies('PESOS')).toEqual({ bad: 'PESOS' });
  });

  it('edits a card: a bad entry stays beside the input unsent; a good one is saved and replaces the template', async () => {
    const sent: unknown[] = [];
    const templates = signal([contract]);
    const api = {
      setCurrencies: async (id: string, list: string[] | null) => {
        sent.push([id, list]);
        return { ...contract, ...(list ? { dealCurrencies: list } : {}) };
      },
    };
    const m = createTemplateCurrencies(api, templates, () => undefined);
    m.edit(contract);
    expect(m.editing.value).toEqual({ templateId: 't1', text: '', bad: null });
    m.setText('RUB, rublos');
    await m.save();
    expect(m.editing.value?.bad).toBe('rublos');
    expect(sent).toEqual([]);
    m.setText('rub');
    await m.save();
    expect(sent).toEqual([['t1', ['RUB']]]);
    expect(templates.value[0]!.dealCurrencies).toEqual(['RUB']);
    expect(m.saved.value).toEqual({ name: 'Договор займа', list: ['RUB'] });
    expect(m.editing.value).toBeNull();
  });
});
