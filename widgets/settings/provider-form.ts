// Pure: a provider's settings schema → the form's fields, the form's strings → the settings to send.
// Whole numbers are shown and read the way the user's language writes them (10,000 in es-MX and en,
// 10 000 in ru; a port plain, 2775); a secret is never shown back: left empty it is omitted, and the server keeps it.
import { numberLocaleOf, parseLocaleNumber } from '../../lending/locale-number.js';
import type { FieldSchema, ProviderInfo } from './providers-api.js';

export type FieldKind = 'text' | 'secret' | 'integer' | 'choice';

export interface FormField {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** Has a default: shown under "more settings". */
  advanced: boolean;
  choices: string[];
  schema: FieldSchema;
}

/** 'host': a server address that is not a host name or IP alone (a port typed in, a space). */
export type FieldError = 'required' | 'integer' | 'range' | 'format' | 'length' | 'host';

/** How a text refused by its schema's pattern reads beside its field. */
export function patternError(name: string): FieldError {
  return name === 'host' ? 'host' : 'format';
}

export function formFields(p: ProviderInfo): FormField[] {
  const required = new Set(p.schema.required ?? []);
  return Object.entries(p.schema.properties ?? {}).map(([name, s]) => {
    const choices = (s.anyOf ?? []).map((c) => c.const).filter((c): c is string => typeof c === 'string');
    const kind: FieldKind = p.secretFields.includes(name)
      ? 'secret'
      : choices.length
        ? 'choice'
        : s.type === 'integer'
          ? 'integer'
          : 'text';
    return {
      name,
      kind,
      required: required.has(name) && s.default === undefined,
      advanced: s.default !== undefined || !required.has(name),
      choices,
      schema: s,
    };
  });
}

export function formatInteger(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/**
 * A port is a number nobody groups: "2775", as the SMSC's papers and every mail client write it, never
 * "2,775" or "2 775". Typed grouped it still reads (parseInteger), but it is shown plain.
 */
function isPort(name: string): boolean {
  return name === 'port' || name.endsWith('Port');
}

/** "10,000" (es-MX, en), "10 000" (ru), "10000": the integer, or null when not one (the app's one parser). */
export function parseInteger(text: string, locale: string): number | null {
  const r = parseLocaleNumber(text, numberLocaleOf(locale), { scale: 0 });
  if (!r.ok) return null;
  const n = Number(r.value);
  return Number.isSafeInteger(n) ? n : null;
}

/** What the inputs start with: the stored values (never a secret), else the schema's defaults. */
export function initialValues(fields: FormField[], stored: Record<string, unknown> | undefined, locale: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    if (f.kind === 'secret') {
      out[f.name] = '';
      continue;
    }
    const v = stored && f.name in stored ? stored[f.name] : f.schema.default;
    out[f.name] = v === undefined || v === null ? '' : typeof v === 'number' && !isPort(f.name) ? formatInteger(v, locale) : String(v);
  }
  return out;
}

export interface ReadResult {
  settings: Record<string, unknown>;
  errors: Record<string, FieldError>;
}

/** The settings to send; `secretsKept` names secrets stored for this provider (empty = keep). */
export function readValues(
  fields: FormField[],
  values: Record<string, string>,
  secretsKept: ReadonlySet<string>,
  locale: string,
): ReadResult {
  const settings: Record<string, unknown> = {};
  const errors: Record<string, FieldError> = {};
  for (const f of fields) {
    const raw = (values[f.name] ?? '').trim();
    if (raw === '') {
      const kept = f.kind === 'secret' && secretsKept.has(f.name);
      if (!kept && (f.required || (f.kind === 'secret' && (f.schema.minLength ?? 0) > 0))) errors[f.name] = 'required';
      continue;
    }
    if (f.kind === 'integer') {
      const n = parseInteger(raw, locale);
      if (n === null) errors[f.name] = 'integer';
      else if ((f.schema.minimum !== undefined && n < f.schema.minimum) || (f.schema.maximum !== undefined && n > f.schema.maximum))
        errors[f.name] = 'range';
      else settings[f.name] = n;
      continue;
    }
    if ((f.schema.maxLength !== undefined && raw.length > f.schema.maxLength) || raw.length < (f.schema.minLength ?? 0))
      errors[f.name] = 'length';
    else if (f.schema.pattern && !new RegExp(f.schema.pattern).test(raw)) errors[f.name] = patternError(f.name);
    else settings[f.name] = raw;
  }
  return { settings, errors };
}
