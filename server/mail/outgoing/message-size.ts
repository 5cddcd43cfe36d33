import type { Lang } from '../../errors.js';

// How big a bank e-mail will be on the wire, before it is queued (issue 16): the SMTP server refuses
// a message over its limit (552) only when the job sends it, long after the user left — so the
// route compares this estimate with the limit and refuses at send instead. Pure: sizes in, bytes out.

/** Base64 makes 4 characters of every 3 bytes, and MIME breaks its lines at 76 characters with CRLF. */
export function base64WireBytes(rawBytes: number): number {
  const chars = Math.ceil(rawBytes / 3) * 4;
  return chars + Math.ceil(chars / 76) * 2;
}

/** Headers of the message and of each MIME part (names, boundaries, Content-Type): a generous allowance. */
export const HEADERS_MARGIN_BYTES = 8 * 1024;
export const PART_MARGIN_BYTES = 512;

/** The whole message: its text (as quoted-printable, at most 3 bytes per byte) and each attachment in base64. */
export function messageWireBytes(textBytes: number, attachmentBytes: readonly number[]): number {
  const parts = attachmentBytes.reduce((sum, n) => sum + base64WireBytes(n) + PART_MARGIN_BYTES, 0);
  return HEADERS_MARGIN_BYTES + textBytes * 3 + PART_MARGIN_BYTES + parts;
}

export const MEBIBYTE = 1024 * 1024;
const LOCALE: Record<Lang, string> = { es: 'es-MX', ru: 'ru-RU', en: 'en-US' };

/** "31.2" (es-MX, en) or "31,2" (ru): megabytes with one decimal, never rounded down to the limit itself. */
export function megabytesText(bytes: number, lang: Lang): string {
  const mb = Math.ceil((bytes / MEBIBYTE) * 10) / 10;
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 }).format(mb);
}
