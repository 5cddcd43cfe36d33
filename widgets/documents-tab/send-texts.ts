// The words of "Send to banks" (bank-send-model.ts) in ru/en/es; refusals come from the server in the
// user's language. Each bank's preview is in the bank's own language, as the bank will read it.
import type { WidgetLang } from '../shared/locale.js';

type Status = 'queued' | 'sent' | 'delivered' | 'failed';

export interface SendTexts {
  title: string;
  banks: string;
  noContacts: string;
  channel: string;
  email: string;
  sms: string;
  attachPack: string;
  packReady: string;
  packMissing: string;
  preview: string;
  subject: string;
  body: string;
  smsText: string;
  /** Under an SMS text: {units} characters (GSM-7 septets or UCS-2 units) and {segments} parts; {max} the provider's limit. */
  smsCount: string;
  smsCountMaxSegments: string;
  smsCountMaxChars: string;
  smsOver: string;
  /** {names}: placeholders the deal gave no value for. */
  missing: string;
  placeholderNames: Record<string, string>;
  language: Record<WidgetLang, string>;
  loading: string;
  send: string;
  sending: string;
  sent: string;
  chooseBank: string;
  history: string;
  noMessages: string;
  status: Record<Status, string>;
  serverReply: string;
  /** In the list of sent messages: {n} files attached. */
  attachments: string;
  report: string;
  /** A delivery report we could not verify came from the delivery path: shown, status unchanged. */
  unverifiedReport: string;
}

const TEXT: Readonly<Record<WidgetLang, SendTexts>> = {
  en: {
    title: 'Send to banks',
    banks: 'Banks',
    noContacts: 'no contacts in the banks directory',
    channel: 'Channel',
    email: 'E-mail',
    sms: 'SMS',
    attachPack: 'Attach the pack',
    packReady: 'pack ready',
    packMissing: 'no pack generated yet',
    preview: 'Message to {bank}',
    subject: 'Subject',
    body: 'Text',
    smsText: 'SMS text',
    smsCount: '{units} characters · {segments} SMS',
    smsCountMaxSegments: '{units} characters · {segments} of {max} SMS',
    smsCountMaxChars: '{units} of {max} characters · {segments} SMS',
    smsOver: 'Too long for the SMS provider: it would be refused.',
    missing: 'The deal has no {names} yet: add it to the text.',
    placeholderNames: { amount: 'amount', term: 'term', client: 'client', manager: 'manager name', dealTitle: 'title' },
    language: { en: 'in English', es: 'in Spanish', ru: 'in Russian' },
    loading: 'Preparing the messages…',
    send: 'Send',
    sending: 'Sending…',
    sent: 'Queued for sending.',
    chooseBank: 'Choose at least one bank.',
    history: 'Sent from this deal',
    noMessages: 'Nothing sent to banks yet.',
    status: { queued: 'queued', sent: 'sent', delivered: 'delivered', failed: 'failed' },
    serverReply: 'Server reply',
    attachments: 'Attachments: {n}',
    report: 'Delivery report',
    unverifiedReport: 'Unverified delivery report (sender not confirmed, status unchanged)',
  },
  es: {
    title: 'Enviar a bancos',
    banks: 'Bancos',
    noContacts: 'sin contactos en el directorio de bancos',
    channel: 'Canal',
    email: 'Correo',
    sms: 'SMS',
    attachPack: 'Adjuntar el paquete',
    packReady: 'paquete listo',
    packMissing: 'aún no hay paquete generado',
    preview: 'Mensaje a {bank}',
    subject: 'Asunto',
    body: 'Texto',
    smsText: 'Texto del SMS',
    smsCount: '{units} caracteres · {segments} SMS',
    smsCountMaxSegments: '{units} caracteres · {segments} de {max} SMS',
    smsCountMaxChars: '{units} de {max} caracteres · {segments} SMS',
    smsOver: 'Demasiado largo para el proveedor de SMS: sería rechazado.',
    missing: 'La operación aún no tiene {names}: agréguelo al texto.',
    placeholderNames: { amount: 'monto', term: 'plazo', client: 'cliente', manager: 'nombre del ejecutivo', dealTitle: 'título' },
    language: { en: 'en inglés', es: 'en español', ru: 'en ruso' },
    loading: 'Preparando los mensajes…',
    send: 'Enviar',
    sending: 'Enviando…',
    sent: 'En cola de envío.',
    chooseBank: 'Elija al menos un banco.',
    history: 'Enviado desde esta operación',
    noMessages: 'Aún no se ha enviado nada a los bancos.',
    status: { queued: 'en cola', sent: 'enviado', delivered: 'entregado', failed: 'fallido' },
    serverReply: 'Respuesta del servidor',
    attachments: 'Adjuntos: {n}',
    report: 'Informe de entrega',
    unverifiedReport: 'Informe de entrega no verificado (remitente no confirmado, el estado no cambió)',
  },
  ru: {
    title: 'Отправка в банки',
    banks: 'Банки',
    noContacts: 'нет контактов в справочнике банков',
    channel: 'Канал',
    email: 'Эл. почта',
    sms: 'SMS',
    attachPack: 'Приложить пакет',
    packReady: 'пакет готов',
    packMissing: 'пакет ещё не сформирован',
    preview: 'Сообщение в {bank}',
    subject: 'Тема',
    body: 'Текст',
    smsText: 'Текст SMS',
    smsCount: '{units} симв. · {segments} SMS',
    smsCountMaxSegments: '{units} симв. · {segments} из {max} SMS',
    smsCountMaxChars: '{units} из {max} симв. · {segments} SMS',
    smsOver: 'Слишком длинно для SMS-провайдера: сообщение будет отклонено.',
    missing: 'В сделке пока нет значения «{names}»: допишите его в текст.',
    placeholderNames: { amount: 'сумма', term: 'срок', client: 'клиент', manager: 'имя менеджера', dealTitle: 'название' },
    language: { en: 'на английском', es: 'на испанском', ru: 'на русском' },
    loading: 'Готовим сообщения…',
    send: 'Отправить',
    sending: 'Отправляем…',
    sent: 'Поставлено в очередь на отправку.',
    chooseBank: 'Выберите хотя бы один банк.',
    history: 'Отправлено из этой сделки',
    noMessages: 'В банки пока ничего не отправляли.',
    status: { queued: 'в очереди', sent: 'отправлено', delivered: 'доставлено', failed: 'ошибка' },
    serverReply: 'Ответ сервера',
    attachments: 'Вложений: {n}',
    report: 'Отчёт о доставке',
    unverifiedReport: 'Непроверенный отчёт о доставке (отправитель не подтверждён, статус не изменён)',
  },
};

export function sendTextsFor(lang: WidgetLang): SendTexts {
  return TEXT[lang];
}
