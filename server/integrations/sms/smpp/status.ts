import smpp from 'smpp';

// SMPP 3.4 command_status values (§5.1.3) the client decides on, and their printable names.

// Statuses where the SMSC did not take the message but may later.
export const RETRYABLE_STATUS: ReadonlySet<number> = new Set([0x08, 0x14, 0x58]); // ESME_RSYSERR, ESME_RMSGQFUL, ESME_RTHROTTLED
// Bind failures that retrying cannot fix.
export const FATAL_BIND_STATUS: ReadonlySet<number> = new Set([0x0e, 0x0f]); // ESME_RINVPASWD, ESME_RINVSYSID

/** "ESME_RTHROTTLED (0x00000058)". Only a label: a status the table lacks keeps its number. */
export function statusName(status: number): string {
  const hex = `0x${(status >>> 0).toString(16).padStart(8, '0')}`;
  const name = Object.entries(smpp.errors).find(([, v]) => v === status)?.[0];
  return name ? `${name} (${hex})` : hex;
}
