// Small strict readers for untrusted JSON: each names the field path it failed on.
import { invalid } from './errors.js';

export type Json = Record<string, unknown>;

export function asObject(raw: unknown, path: string): Json {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalid('NOT_AN_OBJECT', path || '$', `Expected an object at ${path || 'the top level'}`);
  }
  return raw as Json;
}

export function asArray(raw: unknown, path: string, maxItems: number): unknown[] {
  if (!Array.isArray(raw)) throw invalid('NOT_AN_ARRAY', path, `Expected an array at ${path}`);
  if (raw.length > maxItems) throw invalid('TOO_MANY_ITEMS', path, `At most ${maxItems} items at ${path}`);
  return raw;
}

export function asString(raw: unknown, path: string, maxLength = 200): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > maxLength) {
    throw invalid('NOT_A_STRING', path, `Expected a non-empty string at ${path}`);
  }
  return raw;
}

export function asInt(raw: unknown, path: string, min: number, max: number, code = 'NOT_AN_INTEGER'): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > max) {
    throw invalid(code, path, `Expected an integer from ${min} to ${max} at ${path}`);
  }
  return raw;
}

export function asBool(raw: unknown, path: string): boolean {
  if (typeof raw !== 'boolean') throw invalid('NOT_A_BOOLEAN', path, `Expected true or false at ${path}`);
  return raw;
}

export function oneOf<T extends string>(raw: unknown, allowed: readonly T[], path: string, code = 'UNKNOWN_VALUE'): T {
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  throw invalid(code, path, `Expected one of ${allowed.join(', ')} at ${path}`);
}

export function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}
