import type { DnsResolver } from 'mailauth';
import type { Executor } from '../../db/executor.js';
import type { DeliveryReport } from '../parse/delivery-report.js';
import { readMessage } from '../parse/read-message.js';
import { checkSenderAuth, type SenderAuth } from '../sender-auth.js';
import type { ReplyContext } from '../understand.js';

// Whether a delivery report may move a bank message's status. A DSN only has to name our Message-ID,
// and anyone who saw one of our messages (the bank's staff, whoever they forwarded it to, a CC) can
// write "failed" under it. So a report counts only when its sender is authenticated the way
// sender-auth.ts judges a bank's reply — DMARC passes for the From: domain, or a DKIM signature
// aligned with it does — AND that domain is on the message's delivery path: our outgoing SMTP (its
// From: address's domain, its host, the reply address) or the bank the message went to (the bank's
// allowed reply senders: the same list that says which domains speak for it). A MAILER-DAEMON or
// postmaster of either passes, a sub-domain (mx1.banco.mx for banco.mx) too. Anything else — an
// unsigned bounce, one signed by an unrelated domain — is kept on the row as unverified: the user
// sees it, the status stays. Cost: an unsigned bounce from a real server (many Postfix setups sign
// nothing) no longer fails the message by itself; the person reads it and decides.

export interface ReportSender {
  /** The From: address, lower-case ('' when there is none): shown with an unverified report. */
  address: string;
  /** The From: domain, lower-case ('' when there is none). */
  domain: string;
  auth: SenderAuth;
}

/** Pure: does this sender vouch for a report about a message sent through `pathDomains`? */
export function reportVouched(sender: ReportSender, pathDomains: string[]): boolean {
  if (sender.domain === '' || !(sender.auth.dmarc === 'pass' || sender.auth.dkimAligned)) return false;
  return pathDomains.some((d) => related(sender.domain, d));
}

/** The domains on a message's delivery path: ours from the mail settings, the bank's from its policy. */
export function pathDomainsOf(own: string[], bankSenders: string[]): string[] {
  const domains = [...own, ...bankSenders]
    .map((a) => a.trim().toLowerCase())
    .map((a) => a.slice(a.lastIndexOf('@') + 1))
    // A host given as an IP address names no domain.
    .filter((d) => d.includes('.') && /[a-z]/.test(d));
  return [...new Set(domains)];
}

/** Reads the report's sender (From: and its authentication) once, off the database. */
export async function reportSenderOf(raw: Buffer, resolver?: DnsResolver): Promise<ReportSender> {
  const [mail, auth] = await Promise.all([readMessage(raw), checkSenderAuth(raw, { resolver })]);
  const from = mail.from?.address ?? '';
  return { address: from, domain: from.includes('@') ? from.slice(from.lastIndexOf('@') + 1) : '', auth };
}

/**
 * The whole judgement the mailbox reader makes before recording a report (outside the recording
 * transaction: the bank's policy is read from the database, and SQLite has one connection).
 */
export async function judgeReport(
  db: Executor,
  ctx: Pick<ReplyContext, 'portalId' | 'policyFor' | 'resolver'>,
  ownDomains: string[],
  raw: Buffer,
  report: DeliveryReport,
): Promise<{ verified: boolean; from: string }> {
  const sender = await reportSenderOf(raw, ctx.resolver);
  const bankId = await reportedBankId(db, ctx.portalId, report);
  const policy = bankId === null ? null : await ctx.policyFor(bankId);
  return { verified: reportVouched(sender, pathDomainsOf(ownDomains, policy?.allowedSenders ?? [])), from: sender.address };
}

/** The bank of the message a report names (this portal only), or null when it names none of ours. */
export async function reportedBankId(db: Executor, portalId: string, report: DeliveryReport): Promise<string | null> {
  const row = await db
    .selectFrom('bank_messages')
    .select('bank_id')
    .where('portal_id', '=', portalId)
    .where('message_id', 'in', report.originalIds.slice(0, 20))
    .orderBy('id')
    .executeTakeFirst();
  return row?.bank_id ?? null;
}

// Relaxed, like DMARC's alignment but without a public-suffix list: the same domain, or one inside
// the other (mx.banco.mx ~ banco.mx). Both sides are real domains we hold, so no "com" ever matches.
const related = (a: string, b: string) => a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
