// Why a connection to a mail server failed, in words an admin can act on: the error of nodemailer
// (SMTP) or imapflow (IMAP), or of Node's socket, DNS and TLS layers under them, sorted into a few
// reasons. Pure: the reason from the error's fields, the text from the reason and the language.
import type { Lang } from '../../errors.js';
import type { MailCheckReason } from '../../../wire/mail-settings.js';

interface MailError {
  code?: unknown;
  responseCode?: unknown;
  authenticationFailed?: unknown;
  tlsFailed?: unknown;
  message?: unknown;
}

const HOST = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE']);
const TIMEOUT = new Set(['ETIMEDOUT', 'ETIMEOUT', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ABORT_ERR']);
const TLS_TEXT = /\b(?:tls|ssl|certificate|wrong version number|self[- ]signed|handshake)\b|STARTTLS/i;

export function mailCheckReason(err: unknown): MailCheckReason {
  const e = (err ?? {}) as MailError;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (e.authenticationFailed === true || code === 'EAUTH' || e.responseCode === 535) return 'auth';
  // nodemailer reports a failed lookup as EDNS with getaddrinfo's code in the text.
  if (HOST.has(code) || (code === 'EDNS' && /ENOTFOUND|EAI_AGAIN|ENODATA/.test(message))) return 'host';
  if (TIMEOUT.has(code) || /timed? ?out/i.test(message)) return 'timeout';
  if (e.tlsFailed === true || code === 'ETLS' || code.startsWith('ERR_TLS') || code.includes('CERT') || TLS_TEXT.test(message))
    return 'tls';
  if (REFUSED.has(code) || (code === 'ESOCKET' && /ECONNREFUSED|ECONNRESET/.test(message))) return 'refused';
  return 'other';
}

/** The server's own words worth showing (an SMTP reply, an IMAP NO), cut short; never a password. */
export function mailCheckDetail(err: unknown): string | undefined {
  const e = (err ?? {}) as { response?: unknown; responseText?: unknown; message?: unknown };
  const said = [e.response, e.responseText, e.message].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return said?.replace(/\s+/g, ' ').trim().slice(0, 300);
}

const TEXTS: Record<MailCheckReason, Record<Lang, string>> = {
  ok: { en: 'Connected and signed in.', ru: 'Подключение и вход выполнены.', es: 'Conexión e inicio de sesión correctos.' },
  auth: {
    en: 'The server refused the user name or password.',
    ru: 'Сервер не принял имя пользователя или пароль.',
    es: 'El servidor rechazó el usuario o la contraseña.',
  },
  host: {
    en: 'No such server: check the host name.',
    ru: 'Сервер не найден: проверьте имя хоста.',
    es: 'No se encontró el servidor: revise el nombre del host.',
  },
  refused: {
    en: 'The server refused the connection: check the port.',
    ru: 'Сервер отклонил подключение: проверьте порт.',
    es: 'El servidor rechazó la conexión: revise el puerto.',
  },
  tls: {
    en: 'The secure connection (TLS) failed: check the security setting and the port.',
    ru: 'Не удалось защищённое соединение (TLS): проверьте тип защиты и порт.',
    es: 'Falló la conexión segura (TLS): revise la seguridad y el puerto.',
  },
  timeout: { en: 'The server did not answer in time.', ru: 'Сервер не ответил вовремя.', es: 'El servidor no respondió a tiempo.' },
  folder: {
    en: 'Signed in, but there is no such folder.',
    ru: 'Вход выполнен, но такой папки нет.',
    es: 'Inició sesión, pero esa carpeta no existe.',
  },
  'no-password': { en: 'Enter the password.', ru: 'Введите пароль.', es: 'Escriba la contraseña.' },
  other: { en: 'Could not connect.', ru: 'Подключиться не удалось.', es: 'No se pudo conectar.' },
};

export function mailCheckText(reason: MailCheckReason, lang: Lang): string {
  return TEXTS[reason][lang];
}
