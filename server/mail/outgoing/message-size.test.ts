import { describe, expect, it } from 'vitest';
import { base64WireBytes, HEADERS_MARGIN_BYTES, MEBIBYTE, megabytesText, messageWireBytes, PART_MARGIN_BYTES } from './message-size.js';

describe('the size of a bank e-mail on the wire', () => {
  it('base64 is 4 characters per 3 bytes plus a CRLF every 76 characters', () => {
    expect(base64WireBytes(0)).toBe(0);
    expect(base64WireBytes(1)).toBe(4 + 2);
    expect(base64WireBytes(57)).toBe(76 + 2);
    expect(base64WireBytes(58)).toBe(80 + 4);
    // A 24 MiB pack is over 32 MiB as it travels: the reason a 25 MB server refuses it.
    expect(base64WireBytes(24 * MEBIBYTE)).toBeGreaterThan(32 * MEBIBYTE);
  });

  it('adds the headers, the text and a margin per attachment', () => {
    expect(messageWireBytes(10, [])).toBe(HEADERS_MARGIN_BYTES + 30 + PART_MARGIN_BYTES);
    expect(messageWireBytes(0, [57, 57])).toBe(HEADERS_MARGIN_BYTES + PART_MARGIN_BYTES + 2 * (78 + PART_MARGIN_BYTES));
  });

  it('writes megabytes as the user reads them, rounded up so a message just over the limit never reads as the limit', () => {
    expect(megabytesText(25 * MEBIBYTE, 'es')).toBe('25');
    expect(megabytesText(31.2 * MEBIBYTE, 'es')).toBe('31.2');
    expect(megabytesText(31.2 * MEBIBYTE, 'ru')).toBe('31,2');
    expect(megabytesText(25 * MEBIBYTE + 1, 'en')).toBe('25.1');
  });
});
