import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { errorReply } from './error-reply.js';

describe('error reply', () => {
  it('a 5xx says "Internal error" and nothing else; the log keeps the detail', () => {
    const lines: string[] = [];
    const log = pino({ level: 'error' }, { write: (l: string) => lines.push(l) });
    const r = errorReply(new AppError('INTERNAL', 'loan L1 has no schedule version 3', 'loan L1 has no schedule version 3'), log);
    expect(r).toEqual({ status: 500, body: { error: 'INTERNAL', message: 'Internal error' } });
    const upstream = errorReply(new AppError('UPSTREAM', 'crm.deal.get: 500', 'Bitrix24 returned an error.', { portalCode: 'X' }), log);
    expect(upstream).toEqual({ status: 502, body: { error: 'UPSTREAM', message: 'Internal error' } });
    expect(errorReply(new TypeError('x is undefined'), log)).toEqual({
      status: 500,
      body: { error: 'INTERNAL', message: 'Internal error' },
    });
    expect(lines.join('\n')).toContain('no schedule version 3');
  });

  it('a 5xx in Russian or Spanish says only "Internal error" in that language, whatever the throw site wrote', () => {
    const log = pino({ level: 'silent' });
    const provider = new AppError('SMS_PROVIDER_UNAVAILABLE', 'SMPP bind to 10.0.0.5:2775 timed out', 'smsc 10.0.0.5 down');
    expect(errorReply(provider, log, 'ru')).toEqual({
      status: 503,
      body: { error: 'SMS_PROVIDER_UNAVAILABLE', message: 'Внутренняя ошибка' },
    });
    expect(errorReply(new Error('secret'), log, 'es')).toEqual({ status: 500, body: { error: 'INTERNAL', message: 'Error interno' } });
  });

  it("a 4xx without a precise text answers with the table's, in the user's language", () => {
    const log = pino({ level: 'silent' });
    expect(errorReply(new AppError('LOAN_NOT_FOUND', 'no loan for deal 9'), log, 'es')).toEqual({
      status: 404,
      body: { error: 'LOAN_NOT_FOUND', message: 'Esta negociación aún no tiene un préstamo guardado.' },
    });
  });

  it('a 4xx keeps its stable code; Fastify body errors get ours', () => {
    const log = pino({ level: 'silent' });
    expect(errorReply(new AppError('CONFLICT', 'internal', 'Reload and try again'), log)).toEqual({
      status: 409,
      body: { error: 'CONFLICT', message: 'Reload and try again' },
    });
    const json = Object.assign(new SyntaxError('Unexpected end of JSON input'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    expect(errorReply(json, log).body.error).toBe('MALFORMED_BODY');
    expect(errorReply({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'big' }, log)).toMatchObject({
      status: 413,
      body: { error: 'PAYLOAD_TOO_LARGE' },
    });
  });
});
