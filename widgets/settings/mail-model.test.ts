import { describe, expect, it } from 'vitest';
import type { MailCheckReply, MailSettingsBody, MailSettingsView } from '../../wire/mail-settings.js';
import { ApiError } from '../shared/session-client.js';
import type { MailApi } from './mail-api.js';
import { bodyOf, emptyMailForm, fieldOfRefusal } from './mail-form.js';
import { createMailModel } from './mail-model.js';

// The mail section's state against an in-memory API that answers and refuses the way the server
// does: passwords never come back, a missing one is MAIL_PASSWORD_REQUIRED with details.field.
function memoryApi(): MailApi & { saves: MailSettingsBody[] } {
  const saves: MailSettingsBody[] = [];
  let view: MailSettingsView | null = null;
  const check: MailCheckReply = {
    smtp: { ok: true, reason: 'ok', message: 'Connected and signed in.' },
    imap: { ok: false, reason: 'auth', message: 'The server refused the user name or password.' },
  };
  return {
    saves,
    get: async () => ({ settings: view }),
    async save(b) {
      saves.push(b);
      if (!b.imap.password && !view) throw new ApiError(400, 'MAIL_PASSWORD_REQUIRED', 'Enter the password.', { field: 'imap.password' });
      const { password: _s, ...smtp } = b.smtp;
      const { password: _i, ...imap } = b.imap;
      view = {
        smtp: { ...smtp, passwordSet: true },
        imap: { ...imap, passwordSet: true },
        replyScheme: b.replyScheme,
        replyAddress: b.replyAddress,
        forwarders: b.forwarders ?? [],
        updatedAt: 'now',
      };
      return { settings: view };
    },
    test: async () => check,
  };
}

function fill(m: ReturnType<typeof createMailModel>, imapPassword = ''): void {
  m.set('smtp.host', ' smtp.lender.mx ');
  m.set('smtp.port', '465');
  m.set('smtp.security', 'tls');
  m.set('smtp.user', 'credito@lender.mx');
  m.set('smtp.password', 's3cret');
  m.set('smtp.fromAddress', 'credito@lender.mx');
  m.set('imap.host', 'imap.lender.mx');
  m.set('imap.user', 'credito');
  m.set('imap.password', imapPassword);
}

describe('mail form', () => {
  it('names every empty or malformed field before asking the server', () => {
    const f = emptyMailForm();
    f.smtp.port = '58 7';
    f.imap.host = 'imap.lender.mx:993';
    f.replyScheme = 'dedicated';
    f.replyAddress = 'aprobaciones+x@lender.mx';
    expect(bodyOf(f)).toEqual({
      errors: {
        'smtp.port': 'port',
        'smtp.host': 'required',
        'smtp.fromAddress': 'required',
        'imap.host': 'host',
        'imap.user': 'required',
        replyAddress: 'address',
      },
    });
  });

  it('finds the field a refusal names, from details or from the validator text', () => {
    expect(fieldOfRefusal('MAIL_PASSWORD_REQUIRED', '', { field: 'smtp.password' })).toBe('smtp.password');
    expect(fieldOfRefusal('VALIDATION', 'body/imap/port must be <= 65535', {})).toBe('imap.port');
    expect(fieldOfRefusal('VALIDATION', 'body must be object', {})).toBeNull();
  });
});

describe('mail model', () => {
  it('keeps everything typed when the server wants a password, saves without echoing passwords', async () => {
    const api = memoryApi();
    const m = createMailModel(api);
    await m.load();
    fill(m);
    await m.save();
    expect(m.errors.value).toEqual({ 'imap.password': 'password' });
    expect(m.form.value.smtp.password).toBe('s3cret');
    expect(m.form.value.smtp.host).toBe(' smtp.lender.mx ');
    m.set('imap.password', 'imap-pass');
    expect(m.errors.value).toEqual({});
    await m.save();
    expect(m.saved.value).toBe(true);
    expect(api.saves.at(-1)).toMatchObject({ smtp: { host: 'smtp.lender.mx', port: 465, password: 's3cret' }, imap: { port: 993 } });
    expect([m.form.value.smtp.password, m.form.value.imap.password, m.stored.value?.imap.passwordSet]).toEqual(['', '', true]);
    // Saved again with the passwords left empty: the body leaves them out (the server keeps them).
    await m.save();
    expect(api.saves.at(-1)?.smtp).not.toHaveProperty('password');
  });

  it('sends the forwarders as a lower-case list and names the one to fix, from its own check or the server', async () => {
    const api = memoryApi();
    const m = createMailModel(api);
    await m.load();
    fill(m, 'imap-pass');
    m.set('forwarders', 'Ana.Lopez@Lender.mx\n\n jefe@lender.mx, ana.lopez@lender.mx');
    await m.save();
    expect([m.errors.value, m.badForwarder.value, api.saves.length]).toEqual([{ forwarders: 'forwarder-twice' }, 'ana.lopez@lender.mx', 0]);
    m.set('forwarders', 'Ana.Lopez@Lender.mx\njefe@lender');
    await m.save();
    expect([m.errors.value, m.badForwarder.value]).toEqual([{ forwarders: 'forwarder' }, 'jefe@lender']);
    m.set('forwarders', 'Ana.Lopez@Lender.mx\njefe@lender.mx');
    expect(m.errors.value).toEqual({});
    await m.save();
    expect(api.saves.at(-1)?.forwarders).toEqual(['ana.lopez@lender.mx', 'jefe@lender.mx']);
    expect(m.form.value.forwarders).toBe('ana.lopez@lender.mx\njefe@lender.mx');

    // The server refuses by place in the list it got: the screen names that address.
    api.save = () => Promise.reject(new ApiError(400, 'MAIL_FORWARDER_INVALID', 'x', { field: 'forwarders', index: 1 }));
    await m.save();
    expect([m.errors.value, m.badForwarder.value]).toEqual([{ forwarders: 'forwarder' }, 'jefe@lender.mx']);
  });

  it('shows each side of the test and drops a side once its fields change', async () => {
    const m = createMailModel(memoryApi());
    await m.load();
    fill(m, 'wrong');
    await m.testConnection();
    expect([m.test.value?.smtp?.reason, m.test.value?.imap?.reason]).toEqual(['ok', 'auth']);
    m.set('imap.password', 'right');
    expect(m.test.value).toEqual({ smtp: expect.objectContaining({ ok: true }) as unknown });
  });
});
