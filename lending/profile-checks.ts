// Refusals for loans that break their regulatory profile; each names the rule and its source.
import { Dec } from './decimal.js';
import { refused } from './errors.js';
import { resolveProfile, type ProfileRules } from './profiles.js';
import type { LoanTerms, ScheduleTotals } from './types.js';

const DAYS_365 = new Dec(365);

export function rulesFor(t: Pick<LoanTerms, 'profile' | 'contractDate'>): ProfileRules | undefined {
  return t.profile ? resolveProfile(t.profile, t.contractDate) : undefined;
}

/** Interest per day as a fraction; an annual rate is spread over 365 days (the stricter reading). */
export function dailyRateOf(t: Pick<LoanTerms, 'rate'>): Dec {
  return t.rate.kind === 'daily' ? t.rate.daily : t.rate.annual.div(DAYS_365);
}

export function checkRatesAgainstProfile(t: LoanTerms): void {
  const r = rulesFor(t);
  if (!r?.dailyRateCap) return;
  const daily = dailyRateOf(t);
  if (daily.gt(r.dailyRateCap)) {
    throw refused(
      'PROFILE_DAILY_RATE_CAP',
      t.rate.kind === 'daily' ? 'rate.dailyPercent' : 'rate.annualPercent',
      `${r.id}: interest ${daily.times(100).toDecimalPlaces(4).toString()} % a day exceeds the cap of ${r.dailyRateCap.times(100).toString()} % (${r.source})`,
      `${r.id}.dailyRateCap@${r.from}`,
    );
  }
}

/** Everything the borrower pays above the principal must stay within cap × principal. */
export function overpaymentLimit(t: LoanTerms, r: ProfileRules | undefined = rulesFor(t)): Dec | undefined {
  return r?.overpaymentCap ? t.principal.times(r.overpaymentCap) : undefined;
}

export function checkScheduleAgainstProfile(t: LoanTerms, totals: ScheduleTotals): void {
  const r = rulesFor(t);
  const limit = overpaymentLimit(t, r);
  if (!r || !limit) return;
  if (totals.costOfCredit.gt(limit)) {
    throw refused(
      'PROFILE_OVERPAYMENT_CAP',
      'principal',
      `${r.id}: interest and fees ${totals.costOfCredit.toString()} exceed ${r.overpaymentCap!.times(100).toString()} % of the principal (${limit.toString()}) (${r.source})`,
      `${r.id}.overpaymentCap@${r.from}`,
    );
  }
}
