import { describe, expect, it } from 'vitest';
import { loadTranslator } from './i18n.js';
import { reversalText } from './reversal-reason.js';

describe("a reversal's reason reads in the viewer's language; its note as typed", () => {
  it('a code the tab offers: its own text in ru, es and en, the note beside it unchanged', async () => {
    const note = 'Банк прислал этот перевод в выписке дважды';
    expect(reversalText(await loadTranslator('ru'), 'DUPLICATE', note)).toBe(`Платёж учтён дважды · ${note}`);
    expect(reversalText(await loadTranslator('es'), 'DUPLICATE', note)).toBe(`Pago duplicado · ${note}`);
    expect(reversalText(await loadTranslator('en'), 'DUPLICATE', null)).toBe('Duplicate payment');
  });

  it("another source's code is 'other reason' in the viewer's language, the code kept for support", async () => {
    expect(reversalText(await loadTranslator('ru'), 'CHARGEBACK', null)).toBe('Иная причина (CHARGEBACK)');
    expect(reversalText(await loadTranslator('es'), 'CHARGEBACK', 'contracargo')).toBe('Otro motivo (CHARGEBACK) · contracargo');
  });

  it('neither reason nor note: a dash', async () => {
    expect(reversalText(await loadTranslator('en'), null, null)).toBe('—');
  });
});
