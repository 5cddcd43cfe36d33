// Public surface of the SMS encoding core (pure; safe to import from widgets).
export { analyzeSms, assertWithinLimit, SEGMENT_SIZE } from './analyze.js';
export type { SmsAnalysis, SmsEncoding, SmsLimit, AnalyzeOptions } from './analyze.js';
export { encodeGsm7, decodeGsm7, gsm7Cost } from './gsm7-alphabet.js';
export { encodeUcs2, decodeUcs2 } from './ucs2.js';
export { normaliseTypography } from './normalise.js';
export { transliterate } from './transliterate.js';
export type { Transliteration } from './transliterate.js';
