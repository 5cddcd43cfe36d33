import type { Translate } from './i18n.js';
import type { ScheduleVersionSeen } from './payments-model.js';

/**
 * The line above the schedule naming the version its figures are, with why it was written: "Schedule
 * version 3 · rebuilt after a reversal". A loan on its first version needs none; once it has more than
 * one, the line stays whatever rows the version holds — reversing the only rebuilding prepayment leaves
 * the contract's rows, which the form computes, on a new version all the same.
 */
export function versionLine(t: Translate, seen: ScheduleVersionSeen | null): string | null {
  if (!seen || seen.version <= 1) return null;
  return `${t('scheduleVersion')} ${seen.version} · ${t(`versionCause.${seen.cause}`)}`;
}
