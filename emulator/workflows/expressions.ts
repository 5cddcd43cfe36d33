// Bizproc-style expressions in property values: {=Document:TITLE}, {=Document:UF_CRM_LOAN_RATE} and
// return values of earlier steps {=A1:status}. UNVERIFIED(b24): the real designer supports far more
// (functions, variables, constants); this is the subset our tests and demo use.
import { isRecord } from '../util.js';

const EXPR = /\{=([A-Za-z0-9_]+):([A-Za-z0-9_]+)\}/g;

export interface ExprScope {
  document: Record<string, unknown>;
  steps: Record<string, Record<string, unknown> | undefined>;
}

function lookup(scope: ExprScope, source: string, key: string): unknown {
  if (source === 'Document') return scope.document[key] ?? scope.document[key.toUpperCase()];
  return scope.steps[source]?.[key];
}

function asText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(asText).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Evaluates one value: strings are interpolated (a lone expression keeps arrays), others recursed. */
export function evaluate(value: unknown, scope: ExprScope): unknown {
  if (typeof value === 'string') {
    const whole = /^\{=([A-Za-z0-9_]+):([A-Za-z0-9_]+)\}$/.exec(value);
    if (whole) {
      const v = lookup(scope, whole[1]!, whole[2]!);
      return Array.isArray(v) ? v.map(asText) : asText(v);
    }
    return value.replace(EXPR, (_m, src: string, key: string) => asText(lookup(scope, src, key)));
  }
  if (Array.isArray(value)) return value.map((v) => evaluate(v, scope));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, scope)]));
  if (value === undefined || value === null) return '';
  return String(value);
}
