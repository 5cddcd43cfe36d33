// The choices the form offers. Methods and day counts come straight from the core (lending/types.ts
// holds only the lists and types, so nothing else of the core enters this bundle); profiles are
// copied because their module pulls in decimal maths — catalog.test.ts keeps the copy equal.
import { DAY_COUNTS, METHODS } from '../../lending/types.js';

export { DAY_COUNTS, METHODS };
export type Method = (typeof METHODS)[number];

export const PROFILE_IDS = ['RU-MFO', 'MX'] as const;

/** How each profile times CAT flows when the product leaves it to the profile (lending/profiles.ts
 * `catBasis`, absent there = by dates); without a profile the core times them by dates too. */
export const PROFILE_CAT_BASIS: Readonly<Record<(typeof PROFILE_IDS)[number], 'periods' | 'dates'>> = { 'RU-MFO': 'dates', MX: 'periods' };

/** Currencies offered first; any ISO 4217 code may be typed. Empty = the deal's currency. */
export const COMMON_CURRENCIES = ['RUB', 'USD', 'EUR', 'MXN', 'KZT', 'BYN', 'UZS', 'COP', 'PEN', 'CLP', 'ARS'] as const;
