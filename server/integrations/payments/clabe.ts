import { AppError } from '../../errors.js';

// CLABE (Clave Bancaria Estandarizada, Banxico): 18 digits = bank (3) + branch/plaza (3) +
// account (11) + control digit. Control digit: multiply the first 17 digits by the weights
// 3, 7, 1 repeated, keep each product mod 10, sum, and take (10 − sum mod 10) mod 10.
// Always TEXT: as a number it loses leading zeros and digits past 2^53 (integrations.md §6.1).

const WEIGHTS = [3, 7, 1] as const;

export function clabeControlDigit(first17: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (Number(first17[i]) * (WEIGHTS[i % 3] as number)) % 10;
  return (10 - (sum % 10)) % 10;
}

export function isValidClabe(clabe: unknown): clabe is string {
  return typeof clabe === 'string' && /^\d{18}$/.test(clabe) && clabeControlDigit(clabe.slice(0, 17)) === Number(clabe[17]);
}

/** Strips spaces/dashes people paste, then validates; throws VALIDATION with a user message. */
export function parseClabe(input: unknown): string {
  if (typeof input !== 'string')
    throw new AppError('VALIDATION', `CLABE must be text, got ${typeof input}`, 'The CLABE must be 18 digits.');
  const clabe = input.replace(/[\s-]/g, '');
  if (!/^\d{18}$/.test(clabe)) throw new AppError('VALIDATION', 'CLABE is not 18 digits', 'The CLABE must be 18 digits.');
  if (!isValidClabe(clabe))
    throw new AppError('VALIDATION', 'CLABE control digit does not match', 'The CLABE is not valid (control digit mismatch).');
  return clabe;
}

/** For logs and messages: bank code and last 4 only, as OpenPay shows it. */
export function maskClabe(clabe: string): string {
  return `${clabe.slice(0, 3)}${'X'.repeat(11)}${clabe.slice(-4)}`;
}
