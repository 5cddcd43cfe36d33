import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions, scrubText } from './logger.js';

function capture(): { log: pino.Logger; text: () => string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { log: pino(loggerOptions('info'), stream), text: () => lines.join('') };
}

describe('log redaction', () => {
  it('keeps UUIDs, ISO dates and IPs in a log line while a phone and an e-mail are redacted', () => {
    const { log, text } = capture();
    const uuid = '0190f5c2-7b1e-7a3d-9c4f-2b8e6d1a0f35';
    log.info(
      { loanId: uuid, asOf: '2024-02-15', at: '2024-02-15T10:30:00+05:00', ip: '192.168.10.200', amount: '15000.50' },
      `loan ${uuid} due 2024-02-15 from 10.0.0.12: SMS to +52 55 1234 5678 and +79161234567 failed, copy to ana.lopez@example.mx`,
    );
    const line = text();
    for (const kept of [uuid, '2024-02-15', '2024-02-15T10:30:00+05:00', '192.168.10.200', '10.0.0.12', '15000.50'])
      expect(line, kept).toContain(kept);
    for (const gone of ['1234 5678', '+79161234567', '9161234567', 'ana.lopez@example.mx']) expect(line, gone).not.toContain(gone);
    expect(line).toContain('[phone]');
    expect(line).toContain('[email]');
  });

  it('redacts by field name at any depth, whatever the value looks like', () => {
    const { log, text } = capture();
    log.info(
      { data: { FIELDS: { PHONE: [{ VALUE: '5215512345678' }], NAME: 'Lucía' } }, req: { auth: { access_token: 'tok-123' } } },
      'event',
    );
    const line = text();
    for (const gone of ['5215512345678', 'Lucía', 'tok-123']) expect(line, gone).not.toContain(gone);
    expect(line).toContain('[redacted]');
  });

  it('scrubs a phone and an e-mail written %-encoded in a request URL', () => {
    const { log, text } = capture();
    log.info({ req: { method: 'POST', url: '/events?phone=%2B79161234567&to=ana%40example.mx&id=2024-02-15', id: 'r1' } }, 'request');
    const line = text();
    for (const gone of ['9161234567', 'ana%40example.mx', 'ana@example.mx']) expect(line, gone).not.toContain(gone);
    expect(line).toContain('id=2024-02-15');
  });

  it('scrubs exact shapes only', () => {
    expect(scrubText('+14155550123')).toBe('[phone]');
    expect(scrubText('call +7 916 123-45-67 now')).toBe('call [phone] now');
    expect(scrubText('x@y.io')).toBe('[email]');
    for (const same of ['2024-01-15', '01:02:03', '127.0.0.1', '::1', 'fe80::1', '+05:00', '1e+10', 'a+1234567b', 'v1.2.3', '12345678901'])
      expect(scrubText(same), same).toBe(same);
  });
});
