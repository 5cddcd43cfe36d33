import { isAppError } from '../errors.js';

// Which failures a retry can heal. Our own 4xx AppErrors (over limit, validation, not configured,
// deal not found, refused by Bitrix24) never do; rate limits, 5xx and network errors may.
export function isPermanent(e: unknown): boolean {
  if (!isAppError(e)) return false;
  if (e.code === 'RATE_LIMITED' || e.code === 'UPSTREAM') return false;
  return e.status < 500;
}

export function reasonOf(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return `${isAppError(e) ? `${e.code}: ` : ''}${msg}`.slice(0, 900);
}

export function maskPhone(phone: string): string {
  return phone.length > 6 ? `${phone.slice(0, 4)}…${phone.slice(-2)}` : '…';
}
