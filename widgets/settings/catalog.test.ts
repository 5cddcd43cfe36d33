import { describe, expect, it } from 'vitest';
import { DAY_COUNTS as CORE_DAY_COUNTS } from '../../lending/day-count.js';
import { PROFILE_IDS as CORE_PROFILE_IDS } from '../../lending/profiles.js';
import { DAY_COUNTS, PROFILE_IDS } from './catalog.js';
import { choiceLabel, translator } from './i18n.js';

describe('settings catalog', () => {
  it('offers exactly the day counts and regulatory profiles the core knows', () => {
    expect([...DAY_COUNTS]).toEqual([...CORE_DAY_COUNTS]);
    expect([...PROFILE_IDS].sort()).toEqual([...CORE_PROFILE_IDS].sort());
  });
});

describe('day-count choices', () => {
  it('have a human label in every language, not the raw code', () => {
    for (const lang of ['en', 'ru', 'es'] as const) {
      const t = translator(lang);
      for (const c of DAY_COUNTS) expect(choiceLabel(t, 'dayCount', c)).not.toBe(c);
    }
    expect(choiceLabel(translator('es'), 'dayCount', 'actual/actual-isda')).toBe('Días reales / días del año (ISDA)');
    // The Russian regulator's rate is named in Latin letters outside Russian.
    expect(choiceLabel(translator('es'), 'profile', 'RU-MFO')).toBe('Rusia, microfinanzas (PSK, topes)');
  });
});
