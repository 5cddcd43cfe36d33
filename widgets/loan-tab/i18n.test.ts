import { describe, expect, it } from 'vitest';
import { loadTranslator, toLang } from './i18n.js';

describe('loan tab wording', () => {
  it('es says "A la fecha" for "as of" — "Al día" means "up to date" (QA)', async () => {
    expect((await loadTranslator('es'))('asOf')).toBe('A la fecha');
  });

  it("Bitrix24's Latin-American Spanish ('la') reads in Spanish, not English", () => {
    expect(toLang('la')).toBe('es');
    expect(toLang('es-MX')).toBe('es');
    expect(toLang('de')).toBe('en');
  });
});
