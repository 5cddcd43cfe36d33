import { simpleParser } from 'mailparser';

// Recognises a delivery report about a message WE sent, before any reply understanding: an RFC 3464
// delivery status notification (multipart/report; report-type=delivery-status, with a
// message/delivery-status part — what Postfix, Exchange and Gmail send) or an older plain bounce
// from MAILER-DAEMON/postmaster that returns the original's headers (Exim, qmail). The original's
// Message-ID comes from the returned headers (message/rfc822 or text/rfc822-headers), else from
// X-Original-Message-ID (Gmail) or In-Reply-To/References (Exchange, Gmail thread their NDRs).
// Pure apart from MIME decoding: the caller matches the ids to bank_messages.

export type DeliveryOutcome = 'delivered' | 'failed' | 'delayed';

export interface DeliveryReport {
  /** Candidate Message-IDs of the original, in angle brackets, most certain first. */
  originalIds: string[];
  outcome: DeliveryOutcome;
  /** Per recipient: "address: status diagnostic", joined; at most 500 characters. */
  diagnostic: string;
}

const MAX_SCAN_CHARS = 512 * 1024;
const MAX_RECIPIENTS = 50;

export async function deliveryReportOf(raw: Buffer): Promise<DeliveryReport | null> {
  // DSN fields are US-ASCII (RFC 3464 §2.1.1); latin1 keeps every byte one character.
  const text = raw.subarray(0, MAX_SCAN_CHARS).toString('latin1');
  const head = unfold(text.slice(0, headerEnd(text)));
  const isReport = /^content-type:\s*multipart\/report\b[^\n]*report-type="?delivery-status/im.test(head);
  const fromDaemon = /^from:[^\n]*\b(mailer-daemon|postmaster)@/im.test(head);
  if (!isReport && !fromDaemon) return null;
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const returned = parsed.attachments
    .filter((a) => /^(message\/rfc822|text\/rfc822-headers|message\/global-headers|message\/global)$/i.test(a.contentType))
    .map((a) => a.content.toString('latin1'));
  const status = statusBlock(text);
  const originalIds = unique([
    ...returned.flatMap((r) => idsIn(headerValue(unfold(r.slice(0, headerEnd(r))), 'message-id'))),
    ...idsIn(status ? headerValue(status, 'x-original-message-id') : ''),
    ...idsIn(headerValue(head, 'in-reply-to')),
    ...idsIn(headerValue(head, 'references')),
    // A plain bounce quotes the original's headers in its text.
    ...(status || returned.length > 0 ? [] : idsIn(headerValue(unfold(parsed.text ?? ''), 'message-id'))),
  ]);
  if (originalIds.length === 0) return null;
  if (status) return fromStatus(status, originalIds);
  if (!fromDaemon) return null;
  const line = (parsed.text ?? '').split('\n').find((l) => /\b[45]\d\d\b|\b[45]\.\d{1,3}\.\d{1,3}\b/.test(l));
  return { originalIds, outcome: 'failed', diagnostic: (line ?? parsed.subject ?? '').trim().slice(0, 500) };
}

function fromStatus(status: string, originalIds: string[]): DeliveryReport {
  // Groups after the first (per-message) one are per recipient (RFC 3464 §2.3).
  const groups = status
    .split(/\n[ \t]*\n/)
    .slice(1)
    .filter((g) => /^action:/im.test(g))
    .slice(0, MAX_RECIPIENTS);
  const recipients = groups.map((g) => ({
    action: headerValue(g, 'action').toLowerCase(),
    who: headerValue(g, 'final-recipient').replace(/^[^;]*;\s*/, ''),
    code: headerValue(g, 'status'),
    diagnostic: headerValue(g, 'diagnostic-code').replace(/^[^;]*;\s*/, ''),
  }));
  const actions = recipients.map((r) => r.action);
  // One failed recipient fails the message: the bank did not get it where it was meant to go.
  const outcome: DeliveryOutcome = actions.includes('failed')
    ? 'failed'
    : actions.length > 0 && actions.every((a) => ['delivered', 'relayed', 'expanded'].includes(a))
      ? 'delivered'
      : 'delayed';
  const diagnostic = recipients
    .map((r) => `${r.who}: ${r.diagnostic || r.code || r.action}`.trim())
    .join('; ')
    .replace(/\s+/g, ' ')
    .slice(0, 500);
  return { originalIds, outcome, diagnostic };
}

/** The message/delivery-status part's body, unfolded, or null. */
function statusBlock(text: string): string | null {
  const m = /^content-type:\s*message\/(global-)?delivery-status[^\n]*\n/im.exec(text);
  if (!m) return null;
  // The part's remaining header lines (if any) end at the first empty line.
  const rest = '\n' + text.slice(m.index + m[0].length).replace(/\r\n/g, '\n');
  const bodyAt = rest.indexOf('\n\n');
  if (bodyAt < 0) return null;
  const end = rest.indexOf('\n--', bodyAt);
  return unfold(rest.slice(bodyAt + 2, end < 0 ? undefined : end)).trim();
}

const headerEnd = (t: string) => {
  const i = t.search(/\r?\n\r?\n/);
  return i < 0 ? t.length : i;
};
const unfold = (t: string) => t.replace(/\r\n/g, '\n').replace(/\n[ \t]+/g, ' ');
const headerValue = (block: string, name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(block)?.[1]?.trim() ?? '';
const idsIn = (v: string) => v.match(/<[^<>\s@]+@[^<>\s]+>/g) ?? [];
const unique = (xs: string[]) => [...new Set(xs)];
