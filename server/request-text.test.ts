import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, findTextProblem, isSafeText } from './request-text.js';

describe('request text check', () => {
  it('keeps ordinary text in every language, tabs and line breaks', () => {
    for (const s of ['Préstamo nómina', 'Заём «Плюс»', 'line1\nline2\r\n\tx', '€ 1 500,00', '😀 emoji pair', 'ﬁ'])
      expect(isSafeText(s), s).toBe(true);
  });

  it('refuses NUL, other controls, bidi overrides, lone surrogates and non-characters', () => {
    for (const s of ['a\u0000b', '\u0007', '\u001b[31m', '\u007f', '\u0085', 'pay\u202Eusd', '\u2066x', '\uD800', 'x\uDC00', '\uFFFF'])
      expect(isSafeText(s), JSON.stringify(s)).toBe(false);
  });

  it('names the field (never the value) and looks at keys and nested arrays', () => {
    expect(findTextProblem({ loan: { rate: { annualPercent: '1\u0000' } } }, 'body')).toEqual({
      kind: 'control',
      path: 'body.loan.rate.annualPercent',
    });
    expect(findTextProblem({ a: [{ ['k\u0000']: 1 }] }, 'body')?.kind).toBe('control');
    expect(findTextProblem({ a: ['ok', 1, null, true] }, 'body')).toBeNull();
  });

  it('refuses nesting deeper than the limit without recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findTextProblem(deep, 'body')).toMatchObject({ kind: 'depth' });
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_DEPTH; i++) ok = { a: ok };
    expect(findTextProblem(ok, 'body')).toBeNull();
  });

  it('skips a binary body (a payment file): bytes are not text, and a 5 MB buffer is not walked byte by byte', () => {
    expect(findTextProblem(Buffer.from([0, 1, 2, 0x1b]), 'body')).toBeNull();
    expect(findTextProblem(new Uint8Array(5 * 1024 * 1024), 'body')).toBeNull();
  });
});
