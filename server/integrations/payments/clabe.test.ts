import { describe, expect, it } from 'vitest';
import { parseClabe } from './clabe.js';

describe('parseClabe', () => {
  it('refuses a wrong control digit and a number', () => {
    expect(() => parseClabe('012298026516924617')).toThrowError(/control digit/);
    expect(() => parseClabe(12298026516924616)).toThrowError(/must be text/);
  });
  it('keeps leading zeros and strips pasted separators', () => {
    expect(parseClabe('012 298 02651692461-6')).toBe('012298026516924616');
  });
});
