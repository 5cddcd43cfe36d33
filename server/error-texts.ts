// Precise user texts for throw sites that know more than their code's plain text in server/errors.ts
// ("the CLABE must be 18 digits" rather than "the request is not valid"). Keyed, in the three
// languages, with `{name}` parameters the throw site fills — so a precise text never pins the user to
// English. A throw site passes `{ key, params }` as AppError's third argument.

type Texts = Readonly<{ en: string; ru: string; es: string }>;
const t = (en: string, ru: string, es: string): Texts => ({ en, ru, es });

export const PRECISE_TEXTS = {
  // ---- install and sign-in
  INSTALL_BAD_REQUEST: t('Bad install request.', 'Неверный запрос установки.', 'Solicitud de instalación incorrecta.'),
  EVENT_UNSUPPORTED: t('Unsupported event.', 'Это событие не поддерживается.', 'Este evento no es compatible.'),
  SIGN_IN_NOT_INSTALLED: t(
    'The app is not installed in that Bitrix24.',
    'Приложение не установлено в этом Битрикс24.',
    'La aplicación no está instalada en ese Bitrix24.',
  ),
  SIGN_IN_RETRY: t(
    'Sign-in failed. Try again from Bitrix24.',
    'Не удалось войти. Попробуйте снова из Битрикс24.',
    'No se pudo iniciar sesión. Intente de nuevo desde Bitrix24.',
  ),
  SIGN_IN_FAILED: t('Sign-in failed.', 'Не удалось войти.', 'No se pudo iniciar sesión.'),
  APP_NOT_INSTALLED: t(
    'The app is not installed in this portal.',
    'Приложение не установлено на этом портале.',
    'La aplicación no está instalada en este portal.',
  ),
  APP_NOT_FULLY_INSTALLED: t(
    'The app is not fully installed in this portal.',
    'Приложение установлено на портале не полностью.',
    'La aplicación no está instalada por completo en este portal.',
  ),
  ADMIN_ONLY: t(
    'Only a portal administrator can do this.',
    'Это может сделать только администратор портала.',
    'Solo un administrador del portal puede hacer esto.',
  ),
  SESSION_OTHER_DEAL: t(
    'This session belongs to another deal.',
    'Этот сеанс открыт для другой сделки.',
    'Esta sesión pertenece a otra negociación.',
  ),
  PORTAL_NO_ANSWER: t(
    'Bitrix24 did not answer. Try again in a moment.',
    'Битрикс24 не ответил. Повторите через минуту.',
    'Bitrix24 no respondió. Intente de nuevo en un momento.',
  ),
  REGISTRATIONS_UNLISTED: t(
    'Bitrix24 refused to list the app registrations.',
    'Битрикс24 не выдал список регистраций приложения.',
    'Bitrix24 se negó a listar los registros de la aplicación.',
  ),
  REGISTRATION_PARTLY_REFUSED: t(
    'Bitrix24 refused part of the app registration.',
    'Битрикс24 отклонил часть регистрации приложения.',
    'Bitrix24 rechazó parte del registro de la aplicación.',
  ),

  // ---- deal lifecycle (server/lifecycle/offer-freeze-check.ts)
  TERMS_FROZEN_GO_BACK: t(
    'The terms were fixed at the “{stage}” stage; to change them, move the deal back to “{back}”.',
    'Условия зафиксированы на этапе «{stage}»; чтобы изменить их, верните сделку на этап «{back}».',
    'Las condiciones quedaron fijadas en la etapa «{stage}»; para cambiarlas, regrese la negociación a la etapa «{back}».',
  ),
  TERMS_FROZEN_FIRST_STAGE: t(
    'The terms were fixed at the “{stage}” stage; to change them, move the deal back out of it.',
    'Условия зафиксированы на этапе «{stage}»; чтобы изменить их, выведите сделку с этого этапа назад.',
    'Las condiciones quedaron fijadas en la etapa «{stage}»; para cambiarlas, saque la negociación de esa etapa hacia atrás.',
  ),

  // ---- request shape
  JSON_ONLY: t(
    'This API accepts application/json only.',
    'Этот API принимает только application/json.',
    'Esta API solo acepta application/json.',
  ),
  FORM_TOO_DEEP: t(
    'The form nests deeper than {depth} levels.',
    'Форма вложена глубже {depth} уровней.',
    'El formulario tiene más de {depth} niveles de anidación.',
  ),
  FIELD_WRONG_TYPE: t('{field} has the wrong type.', 'У поля {field} неверный тип.', 'El campo {field} tiene un tipo incorrecto.'),
  FILE_AS_OCTET_STREAM: t(
    'Send the file as application/octet-stream.',
    'Отправьте файл как application/octet-stream.',
    'Envíe el archivo como application/octet-stream.',
  ),
  EVENT_DEAL_ID: t(
    'data.FIELDS.ID must be a deal id.',
    'data.FIELDS.ID должен быть номером сделки.',
    'data.FIELDS.ID debe ser un id de negociación.',
  ),

  // ---- loans and money
  LOAN_SAVED_CONCURRENTLY: t(
    'The loan was saved by someone else at the same moment; reload and try again.',
    'Заём в тот же момент сохранил кто-то другой; обновите страницу и повторите.',
    'Alguien más guardó el préstamo en el mismo momento; recargue e intente de nuevo.',
  ),
  LOAN_CHANGED_MEANWHILE: t(
    'The loan was changed by someone else; reload and try again.',
    'Заём изменил кто-то другой; обновите страницу и повторите.',
    'Alguien más cambió el préstamo; recargue e intente de nuevo.',
  ),
  AMOUNT_NOT_DECIMAL: t(
    '{field} must be a positive decimal number.',
    '{field}: нужно положительное число.',
    '{field} debe ser un número decimal positivo.',
  ),
  AMOUNT_NOT_POSITIVE_FIELD: t(
    '{field} must be greater than zero.',
    '{field}: должно быть больше нуля.',
    '{field} debe ser mayor que cero.',
  ),
  AMOUNT_SCALE_FIELD: t(
    '{field} allows at most {scale} decimals in {currency}.',
    '{field}: в {currency} допускается не больше {scale} знаков после запятой.',
    '{field} admite como máximo {scale} decimales en {currency}.',
  ),
  PAYMENT_ID_REUSED: t(
    'This payment id was already used for a different payment.',
    'Этот номер платежа уже использован для другого платежа.',
    'Este id de pago ya se usó para otro pago.',
  ),
  PREPAYMENT_OVER_PAYOFF_AMOUNT: t(
    'The prepayment is larger than the payoff on {date}: at most {payoff} {currency}.',
    'Сумма больше полного погашения на {date}: не больше {payoff} {currency}.',
    'El prepago es mayor que la liquidación al {date}: como máximo {payoff} {currency}.',
  ),
  PREPAYMENT_FLAT_METHOD: t(
    'A flat-rate loan charges interest on the original amount: only pay ahead (the next installments) is possible.',
    'Проценты по займу с фиксированной ставкой начисляются на исходную сумму: возможна только оплата вперёд (следующих платежей).',
    'Un préstamo de tasa fija cobra interés sobre el monto original: solo es posible el pago adelantado (las siguientes cuotas).',
  ),
  PAYMENT_REVERSED_OTHERWISE: t(
    'This payment was already reversed with a different reason.',
    'Этот платёж уже сторнирован с другой причиной.',
    'Este pago ya se revirtió con otro motivo.',
  ),
  SCHEDULE_ITEMS_NOT_WRITTEN: t(
    'Some schedule items could not be written to the portal.',
    'Часть строк графика не удалось записать на портал.',
    'Algunas cuotas del calendario no se pudieron escribir en el portal.',
  ),
  SCHEDULE_ITEMS_NOT_DELETED: t(
    'Some schedule items could not be deleted in Bitrix24.',
    'Часть строк графика не удалось удалить в Битрикс24.',
    'Algunas cuotas del calendario no se pudieron eliminar en Bitrix24.',
  ),

  // ---- payouts
  PAYOUT_REQUEST_REUSED: t(
    'This payout was already requested with different data; it was not sent again.',
    'Эта выплата уже запрошена с другими данными; повторно она не отправлена.',
    'Este pago ya se solicitó con otros datos; no se envió de nuevo.',
  ),
  PAYOUT_CURRENCY_ONLY: t(
    'The payout provider cannot pay out in {currency} (only {served}).',
    'Платёжный провайдер не выплачивает в {currency} (только {served}).',
    'El proveedor de pagos no puede pagar en {currency} (solo {served}).',
  ),
  CLABE_LENGTH: t('The CLABE must be 18 digits.', 'CLABE должен состоять из 18 цифр.', 'La CLABE debe tener 18 dígitos.'),
  CLABE_CHECK_DIGIT: t(
    'The CLABE is not valid (control digit mismatch).',
    'CLABE неверен (не сходится контрольная цифра).',
    'La CLABE no es válida (el dígito de control no coincide).',
  ),

  // ---- SMS and robots
  PHONE_INVALID: t('The phone number is not valid.', 'Неверный номер телефона.', 'El número de teléfono no es válido.'),
  SMS_EMPTY: t('The message is empty.', 'Сообщение пустое.', 'El mensaje está vacío.'),
  SMS_SENT_OTHERWISE: t(
    'This message was already sent with different content; it was not sent again.',
    'Это сообщение уже отправлено с другим текстом; повторно оно не отправлено.',
    'Este mensaje ya se envió con otro contenido; no se envió de nuevo.',
  ),
  BANK_TEMPLATE_PLACEHOLDER: t(
    'The template uses {{{name}}}, which the app does not know. Use one of: {known}.',
    'В шаблоне есть {{{name}}} — такой подстановки нет. Доступны: {known}.',
    'La plantilla usa {{{name}}}, que la aplicación no conoce. Use uno de: {known}.',
  ),
  BANK_SMS_NO_PACK: t(
    'An SMS cannot carry the pack: choose e-mail to attach it.',
    'К SMS нельзя приложить пакет: выберите электронную почту.',
    'Un SMS no puede llevar el paquete: elija correo electrónico para adjuntarlo.',
  ),
  PACK_NOT_READY_FOR_BANK: t(
    'Generate the pack for {bank} first: there is no finished pack for it to attach.',
    'Сначала сформируйте пакет для банка «{bank}»: готового пакета для вложения нет.',
    'Genere primero el paquete para {bank}: no hay un paquete terminado para adjuntar.',
  ),
  PACK_TOO_LARGE_FOR_MAIL: t(
    'The pack for {bank} is {size} MB; the mail server accepts up to {max} MB.',
    'Пакет для банка «{bank}» весит {size} МБ, а почтовый сервер принимает не больше {max} МБ.',
    'El paquete para {bank} pesa {size} MB; el servidor de correo acepta hasta {max} MB.',
  ),
  SMS_VALUE_MISSING: t(
    'The SMS could not be written: no value for {names}.',
    'Не удалось составить SMS: нет значения для {names}.',
    'No se pudo redactar el SMS: no hay valor para {names}.',
  ),
  SMS_TOO_LONG: t(
    'The message is {units} characters long; this SMS provider accepts at most {max}. Shorten it or enable transliteration.',
    'В сообщении {units} символов, а этот SMS-провайдер принимает не больше {max}. Сократите его или включите транслитерацию.',
    'El mensaje tiene {units} caracteres; este proveedor de SMS acepta como máximo {max}. Acórtelo o active la transliteración.',
  ),
  SMS_TOO_MANY_PARTS: t(
    'The message needs {segments} SMS parts; this SMS provider accepts at most {max}. Shorten it or enable transliteration.',
    'Сообщению нужно {segments} частей SMS, а этот SMS-провайдер принимает не больше {max}. Сократите его или включите транслитерацию.',
    'El mensaje necesita {segments} partes de SMS; este proveedor de SMS acepta como máximo {max}. Acórtelo o active la transliteración.',
  ),
  ROBOT_DEALS_ONLY: t(
    'This block works on deals only.',
    'Этот блок работает только со сделками.',
    'Este bloque solo funciona con negociaciones.',
  ),
  DEAL_NO_PHONE: t(
    'The deal has no contact phone number.',
    'У контакта сделки нет номера телефона.',
    'El contacto de la negociación no tiene número de teléfono.',
  ),
  DEAL_NO_RESPONSIBLE: t('The deal has no responsible person.', 'У сделки нет ответственного.', 'La negociación no tiene responsable.'),
  CALL_SCRIPT_MISSING: t('The call script does not exist.', 'Такого сценария звонка нет.', 'El guion de llamada no existe.'),
  CALL_QUESTION_UNKNOWN: t('Unknown question.', 'Неизвестный вопрос.', 'Pregunta desconocida.'),
  CALL_ANSWER_TOO_LONG: t(
    'Answers are limited to {max} characters.',
    'Ответ не длиннее {max} символов.',
    'Las respuestas tienen un límite de {max} caracteres.',
  ),
  CALL_FINISHED: t('This call is already finished.', 'Этот звонок уже завершён.', 'Esta llamada ya terminó.'),
  CALL_NOT_OPEN: t('This call is not open.', 'Этот звонок не открыт.', 'Esta llamada no está abierta.'),
  CALL_PATH_UNANSWERED: t(
    'Answer every question on the path before finishing.',
    'Ответьте на все вопросы на пути, прежде чем завершить.',
    'Responda todas las preguntas del recorrido antes de terminar.',
  ),

  // ---- payment files and the blacklist
  FILE_READ_TIMEOUT: t(
    'Reading the file took longer than {seconds} s; split it into smaller files.',
    'Чтение файла заняло больше {seconds} с; разделите его на части.',
    'Leer el archivo tardó más de {seconds} s; divídalo en archivos más pequeños.',
  ),
  FILE_NEEDS_MEMORY: t(
    'The file needs more memory to read than an import may use; split it into smaller files or remove columns you do not need.',
    'Для чтения файла нужно больше памяти, чем доступно импорту; разделите его на части или удалите ненужные столбцы.',
    'El archivo necesita más memoria de la que puede usar una importación; divídalo en archivos más pequeños o quite las columnas que no necesita.',
  ),
  SERVER_RESTARTING: t(
    'The server is restarting; send the file again.',
    'Сервер перезапускается; отправьте файл снова.',
    'El servidor se está reiniciando; envíe el archivo de nuevo.',
  ),
  FILE_OVER_KB: t(
    'The file is larger than {kb} KB; split it into smaller files.',
    'Файл больше {kb} КБ; разделите его на несколько.',
    'El archivo supera {kb} KB; divídalo en archivos más pequeños.',
  ),
  IMPORT_LINES_REFUSED: t(
    'The file was not imported: {count} line(s) with problems; fix them and import the whole file again.',
    'Файл не импортирован: строк с ошибками — {count}; исправьте их и импортируйте весь файл снова.',
    'El archivo no se importó: {count} línea(s) con problemas; corríjalas e importe todo el archivo de nuevo.',
  ),
  IMPORT_NOT_FOUND: t('No such import in this portal.', 'На этом портале нет такого импорта.', 'No existe esa importación en este portal.'),
  BLACKLIST_NO_COLUMN: t(
    'The file has no phone or document column.',
    'В файле нет столбца с телефоном или номером документа.',
    'El archivo no tiene una columna de teléfono o de documento.',
  ),
  BLACKLIST_LINES_UNREADABLE: t(
    'Some lines cannot be read; nothing was added.',
    'Часть строк не читается; ничего не добавлено.',
    'Algunas líneas no se pueden leer; no se agregó nada.',
  ),
  BLACKLIST_NOT_PHONE: t('This is not a phone number.', 'Это не номер телефона.', 'Esto no es un número de teléfono.'),
  BLACKLIST_NOT_DOCUMENT: t('This is not a document number.', 'Это не номер документа.', 'Esto no es un número de documento.'),
  BLACKLIST_VALUE_ABSENT: t(
    'This value is not on the blacklist.',
    'Этого значения нет в чёрном списке.',
    'Este valor no está en la lista negra.',
  ),
  BLACKLIST_TYPE_VALUE: t(
    'Type a phone or a document number.',
    'Введите телефон или номер документа.',
    'Escriba un teléfono o un número de documento.',
  ),

  // ---- settings, products, pipelines
  PROVIDER_UNKNOWN: t(
    'Unknown {kind} provider "{provider}".',
    'Неизвестный провайдер {kind} «{provider}».',
    'Proveedor de {kind} desconocido «{provider}».',
  ),
  LENDER_NAME_REQUIRED: t(
    'Enter the company name: reminder SMS messages are signed with it and call scripts say it.',
    'Введите название компании: им подписываются SMS-напоминания и его называют скрипты звонков.',
    'Escriba el nombre de la empresa: con él se firman los SMS de recordatorio y lo dicen los guiones de llamada.',
  ),
  PROVIDER_HOST_INVALID: t(
    'The server must be a host name or an IP address, without a port or spaces.',
    'Сервер — это имя хоста или IP-адрес, без порта и пробелов.',
    'El servidor debe ser un nombre de host o una dirección IP, sin puerto ni espacios.',
  ),
  PROVIDER_SETTINGS_INVALID: t(
    'The {provider} settings are not valid.',
    'Настройки {provider} заполнены неверно.',
    'La configuración de {provider} no es válida.',
  ),
  PROVIDER_NOT_CONFIGURED: t(
    'No {kind} provider is configured yet.',
    'Провайдер {kind} ещё не настроен.',
    'Todavía no hay un proveedor de {kind} configurado.',
  ),
  PRODUCT_LATE_FEES: t(
    'A loan of {product} has the product’s late fees; they cannot be changed on the loan.',
    'Заём по продукту {product} начисляет штрафы продукта; в займе их изменить нельзя.',
    'Un préstamo de {product} lleva las comisiones por pago tardío del producto; no se cambian en el préstamo.',
  ),
  PRODUCT_GRACE_DAYS: t(
    'A loan of {product} counts days past due after the product’s {days} grace days; give the borrower time with a pause instead.',
    'Заём по продукту {product} считает просрочку после льготных дней продукта ({days}); дать клиенту время можно паузой.',
    'Un préstamo de {product} cuenta días de atraso tras los {days} días de gracia del producto; para dar tiempo use una pausa.',
  ),
  PRODUCT_LATE_FEES_WAIVABLE: t(
    'A loan of {product} has the product’s late fees or, waived, none; they cannot be changed on the loan.',
    'Заём по продукту {product} начисляет штрафы продукта или, если они отменены, никаких; изменить их нельзя.',
    'Un préstamo de {product} lleva las comisiones por pago tardío del producto o, condonadas, ninguna; no se cambian.',
  ),
  INACTIVE_PRODUCTS_ADMIN_ONLY: t(
    'Only a portal administrator can see inactive products.',
    'Неактивные продукты видит только администратор портала.',
    'Solo un administrador del portal puede ver los productos inactivos.',
  ),
  PIPELINE_GONE: t(
    'This pipeline no longer exists in Bitrix24.',
    'Этой воронки больше нет в Битрикс24.',
    'Este embudo ya no existe en Bitrix24.',
  ),
  STAGE_GONE: t(
    'A chosen stage is not in this pipeline any more; reload the page.',
    'Выбранной стадии больше нет в этой воронке; обновите страницу.',
    'Una etapa elegida ya no está en este embudo; recargue la página.',
  ),
  // ---- document templates and packs (server/documents/templates, server/documents/packs)
  CATALOG_NOT_PUBLISHED: t(
    'Publish the field catalog first.',
    'Сначала опубликуйте каталог полей.',
    'Publique primero el catálogo de campos.',
  ),
  TEMPLATE_BODY_BINARY: t(
    'Send the .docx file as application/octet-stream.',
    'Отправьте файл .docx как application/octet-stream.',
    'Envíe el archivo .docx como application/octet-stream.',
  ),
  TEMPLATE_NOT_FOUND: t(
    'This template does not exist in this portal.',
    'Такого шаблона на этом портале нет.',
    'Esta plantilla no existe en este portal.',
  ),
  PACK_NOT_FOUND: t('This document pack does not exist.', 'Такого пакета документов нет.', 'Este paquete de documentos no existe.'),
  PACK_DOCUMENT_NOT_READY: t('This document is not ready yet.', 'Документ ещё не готов.', 'El documento aún no está listo.'),
  PACK_PREVIEW_NOT_READY: t('The preview is not ready yet.', 'Предпросмотр ещё не готов.', 'La vista previa aún no está lista.'),
  PACK_DOCUMENT_NOT_RETRYABLE: t(
    'This document has nothing to retry: it is in progress or done.',
    'Этот документ нечего повторять: он ещё формируется или уже готов.',
    'Este documento no tiene nada que reintentar: está en curso o listo.',
  ),

  // ---- mail settings: forwarders (server/mail/settings/forwarders.ts)
  MAIL_FORWARDER_INVALID: t(
    '"{address}" is not an e-mail address. Write one address per line, like name@company.com.',
    '«{address}» — не адрес электронной почты. Пишите по одному адресу в строке, например name@company.ru.',
    '"{address}" no es una dirección de correo. Escriba una dirección por línea, como nombre@empresa.mx.',
  ),
  MAIL_FORWARDER_DUPLICATE: t(
    '"{address}" is in the list twice.',
    '«{address}» указан в списке дважды.',
    '"{address}" aparece dos veces en la lista.',
  ),
} as const;

export type PreciseKey = keyof typeof PRECISE_TEXTS;
