import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import { analyzeSms } from './index.js';
import { assertWithinLimit } from './within-limit.js';

describe('assertWithinLimit', () => {
  it('refuses over the segment limit with limit and count in the message', () => {
    const a = analyzeSms('ж'.repeat(135));
    expect(() => assertWithinLimit(a, 2)).toThrowError(/3 segments.*limit is 2/);
    try {
      assertWithinLimit(a, 2);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('SMS_OVER_LIMIT');
      expect((e as AppError).details).toMatchObject({ limit: 2, count: 3 });
    }
  });
  it('refuses over a character limit (seed 000: 150)', () => {
    expect(() => assertWithinLimit(analyzeSms('a'.repeat(151)), { maxUnits: 150 })).toThrowError(
      /151 GSM-7 characters; the provider limit is 150/,
    );
    expect(() => assertWithinLimit(analyzeSms('a'.repeat(150)), { maxUnits: 150, maxSegments: 1 })).not.toThrow();
  });
});
