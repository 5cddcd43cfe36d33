// Words of the providers screen. Field labels are per settings field (the providers' schema.ts);
// a field added later shows its code until it gets a label here.
import type { Lang } from './i18n.js';
import type { FieldError } from './provider-form.js';
import type { SectionProblem } from './providers-model.js';

const en = {
  title: 'SMS and payouts',
  intro: 'The SMS gateway the "Send loan SMS" robot uses and the provider the "Pay out" robot pays through.',
  'kind.sms': 'SMS gateway',
  'kind.payments': 'Payout provider',
  provider: 'Provider',
  choose: 'Choose…',
  'provider.smpp': 'SMPP (SMS center)',
  'provider.twilio': 'Twilio or compatible HTTP gateway',
  'provider.openpay': 'OpenPay (SPEI transfers)',
  'provider.manual': 'Manual (cash or own transfer)',
  more: 'More settings',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved',
  test: 'Test connection',
  testing: 'Testing…',
  lastSaved: 'Last saved',
  notSet: 'Not set up yet.',
  kept: 'Saved and kept: leave empty to keep it, type to replace it.',
  secretNew: 'Stored encrypted, never shown again.',
  secretUnreadable: 'The stored value could not be read (it was altered outside the app). Type it again and save.',
  'test.ok': 'Connection works.',
  'test.manual': 'Manual payouts need no connection.',
  'test.refused': 'The provider refused these credentials.',
  'test.unreachable': 'The provider could not be reached at this address.',
  'test.failed': 'The connection test failed.',
  'err.required': 'Fill in this field',
  'err.integer': 'A whole number',
  'err.range': 'Out of the allowed range',
  'err.format': 'Wrong format',
  'err.host': 'A host name or IP address, without a port or spaces',
  'err.length': 'Wrong length',
  'problem.invalid': 'The provider refused these settings; check them.',
  'problem.refused': 'Could not save. Try again.',
  'problem.forbidden': 'Only a portal administrator can change providers.',
  'problem.session': 'Your session has expired. Reopen the application.',
  'problem.network': 'No connection to the application. Try again.',
  'f.host': 'Host',
  'f.port': 'Port',
  'f.systemId': 'System ID (login)',
  'f.password': 'Password',
  'f.systemType': 'System type',
  'f.sourceAddr': 'Sender name or number',
  'f.maxSegments': 'Max SMS parts per message',
  'f.maxChars': 'Max characters per message',
  'f.timeoutMs': 'Timeout, ms',
  'f.reconnectBaseMs': 'Reconnect after, ms',
  'f.reconnectMaxMs': 'Reconnect at most after, ms',
  'f.enquireLinkMs': 'Keep-alive every, ms (0 = off)',
  'f.accountSid': 'Account SID',
  'f.authToken': 'Auth token',
  'f.from': 'Sender (number or name)',
  'f.baseUrl': 'API address',
  'f.statusCallbackUrl': 'Status callback URL',
  'f.merchantId': 'Merchant ID',
  'f.privateKey': 'Private key (sk_…)',
  'f.lookupMaxPages': 'Pages searched for a payout',
  'f.markAs': 'Mark a payout as',
  'choice.succeeded': 'Paid at once',
  'choice.pending': 'Pending until confirmed',
};

type Dict = Record<keyof typeof en, string>;

