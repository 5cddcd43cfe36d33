import { gsm7Cost } from './gsm7-alphabet.js';
import { normaliseTypography } from './normalise.js';
import { transliterate, type Transliteration } from './transliterate.js';

// Pure (no I/O), in lending/ so the widgets share it: the send screen's live SMS counter judges a
// text by the same rule (overLimit) the server's 422 SMS_OVER_LIMIT uses (server/integrations/sms/encoding).
// Sizes per 3GPP TS 23.038 / 23.040: a concatenated part loses 6 octets to the UDH
// (integrations.md §2.2): GSM-7 160 single / 153 per part, UCS-2 70 single / 67 per part.

export type SmsEncoding = 'GSM7' | 'UCS2';

export const SEGMENT_SIZE = {
  GSM7: { single: 160, multi: 153 },
  UCS2: { single: 70, multi: 67 },
} as const;

export interface SmsAnalysis {
  /** The text after normalisation (and transliteration): exactly what would be sent. */
  text: string;
  encoding: SmsEncoding;
  /** Septets for GSM7 (extension characters count 2), UTF-16 code units for UCS2. */
  units: number;
  segments: number;
  /** Capacity of each part in units: 160/153 or 70/67. */
  perSegment: number;
  /** The text cut into parts; never splits an escape pair or a surrogate pair. */
  parts: string[];
}

export interface AnalyzeOptions {
  transliterate?: Transliteration;
}

/** Units each character (code point) costs in the given encoding. */
function costs(text: string, encoding: SmsEncoding): Array<[string, number]> {
  return [...text].map((ch) => [ch, encoding === 'GSM7' ? (gsm7Cost(ch) ?? 0) : ch.length]);
}

function isGsm7(text: string): boolean {
  for (const ch of text) if (gsm7Cost(ch) === undefined) return false;
  return true;
}

function split(chars: Array<[string, number]>, size: number): string[] {
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const [ch, cost] of chars) {
    if (used + cost > size) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += ch;
    used += cost;
  }
  if (current !== '') parts.push(current);
  return parts;
}

export function analyzeSms(input: string, options: AnalyzeOptions = {}): SmsAnalysis {
  const text = transliterate(normaliseTypography(input), options.transliterate ?? false);
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM7' : 'UCS2';
  const chars = costs(text, encoding);
  const units = chars.reduce((n, [, c]) => n + c, 0);
  const size = SEGMENT_SIZE[encoding];
  if (units <= size.single) {
    return { text, encoding, units, segments: text === '' ? 0 : 1, perSegment: size.single, parts: text === '' ? [] : [text] };
  }
  const parts = split(chars, size.multi);
  return { text, encoding, units, segments: parts.length, perSegment: size.multi, parts };
}

/** A provider's limit: a number is a maximum count of segments. */
export type SmsLimit = number | { maxSegments?: number; maxUnits?: number };

/** What is over a provider's limit: characters (units) first, then segments; null when within it. */
export interface SmsOverLimit {
  unit: 'characters' | 'segments';
  limit: number;
  count: number;
  encoding: SmsEncoding;
}

/** The one rule for "too long" (never cut): the server refuses with it, the send screen counts with it. */
export function overLimit(analysis: SmsAnalysis, limit: SmsLimit): SmsOverLimit | null {
  const { maxSegments, maxUnits } = typeof limit === 'number' ? { maxSegments: limit, maxUnits: undefined } : limit;
  if (maxUnits !== undefined && analysis.units > maxUnits)
    return { unit: 'characters', limit: maxUnits, count: analysis.units, encoding: analysis.encoding };
  if (maxSegments !== undefined && analysis.segments > maxSegments)
    return { unit: 'segments', limit: maxSegments, count: analysis.segments, encoding: analysis.encoding };
  return null;
}
