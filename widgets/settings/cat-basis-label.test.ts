import { describe, expect, it } from 'vitest';
import { profileDefaults } from '../../lending/profiles.js';
import { PROFILE_CAT_BASIS, PROFILE_IDS } from './catalog.js';
import { catBasisDefaultLabel } from './cat-basis-label.js';
import { translator } from './i18n.js';

describe('the CAT timing default names what the product falls back to', () => {
  it('copies each profile’s basis from the core (absent there = by dates)', () => {
    for (const id of PROFILE_IDS) expect(PROFILE_CAT_BASIS[id]).toBe(profileDefaults(id, '2026-12-01', 'profile').catBasis ?? 'dates');
  });

  it('a product without a profile falls back to calendar days, not to Mexico', () => {
    expect(catBasisDefaultLabel(translator('ru'), '')).toBe('Без профиля: по календарным дням');
    expect(catBasisDefaultLabel(translator('es'), '')).toBe('Sin perfil: por días naturales');
    expect(catBasisDefaultLabel(translator('en'), '')).toBe('No profile: by calendar days');
  });

  it('a product with a profile names that profile and its basis', () => {
    expect(catBasisDefaultLabel(translator('ru'), 'RU-MFO')).toBe('Как в профиле (Россия, МФО: по календарным дням)');
    expect(catBasisDefaultLabel(translator('ru'), 'MX')).toBe('Как в профиле (Мексика: по периодам)');
    expect(catBasisDefaultLabel(translator('es'), 'MX')).toBe('Según el perfil (México: por periodos)');
    expect(catBasisDefaultLabel(translator('en'), 'RU-MFO')).toBe('As the profile says (Russia, microfinance: by calendar days)');
  });
});