const es: Dict = {
  title: 'SMS y desembolsos',
  intro: 'La pasarela SMS que usa el robot «Enviar SMS del préstamo» y el proveedor con el que paga el robot «Desembolsar».',
  'kind.sms': 'Pasarela SMS',
  'kind.payments': 'Proveedor de desembolsos',
  provider: 'Proveedor',
  choose: 'Elija…',
  'provider.smpp': 'SMPP (centro de SMS)',
  'provider.twilio': 'Twilio o pasarela HTTP compatible',
  'provider.openpay': 'OpenPay (transferencias SPEI)',
  'provider.manual': 'Manual (efectivo o transferencia propia)',
  more: 'Más ajustes',
  save: 'Guardar',
  saving: 'Guardando…',
  saved: 'Guardado',
  test: 'Probar conexión',
  testing: 'Probando…',
  lastSaved: 'Guardado por última vez',
  notSet: 'Aún sin configurar.',
  kept: 'Guardado y conservado: déjelo vacío para conservarlo, escriba para reemplazarlo.',
  secretNew: 'Se guarda cifrado y no se vuelve a mostrar.',
  secretUnreadable: 'No se pudo leer el valor guardado (se alteró fuera de la aplicación). Escríbalo de nuevo y guarde.',
  'test.ok': 'La conexión funciona.',
  'test.manual': 'Los desembolsos manuales no necesitan conexión.',
  'test.refused': 'El proveedor rechazó estas credenciales.',
  'test.unreachable': 'No se pudo contactar al proveedor en esta dirección.',
  'test.failed': 'La prueba de conexión falló.',
  'err.required': 'Complete este campo',
  'err.integer': 'Un número entero',
  'err.range': 'Fuera del rango permitido',
  'err.format': 'Formato incorrecto',
  'err.host': 'Un nombre de host o dirección IP, sin puerto ni espacios',
  'err.length': 'Longitud incorrecta',
  'problem.invalid': 'El proveedor rechazó estos ajustes; revíselos.',
  'problem.refused': 'No se pudo guardar. Inténtelo de nuevo.',
  'problem.forbidden': 'Solo un administrador del portal puede cambiar los proveedores.',
  'problem.session': 'Su sesión expiró. Vuelva a abrir la aplicación.',
  'problem.network': 'Sin conexión con la aplicación. Inténtelo de nuevo.',
  'f.host': 'Servidor',
  'f.port': 'Puerto',
  'f.systemId': 'System ID (usuario)',
  'f.password': 'Contraseña',
  'f.systemType': 'Tipo de sistema',
  'f.sourceAddr': 'Remitente (nombre o número)',
  'f.maxSegments': 'Máximo de partes por SMS',
  'f.maxChars': 'Máximo de caracteres por mensaje',
  'f.timeoutMs': 'Tiempo de espera, ms',
  'f.reconnectBaseMs': 'Reconectar tras, ms',
  'f.reconnectMaxMs': 'Reconectar como máximo tras, ms',
  'f.enquireLinkMs': 'Mantener activa cada, ms (0 = no)',
  'f.accountSid': 'Account SID',
  'f.authToken': 'Auth token',
  'f.from': 'Remitente (número o nombre)',
  'f.baseUrl': 'Dirección de la API',
  'f.statusCallbackUrl': 'URL de avisos de estado',
  'f.merchantId': 'ID de comercio',
  'f.privateKey': 'Llave privada (sk_…)',
  'f.lookupMaxPages': 'Páginas para buscar un desembolso',
  'f.markAs': 'Marcar el desembolso como',
  'choice.succeeded': 'Pagado de inmediato',
  'choice.pending': 'Pendiente hasta confirmarlo',
};

