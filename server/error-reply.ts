import type { FastifyBaseLogger } from 'fastify';
import { errorText, isAppError, type ErrorCode, type Lang } from './errors.js';

// The one mapping from a thrown error to what the client sees. 4xx say what was wrong with the
// request under a stable code, in the user's language (server/errors.ts); every 5xx says
// "Internal error" (in that language) and nothing else — its detail (a loan id, a schedule version,
// a portal's answer) goes to the log only.

export interface ErrorReply {
  status: number;
  body: { error: string; message: string; details?: Record<string, unknown> };
}

// Fastify's own request errors (body parsing, limits, media type) under our stable codes; the
// FST_ERR_* names are Fastify's internals and change between majors.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
};
const BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

interface LooseError {
  validation?: unknown;
  statusCode?: number;
  code?: string;
  message?: string;
}

export function errorReply(err: unknown, log: FastifyBaseLogger, lang: Lang = 'en'): ErrorReply {
  if (isAppError(err)) {
    if (err.status < 500) {
      return {
        status: err.status,
        body: { error: err.code, message: err.textFor(lang), ...(err.details ? { details: err.details } : {}) },
      };
    }
    log.error({ err }, 'request failed');
    return { status: err.status, body: { error: err.code, message: errorText('INTERNAL', lang) } };
  }
  const e = (err ?? {}) as LooseError;
  const message = typeof e.message === 'string' ? e.message : 'Bad request';
  // Fastify's validator and parser texts name the field; they are English only.
  if (e.validation) return { status: 400, body: { error: 'VALIDATION', message } };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code = (e.code && FASTIFY_CODES[e.code]) ?? BY_STATUS[e.statusCode] ?? 'BAD_REQUEST';
    return { status: e.statusCode, body: { error: code, message } };
  }
  log.error({ err }, 'unhandled error');
  return { status: 500, body: { error: 'INTERNAL', message: errorText('INTERNAL', lang) } };
}
