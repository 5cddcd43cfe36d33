import { describe, expect, it } from 'vitest';
import { errorReason, guarded } from './guarded.js';

describe('guarded', () => {
  it('passes the arguments through and hands a throw to onError', () => {
    const seen: unknown[] = [];
    const errors: string[] = [];
    const cb = guarded(
      (a: number, b: string) => {
        seen.push(a, b);
        if (a > 1) throw new Error(`too big: ${a}`);
      },
      (e) => errors.push(errorReason(e)),
    );
    cb(1, 'x');
    cb(2, 'y');
    expect(seen).toEqual([1, 'x', 2, 'y']);
    expect(errors).toEqual(['too big: 2']);
  });

  it('swallows a throw from onError itself', () => {
    const cb = guarded(
      () => {
        throw new Error('first');
      },
      () => {
        throw new Error('second');
      },
    );
    expect(() => cb()).not.toThrow();
  });

  it('reasons from non-Error throws', () => {
    expect(errorReason('plain')).toBe('plain');
    expect(errorReason(42)).toBe('42');
  });
});