const ru: Dict = {
  title: 'SMS и выплаты',
  intro: 'SMS-шлюз робота «Отправить SMS по займу» и провайдер, через который платит робот «Выплатить».',
  'kind.sms': 'SMS-шлюз',
  'kind.payments': 'Провайдер выплат',
  provider: 'Провайдер',
  choose: 'Выберите…',
  'provider.smpp': 'SMPP (SMS-центр)',
  'provider.twilio': 'Twilio или совместимый HTTP-шлюз',
  'provider.openpay': 'OpenPay (переводы SPEI)',
  'provider.manual': 'Вручную (наличные или свой перевод)',
  more: 'Дополнительно',
  save: 'Сохранить',
  saving: 'Сохранение…',
  saved: 'Сохранено',
  test: 'Проверить подключение',
  testing: 'Проверка…',
  lastSaved: 'Последнее сохранение',
  notSet: 'Ещё не настроен.',
  kept: 'Сохранён: оставьте пустым, чтобы не менять, или введите новый.',
  secretNew: 'Хранится в зашифрованном виде и больше не показывается.',
  secretUnreadable: 'Сохранённое значение не читается (его изменили в обход приложения). Введите его заново и сохраните.',
  'test.ok': 'Подключение работает.',
  'test.manual': 'Ручным выплатам подключение не нужно.',
  'test.refused': 'Провайдер не принял эти учётные данные.',
  'test.unreachable': 'Провайдер недоступен по этому адресу.',
  'test.failed': 'Проверка подключения не прошла.',
  'err.required': 'Заполните поле',
  'err.integer': 'Целое число',
  'err.range': 'Вне допустимого диапазона',
  'err.format': 'Неверный формат',
  'err.host': 'Имя хоста или IP-адрес, без порта и пробелов',
  'err.length': 'Неверная длина',
  'problem.invalid': 'Провайдер не принял эти настройки; проверьте их.',
  'problem.refused': 'Не удалось сохранить. Попробуйте ещё раз.',
  'problem.forbidden': 'Менять провайдеров может только администратор портала.',
  'problem.session': 'Сессия истекла. Откройте приложение заново.',
  'problem.network': 'Нет связи с приложением. Попробуйте ещё раз.',
  'f.host': 'Сервер',
  'f.port': 'Порт',
  'f.systemId': 'System ID (логин)',
  'f.password': 'Пароль',
  'f.systemType': 'Тип системы',
  'f.sourceAddr': 'Отправитель (имя или номер)',
  'f.maxSegments': 'Не больше частей SMS',
  'f.maxChars': 'Не больше символов в сообщении',
  'f.timeoutMs': 'Тайм-аут, мс',
  'f.reconnectBaseMs': 'Переподключение через, мс',
  'f.reconnectMaxMs': 'Переподключение не реже, мс',
  'f.enquireLinkMs': 'Проверка связи каждые, мс (0 — нет)',
  'f.accountSid': 'Account SID',
  'f.authToken': 'Auth token',
  'f.from': 'Отправитель (номер или имя)',
  'f.baseUrl': 'Адрес API',
  'f.statusCallbackUrl': 'URL для статусов',
  'f.merchantId': 'ID мерчанта',
  'f.privateKey': 'Закрытый ключ (sk_…)',
  'f.lookupMaxPages': 'Страниц при поиске выплаты',
  'f.markAs': 'Отмечать выплату как',
  'choice.succeeded': 'Выплачено сразу',
  'choice.pending': 'Ожидает подтверждения',
};

const dictionaries: Record<Lang, Dict> = { en, es, ru };

export type ProvidersKey = keyof typeof en;
export type ProvidersTranslate = (key: ProvidersKey) => string;

export function providersTranslator(lang: Lang): ProvidersTranslate {
  const d = dictionaries[lang];
  return (key) => d[key];
}

/** A label that may not exist yet (a field or provider added later): its code then. */
export function labelOf(t: ProvidersTranslate, prefix: 'f' | 'provider' | 'choice', code: string): string {
  const key = `${prefix}.${code}`;
  return key in en ? t(key as ProvidersKey) : code;
}

export const fieldErrorKey = (e: FieldError): ProvidersKey => `err.${e}`;
export const problemKey = (p: SectionProblem): ProvidersKey => `problem.${p}`;

/** The test's headline in the user's language; the server's short message stays as the detail. */
export function testHeadline(r: { ok: boolean; provider: string; message: string }): ProvidersKey {
  if (r.ok) return r.provider === 'manual' ? 'test.manual' : 'test.ok';
  // The server's messages (server/settings/check-provider.ts, the SMPP client's error codes).
  if (/credentials refused|BIND_REFUSED/i.test(r.message)) return 'test.refused';
  if (/UNAVAILABLE|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|timed? ?out|fetch failed/i.test(r.message)) return 'test.unreachable';
  return 'test.failed';
}
