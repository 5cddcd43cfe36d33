import type { LoggerOptions } from 'pino';

// Personal data and secrets never reach the log. Known keys are removed by path; free text is
// scrubbed of anything shaped like a phone number or an e-mail address by the formatter below.
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.access_token', '*.refresh_token', '*.application_token', '*.client_secret',
  '*.AUTH_ID', '*.REFRESH_ID', '*.APPLICATION_TOKEN', '*.auth', '*.password', '*.secret',
  '*.accessToken', '*.refreshToken', '*.applicationToken', '*.token',
  '*.phone', '*.PHONE', '*.email', '*.EMAIL', '*.name', '*.NAME', '*.LAST_NAME', '*.SECOND_NAME',
  '*.message_to', '*.message_body', '*.messageTo', '*.messageBody', '*.holderName', '*.clabe',
];

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE = /\+?\d[\d\s().-]{7,}\d/g;

export function scrubText(s: string): string {
  return s.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // Request URLs can carry ?auth=… or a phone in a query string.
    serializers: {
      req(req: { method?: string; url?: string; id?: string }) {
        return { method: req.method, url: scrubText((req.url ?? '').replace(/([?&](auth|AUTH_ID|code|token)=)[^&]*/gi, '$1[redacted]')), id: req.id };
      },
    },
    formatters: {
      log(obj) {
        if (typeof obj.msg === 'string') obj.msg = scrubText(obj.msg);
        if (typeof obj.err === 'object' && obj.err && 'message' in obj.err) {
          const err = obj.err as { message: unknown };
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
