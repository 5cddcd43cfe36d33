import { describe, expect, it } from 'vitest';
import { MAX_SCAN_BYTES, scanContentType } from './scan-file.js';

describe('scanContentType', () => {
  it('knows a PDF, a JPEG and a PNG by their first bytes', () => {
    expect(scanContentType(Buffer.from('%PDF-1.7\n…'))).toBe('application/pdf');
    expect(scanContentType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(scanContentType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
  });

  it('refuses anything else, an empty file, and more than 5 MB', () => {
    expect(() => scanContentType(Buffer.from('PK\u0003\u0004 a .docx'))).toThrow(expect.objectContaining({ code: 'SCAN_TYPE' }));
    expect(() => scanContentType(new Uint8Array(0))).toThrow(expect.objectContaining({ code: 'SCAN_TYPE' }));
    const big = new Uint8Array(MAX_SCAN_BYTES + 1);
    big.set(Buffer.from('%PDF-'));
    expect(() => scanContentType(big)).toThrow(expect.objectContaining({ code: 'SCAN_TOO_LARGE', status: 413 }));
  });
});
