import { isValidClabe } from '../../../lending/clabe.js';
import { AppError } from '../../errors.js';

// The server's edge of the CLABE check (lending/clabe.ts): input from a request or a robot, refused
// with a user message.

/** Strips spaces/dashes people paste, then validates; throws VALIDATION with a user message. */
export function parseClabe(input: unknown): string {
  if (typeof input !== 'string') throw new AppError('VALIDATION', `CLABE must be text, got ${typeof input}`, { key: 'CLABE_LENGTH' });
  const clabe = input.replace(/[\s-]/g, '');
  if (!/^\d{18}$/.test(clabe)) throw new AppError('VALIDATION', 'CLABE is not 18 digits', { key: 'CLABE_LENGTH' });
  if (!isValidClabe(clabe)) throw new AppError('VALIDATION', 'CLABE control digit does not match', { key: 'CLABE_CHECK_DIGIT' });
  return clabe;
}
