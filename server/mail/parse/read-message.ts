import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';

// The one place a raw RFC 5322 message becomes our shape. mailparser (nodemailer's parser) decodes
// MIME, RFC 2047 words and charsets (KOI8-R, windows-1251 via iconv-lite) and turns HTML-only bodies
// into text, with <blockquote> as "> " lines; everything after this is plain text and headers.

export interface InboundMail {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: { address: string; name: string } | null;
  /** To, Cc and Delivered-To/X-Original-To addresses: where a plus-addressed reply token can be. */
  recipients: string[];
  subject: string;
  text: string;
  date: Date | null;
  /** Lower-cased header names → first value as text (Auto-Submitted, X-Autoreply, Precedence, …). */
  headers: Record<string, string>;
}

const MAX_RAW_BYTES = 10 * 1024 * 1024;

export async function readMessage(raw: Buffer | string): Promise<InboundMail> {
  const source = typeof raw === 'string' ? Buffer.from(raw) : raw;
  if (source.length > MAX_RAW_BYTES) throw new RangeError(`message of ${source.length} bytes is over the ${MAX_RAW_BYTES} limit`);
  const p = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const headers: Record<string, string> = {};
  for (const [k, v] of p.headers) headers[k.toLowerCase()] = headerText(v);
  const from = addresses(p.from)[0] ?? null;
  const delivered = ['delivered-to', 'x-original-to', 'envelope-to'].flatMap((h) =>
    headers[h] ? [headers[h].replace(/[<>]/g, '').trim()] : [],
  );
  return {
    messageId: p.messageId ?? null,
    inReplyTo: ids(p.inReplyTo),
    references: ids(p.references),
    from: from ? { address: from.address.toLowerCase(), name: from.name } : null,
    recipients: [...addresses(p.to), ...addresses(p.cc), ...delivered.map((address) => ({ address, name: '' }))].map((a) =>
      a.address.toLowerCase(),
    ),
    subject: p.subject ?? '',
    text: p.text ?? '',
    date: p.date ?? null,
    headers,
  };
}

function ids(v: string | string[] | undefined): string[] {
  const all = Array.isArray(v) ? v.join(' ') : (v ?? '');
  return [...all.matchAll(/<[^<>\s]+>/g)].map((m) => m[0]);
}

function addresses(v: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  const list = Array.isArray(v) ? v : v ? [v] : [];
  return list.flatMap((o) => o.value).flatMap((a) => (a.address ? [{ address: a.address, name: a.name }] : []));
}

function headerText(v: HeaderValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : '')).join(', ');
  if (v && typeof v === 'object' && 'value' in v) {
    const value = (v as { value: unknown }).value;
    if (typeof value === 'string') return value;
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
  }
  return '';
}
