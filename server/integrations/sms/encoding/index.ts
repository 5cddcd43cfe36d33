// Public surface of the SMS encoding core for the server: the pure core lives in lending/sms-encoding
// (the widgets count with it too); refusing with an AppError is the server's (within-limit.ts).
export { analyzeSms, overLimit, SEGMENT_SIZE } from '../../../../lending/sms-encoding/analyze.js';
export type { SmsAnalysis, SmsEncoding, SmsLimit, SmsOverLimit, AnalyzeOptions } from '../../../../lending/sms-encoding/analyze.js';
export { encodeGsm7, decodeGsm7, gsm7Cost } from '../../../../lending/sms-encoding/gsm7-alphabet.js';
export { encodeUcs2, decodeUcs2 } from '../../../../lending/sms-encoding/ucs2.js';
export { normaliseTypography } from '../../../../lending/sms-encoding/normalise.js';
export { transliterate } from '../../../../lending/sms-encoding/transliterate.js';
export type { Transliteration } from '../../../../lending/sms-encoding/transliterate.js';
export { assertWithinLimit } from './within-limit.js';
