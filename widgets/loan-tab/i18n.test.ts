import { describe, expect, it } from 'vitest';
import { loadTranslator } from './i18n.js';

describe('loan tab wording', () => {
  it('es says "A la fecha" for "as of" — "Al día" means "up to date" (QA)', async () => {
    expect((await loadTranslator('es'))('asOf')).toBe('A la fecha');
  });
});
