import type { LoggerOptions } from 'pino';

// Personal data and secrets never reach the log. Known keys are removed by path and by name at any
// depth; free text is scrubbed of exact phone (E.164) and e-mail shapes by the formatter below.
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.access_token',
  '*.refresh_token',
  '*.application_token',
  '*.client_secret',
  '*.AUTH_ID',
  '*.REFRESH_ID',
  '*.APPLICATION_TOKEN',
  '*.auth',
  '*.password',
  '*.secret',
  '*.accessToken',
  '*.refreshToken',
  '*.applicationToken',
  '*.token',
  '*.phone',
  '*.PHONE',
  '*.email',
  '*.EMAIL',
  '*.name',
  '*.NAME',
  '*.LAST_NAME',
  '*.SECOND_NAME',
  '*.message_to',
  '*.message_body',
  '*.messageTo',
  '*.messageBody',
  '*.holderName',
  '*.clabe',
];

// Exact shapes only, so that what identifies a row in the log survives: UUIDs, ISO dates and
// times, IP addresses, amounts and ids contain no '@' and never start with '+'.
// - e-mail: local@domain.tld;
// - phone: E.164 — '+', a non-zero digit, 7 to 15 digits in all — also written in groups separated
//   by one space, dot or hyphen ("+52 55 1234 5678"), as people and portals write them.
// A phone without its '+' is not recognisable as one in free text (it looks like an id or an
// amount); such values are caught by their field name (SENSITIVE_KEYS) instead.
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE = /(?<![\w+])\+[1-9](?:[ .-]?\d){6,14}(?!\d)/g;

export function scrubText(s: string): string {
  return s.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

// Keys whose values never reach the log, at any depth (compared lower-cased).
const SENSITIVE_KEYS = new Set(
  REDACT_PATHS.filter((p) => p.startsWith('*.'))
    .map((p) => p.slice(2).toLowerCase())
    .concat(['phone_number', 'message_text', 'auth_id', 'refresh_id', 'client_secret', 'first_name', 'full_name', 'value']),
);
const MAX_SCRUB_DEPTH = 8;

/** Copy of `v` with sensitive keys censored and free text scrubbed; never mutates the input. */
export function scrubDeep(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return scrubText(v);
  if (v === null || typeof v !== 'object' || depth > MAX_SCRUB_DEPTH) return v;
  if (Array.isArray(v)) return v.map((x) => scrubDeep(x, depth + 1));
  // Only plain data is walked: requests, replies and errors are class instances that pino's
  // serializers turn into safe shapes later (formatters.log runs before serializers).
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    out[k] = SENSITIVE_KEYS.has(k.toLowerCase()) && x !== undefined && x !== null ? '[redacted]' : scrubDeep(x, depth + 1);
  }
  return out;
}

function decodedUrl(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url.replace(/%2B/gi, '+').replace(/%40/g, '@'); // a malformed escape elsewhere in the URL
  }
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // Request URLs can carry ?auth=… or a phone in a query string.
    serializers: {
      req(req: { method?: string; url?: string; id?: string }) {
        return {
          method: req.method,
          // Decoded first: %2B79161234567 and ana%40example.mx are a phone and an e-mail too.
          url: scrubText(decodedUrl(req.url ?? '').replace(/([?&](auth|AUTH_ID|code|token)=)[^&]*/gi, '$1[redacted]')),
          id: req.id,
        };
      },
    },
    formatters: {
      log(input) {
        // Path redaction only reaches fixed depths; payloads from portals nest (data.FIELDS.PHONE),
        // so everything logged is also walked and scrubbed by key and by shape.
        const obj = scrubDeep(input, 0) as Record<string, unknown>;
        if (typeof obj.msg === 'string') obj.msg = scrubText(obj.msg);
        if (typeof obj.err === 'object' && obj.err && 'message' in obj.err) {
          const err = obj.err;
          if (typeof err.message === 'string') err.message = scrubText(err.message);
        }
        return obj;
      },
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as typeof args;
        return method.apply(this, scrubbed);
      },
    },
  };
}
