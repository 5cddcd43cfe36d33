import { AppError } from '../errors.js';

// JSON columns are TEXT on both dialects; parse at the repository edge and fail loudly.
export function parseJsonColumn<T>(text: string | null, column: string): T {
  if (text === null) throw new AppError('INTERNAL', `${column} is null`);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new AppError('INTERNAL', `${column} holds invalid JSON`);
  }
}
