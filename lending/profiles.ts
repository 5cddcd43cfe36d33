// Regulatory profiles: the rules a loan must obey, chosen by the contract date (a law applies to
// contracts signed after it takes effect). A loan that breaks its profile is refused with the rule.
import { Dec } from './decimal.js';
import type { IsoDate } from './dates.js';
import { invalid } from './errors.js';
import type { CatBasis, EffectiveRateKind } from './types.js';

export interface ProfileRules {
  id: string;
  /** The version of the rules: first contract date it applies to, and where it comes from. */
  from: IsoDate;
  source: string;
  /** Max interest per day as a fraction (0.008 = 0.8 %). */
  dailyRateCap?: Dec;
  /** Max interest + fees + penalties (+ VAT) as a multiple of the principal. */
  overpaymentCap?: Dec;
  /** Max penalty while interest accrues (annual fraction) and after (daily fraction). */
  penaltyAnnualCap?: Dec;
  penaltyDailyCapAfterTerm?: Dec;
  /** Name of the statutory allocation order (see allocation-orders.ts). */
  allocationOrder?: string;
  vatPercent?: string;
  effectiveRates: EffectiveRateKind[];
  /** How the profile times CAT flows (README "CAT basis"); absent: by dates. */
  catBasis?: CatBasis;
}

// Russia, microfinance (151-FZ art. 12, 353-FZ art. 5 and 6.1 as amended by 554-FZ and later laws).
const RU_MFO: ProfileRules[] = [
  { id: 'RU-MFO', from: '2019-07-01', source: '554-FZ stage 1', dailyRateCap: new Dec('0.015'), overpaymentCap: new Dec('2.5') },
  { id: 'RU-MFO', from: '2019-10-01', source: '554-FZ stage 2', dailyRateCap: new Dec('0.01'), overpaymentCap: new Dec('2') },
  { id: 'RU-MFO', from: '2020-01-01', source: '554-FZ stage 3', dailyRateCap: new Dec('0.01'), overpaymentCap: new Dec('1.5') },
  {
    id: 'RU-MFO',
    from: '2023-07-01',
    source: '353-FZ art. 5 p. 23 (from 2023-07-01)',
    dailyRateCap: new Dec('0.008'),
    overpaymentCap: new Dec('1.3'),
  },
  {
    id: 'RU-MFO',
    from: '2024-07-01',
    source: '353-FZ art. 5 p. 20 order (from 2024-07-01)',
    dailyRateCap: new Dec('0.008'),
    overpaymentCap: new Dec('1.3'),
  },
  {
    id: 'RU-MFO',
    from: '2026-04-01',
    source: 'overpayment cap 100 % (from 2026-04-01)',
    dailyRateCap: new Dec('0.008'),
    overpaymentCap: new Dec('1'),
  },
].map((r) => ({
  ...r,
  penaltyAnnualCap: new Dec('0.2'),
  penaltyDailyCapAfterTerm: new Dec('0.001'),
  allocationOrder: r.from >= '2024-07-01' ? 'ru-statutory-2024' : 'ru-statutory-2014',
  effectiveRates: ['psk'] as EffectiveRateKind[],
}));

// Mexico: CAT disclosure (Banxico Circular 21/2009 and LTOSF) and 16 % IVA on interest (LIVA art. 18-A).
const MX: ProfileRules[] = [
  // Banxico's CAT examples and calculator count equal periods as equal (t = k / periods a year).
  { id: 'MX', from: '2010-01-01', source: 'Banxico CAT; LIVA IVA 16 %', vatPercent: '16', effectiveRates: ['cat'], catBasis: 'periods' },
];

const PROFILES: Readonly<Record<string, ProfileRules[]>> = { 'RU-MFO': RU_MFO, MX };

export const PROFILE_IDS: readonly string[] = Object.keys(PROFILES);

export function resolveProfile(id: string, contractDate: IsoDate, path = 'profile'): ProfileRules {
  const versions = PROFILES[id];
  if (!versions) throw invalid('UNKNOWN_PROFILE', path, `Unknown profile "${id}"; one of ${PROFILE_IDS.join(', ')}`);
  let found: ProfileRules | undefined;
  for (const v of versions) if (v.from <= contractDate) found = v;
  if (!found) throw invalid('PROFILE_NOT_IN_FORCE', path, `Profile ${id} has no rules for contracts dated ${contractDate}`);
  return found;
}

/** Input defaults a profile supplies (documented per profile in README). */
export function profileDefaults(
  id: string,
  contractDate: IsoDate,
  path: string,
): { vat?: { percent: string }; effectiveRates: EffectiveRateKind[]; catBasis?: CatBasis } {
  const r = resolveProfile(id, contractDate, path);
  return {
    ...(r.vatPercent ? { vat: { percent: r.vatPercent } } : {}),
    effectiveRates: r.effectiveRates,
    ...(r.catBasis ? { catBasis: r.catBasis } : {}),
  };
}
