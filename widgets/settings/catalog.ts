// The choices the form offers. Methods come straight from the core (lending/types.ts holds only
// the list and types, so nothing else of the core enters this bundle); day counts and profiles are
// copied because their modules pull in decimal maths — catalog.test.ts keeps the copies equal.
import { METHODS } from '../../lending/types.js';

export { METHODS };
export type Method = (typeof METHODS)[number];

export const DAY_COUNTS = [
  '30/360',
  '30E/360',
  'actual/360',
  'actual/364',
  'actual/365',
  'actual/actual-isda',
  'actual/actual-ru',
] as const;

export const PROFILE_IDS = ['RU-MFO', 'MX'] as const;

/** Currencies offered first; any ISO 4217 code may be typed. Empty = the deal's currency. */
export const COMMON_CURRENCIES = ['RUB', 'USD', 'EUR', 'MXN', 'KZT', 'BYN', 'UZS', 'COP', 'PEN', 'CLP', 'ARS'] as const;
