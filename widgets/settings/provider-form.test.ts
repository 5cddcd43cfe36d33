import { describe, expect, it } from 'vitest';
import { SmppSettingsSchema } from '../../server/integrations/sms/smpp/schema.js';
import { formFields, formatInteger, initialValues, parseInteger, readValues } from './provider-form.js';
import type { ProviderInfo } from './providers-api.js';

const smpp: ProviderInfo = {
  code: 'smpp',
  secretFields: ['password'],
  schema: {
    required: ['host', 'port', 'password', 'timeoutMs'],
    properties: {
      host: { type: 'string', minLength: 1 },
      port: { type: 'integer', minimum: 1, maximum: 65535, default: 2775 },
      password: { type: 'string', maxLength: 8 },
      timeoutMs: { type: 'integer', minimum: 100, default: 10000 },
    },
  },
};

describe('provider settings form', () => {
  it('reads whole numbers the way each language writes them and refuses the ambiguous', () => {
    expect(parseInteger('10,000', 'es-MX')).toBe(10000);
    expect(parseInteger('10 000', 'ru-RU')).toBe(10000);
    expect(parseInteger('10\u00a0000', 'ru-RU')).toBe(10000);
    expect(parseInteger('10000', 'ru-RU')).toBe(10000);
    expect(parseInteger('1,5', 'es-MX')).toBeNull();
    expect(parseInteger('10.000', 'es-MX')).toBeNull();
    expect(parseInteger('10,000', 'ru-RU')).toBeNull();
    expect(formatInteger(10000, 'es-MX')).toBe('10,000');
    expect(formatInteger(10000, 'ru-RU').replace(/\s/g, ' ')).toBe('10 000');
  });

  it('never shows a secret; an empty stored secret is kept, a missing one is required', () => {
    const fields = formFields(smpp);
    expect(fields.find((f) => f.name === 'password')).toMatchObject({ kind: 'secret', required: true, advanced: false });
    expect(fields.find((f) => f.name === 'timeoutMs')).toMatchObject({ kind: 'integer', advanced: true });
    const values = initialValues(fields, { host: 'smsc.example', port: 2775, timeoutMs: 20000, password: 'leak' }, 'es-MX');
    // A port is never grouped ("2775", not "2,775"); a quantity is.
    expect(values).toEqual({ host: 'smsc.example', port: '2775', password: '', timeoutMs: '20,000' });
    expect(initialValues(fields, { port: 2775, timeoutMs: 20000 }, 'ru-RU')).toMatchObject({ port: '2775', timeoutMs: '20\u00a0000' });
    expect(readValues(fields, values, new Set(['password']), 'es-MX')).toEqual({
      settings: { host: 'smsc.example', port: 2775, timeoutMs: 20000 },
      errors: {},
    });
    expect(readValues(fields, values, new Set(), 'es-MX').errors).toEqual({ password: 'required' });
    expect(readValues(fields, { ...values, port: '70,000', password: 'x' }, new Set(), 'es-MX').errors).toEqual({ port: 'range' });
    expect(readValues(fields, { ...values, port: '1,5', password: 'x' }, new Set(), 'es-MX').errors).toEqual({ port: 'integer' });
    expect(readValues(fields, { ...values, password: '123456789' }, new Set(), 'es-MX').errors).toEqual({ password: 'length' });
  });

  it('refuses a server address with a port or a space beside the host field, with the schema the server checks', () => {
    const host = SmppSettingsSchema.properties.host;
    const fields = formFields({ ...smpp, schema: { ...smpp.schema, properties: { ...smpp.schema.properties, host } } });
    const read = (h: string) => readValues(fields, { host: h, port: '2775', password: 'pw', timeoutMs: '10000' }, new Set(), 'ru-RU');
    for (const bad of ['127.0.0.1:99x', 'smsc.example:2775', 'smsc example', 'a..b'])
      expect(read(bad).errors, bad).toEqual({ host: 'host' });
    for (const good of ['127.0.0.1', 'smsc.example.mx', 'localhost', '::1', ' smsc.example ']) expect(read(good).errors, good).toEqual({});
  });
});
