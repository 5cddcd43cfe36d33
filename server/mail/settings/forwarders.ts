import { AppError } from '../../errors.js';

// The portal's forwarders (issue 16 item 4): our own staff who forward a bank's decision to the
// replies mailbox with the result written on top. Stored lower-case, each once; a refusal names the
// address and its place so the screen shows it beside the list, in the admin's language.

/** One address, no display name; "+" allowed (a staff address may carry one, unlike our reply address). */
const ADDRESS = /^[^@\s<>"(),;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** The list as stored: trimmed, lower-cased, blanks dropped — refused entry by entry when one is not an address or repeats. */
export function normaliseForwarders(typed: readonly string[]): string[] {
  const out: string[] = [];
  for (const [index, raw] of typed.entries()) {
    const address = raw.trim().toLowerCase();
    if (address === '') continue;
    const details = { field: 'forwarders', index };
    if (!ADDRESS.test(address))
      throw new AppError(
        'MAIL_FORWARDER_INVALID',
        'forwarder is not an address',
        { key: 'MAIL_FORWARDER_INVALID', params: { address } },
        details,
      );
    if (out.includes(address))
      throw new AppError(
        'MAIL_FORWARDER_DUPLICATE',
        'forwarder listed twice',
        { key: 'MAIL_FORWARDER_DUPLICATE', params: { address } },
        details,
      );
    out.push(address);
  }
  return out;
}

/** A stored list read back; anything but an array of strings reads as none (nobody may forward). */
export function forwardersOfJson(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return [];
  }
}
