// "Check the applicant": the portal's blacklist, then its bureau over HTTP, into one verdict for the
// workflow. Reject when either says so; "error" when the bureau could not answer (the workflow
// decides: a designer usually sends it to manual review) — never a silent pass. The values are
// never in the result or the logs; only what was checked and why.
import type { SecretBox } from '../security/crypto.js';
import { blacklistReason, getCheckSettings } from './check-repo.js';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { configProblem, runHttpCheck } from './http-check.js';
import { normalizeDocument, normalizePhone } from './normalize.js';

export type CheckVerdict = 'pass' | 'reject' | 'error';

export interface CheckFinding {
  source: 'blacklist' | 'http';
  /** What was looked at: 'phone', 'document', or the bureau. */
  subject: 'phone' | 'document' | 'bureau';
  outcome: 'pass' | 'reject' | 'error' | 'skipped';
  /** The blacklist entry's reason, the bureau's reason or error code; never the checked value. */
  reason: string | null;
}

export interface CheckResult {
  verdict: CheckVerdict;
  findings: CheckFinding[];
}

export interface CheckDeps {
  db: Kysely<Database> | Transaction<Database>;
  box: SecretBox;
  fetchFn?: typeof fetch;
  /** CHECKS_ALLOW_LOCAL_URLS: a stored check pointing at a local address runs only when on. */
  allowLocalUrls?: boolean;
}

export async function checkApplicant(
  deps: CheckDeps,
  portalId: string,
  input: { phone: string | null; document: string | null; dealId: number },
): Promise<CheckResult> {
  const settings = await getCheckSettings(deps.db, deps.box, portalId);
  const phone = input.phone ? normalizePhone(input.phone, settings.country) : null;
  const document = input.document ? normalizeDocument(input.document) : null;
  const findings: CheckFinding[] = [];
  for (const [subject, value] of [
    ['phone', phone],
    ['document', document],
  ] as const) {
    if (value === null) {
      findings.push({ source: 'blacklist', subject, outcome: 'skipped', reason: input[subject] ? 'unreadable' : 'empty' });
      continue;
    }
    const reason = await blacklistReason(deps.db, deps.box, portalId, subject, value);
    findings.push({ source: 'blacklist', subject, outcome: reason === null ? 'pass' : 'reject', reason: reason || null });
  }
  if (settings.authUnreadable) {
    findings.push({ source: 'http', subject: 'bureau', outcome: 'error', reason: 'STORED_DATA_UNREADABLE' });
  } else if (settings.http && configProblem(settings.http, deps.allowLocalUrls ?? false)) {
    findings.push({ source: 'http', subject: 'bureau', outcome: 'error', reason: 'CHECK_CONFIG' });
  } else if (settings.http) {
    const r = await runHttpCheck(settings.http, { phone, document, dealId: input.dealId }, deps.fetchFn);
    findings.push({
      source: 'http',
      subject: 'bureau',
      outcome: r.outcome,
      reason: r.outcome === 'error' ? r.code : r.reason,
    });
  }
  const verdict: CheckVerdict = findings.some((f) => f.outcome === 'reject')
    ? 'reject'
    : findings.some((f) => f.outcome === 'error')
      ? 'error'
      : 'pass';
  return { verdict, findings };
}
