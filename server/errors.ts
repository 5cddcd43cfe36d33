import { PRECISE_TEXTS, type PreciseKey } from './error-texts.js';

// One error type for everything a user or a portal can act on, and one closed table of its codes.
// `code` is stable (tests, clients and translations key on it); `message` is internal detail for
// logs; the user's text comes from the table in the user's language (en/ru/es), unless the throw
// site names a more precise text (a key of server/error-texts.ts, in the same three languages).
// The HTTP status is the code's, from the table: a throw site names the code and nothing else.

export const LANGS = ['en', 'ru', 'es'] as const;
export type Lang = (typeof LANGS)[number];
type Texts = Readonly<Record<Lang, string>>;
interface ErrorSpec {
  readonly status: number;
  readonly text: Texts;
}

const spec = (status: number, en: string, ru: string, es: string): ErrorSpec => ({ status, text: { en, ru, es } });

export const ERRORS = {
  // ---- request shape
  VALIDATION: spec(400, 'The request is not valid.', 'Запрос заполнен неверно.', 'La solicitud no es válida.'),
  BAD_REQUEST: spec(400, 'Bad request.', 'Неверный запрос.', 'Solicitud incorrecta.'),
  MALFORMED_BODY: spec(
    400,
    'The request body is not valid JSON.',
    'Тело запроса — некорректный JSON.',
    'El cuerpo de la solicitud no es JSON válido.',
  ),
  METHOD_NOT_ALLOWED: spec(405, 'This method is not allowed here.', 'Этот метод здесь не разрешён.', 'Este método no está permitido aquí.'),
  PAYLOAD_TOO_LARGE: spec(413, 'The request is too large.', 'Запрос слишком большой.', 'La solicitud es demasiado grande.'),
  UNSUPPORTED_MEDIA_TYPE: spec(
    415,
    'This content type is not accepted.',
    'Этот тип содержимого не принимается.',
    'Este tipo de contenido no se acepta.',
  ),
  UNPROCESSABLE: spec(422, 'The request cannot be processed.', 'Запрос не может быть выполнен.', 'La solicitud no se puede procesar.'),
  NOT_FOUND: spec(404, 'Not found.', 'Не найдено.', 'No encontrado.'),
  CONFLICT: spec(
    409,
    'Someone changed this at the same time; reload and try again.',
    'Кто-то изменил это одновременно с вами; обновите страницу и повторите.',
    'Alguien lo cambió al mismo tiempo; recargue e intente de nuevo.',
  ),
  IDEMPOTENCY_MISMATCH: spec(
    409,
    'This id was already used for a different request; nothing was done again.',
    'Этот идентификатор уже использован для другого запроса; повторно ничего не сделано.',
    'Este identificador ya se usó para otra solicitud; no se hizo nada de nuevo.',
  ),
  RATE_LIMITED: spec(
    429,
    'Bitrix24 is busy, try again shortly.',
    'Битрикс24 занят, повторите чуть позже.',
    'Bitrix24 está ocupado, intente de nuevo en un momento.',
  ),

  // ---- who is asking
  UNAUTHORIZED: spec(401, 'Request not authorised.', 'Запрос не авторизован.', 'Solicitud no autorizada.'),
  INVALID_APPLICATION_TOKEN: spec(401, 'Request not authorised.', 'Запрос не авторизован.', 'Solicitud no autorizada.'),
  PLACEMENT_AUTH_FAILED: spec(
    401,
    'Could not verify this request with Bitrix24. Reopen the page.',
    'Не удалось проверить запрос в Битрикс24. Откройте страницу заново.',
    'No se pudo verificar la solicitud con Bitrix24. Vuelva a abrir la página.',
  ),
  SESSION_INVALID: spec(
    401,
    'Your session has expired. Reopen the app from Bitrix24.',
    'Сеанс истёк. Откройте приложение из Битрикс24 заново.',
    'Su sesión expiró. Vuelva a abrir la aplicación desde Bitrix24.',
  ),
  FORBIDDEN: spec(403, 'You are not allowed to do this.', 'У вас нет прав на это действие.', 'No tiene permiso para hacer esto.'),
  CSRF_TOKEN_INVALID: spec(
    403,
    'Reload the page and try again.',
    'Обновите страницу и повторите.',
    'Recargue la página e intente de nuevo.',
  ),
  SESSION_PORTAL_MISMATCH: spec(
    403,
    'This session belongs to another Bitrix24.',
    'Этот сеанс относится к другому Битрикс24.',
    'Esta sesión pertenece a otro Bitrix24.',
  ),
  SESSION_USER_MISMATCH: spec(
    403,
    'This session belongs to another user.',
    'Этот сеанс принадлежит другому пользователю.',
    'Esta sesión pertenece a otro usuario.',
  ),
  SESSION_ALREADY_BOUND: spec(
    403,
    'This session belongs to another deal.',
    'Этот сеанс относится к другой сделке.',
    'Esta sesión pertenece a otra negociación.',
  ),
  DEAL_BIND_DENIED: spec(
    403,
    'The loan can only be saved on the deal you have just created here.',
    'Заём можно сохранить только в сделке, которую вы только что здесь создали.',
    'El préstamo solo se puede guardar en la negociación que acaba de crear aquí.',
  ),
  PORTAL_ACCESS_DENIED: spec(403, 'Bitrix24 denied access.', 'Битрикс24 отказал в доступе.', 'Bitrix24 negó el acceso.'),

  // ---- install and portals
  UNKNOWN_PORTAL: spec(
    404,
    'The app is not installed in that Bitrix24.',
    'Приложение не установлено в этом Битрикс24.',
    'La aplicación no está instalada en ese Bitrix24.',
  ),
  INSTALL_FORBIDDEN: spec(
    403,
    'Only a Bitrix24 administrator can install or update this app.',
    'Установить или обновить приложение может только администратор Битрикс24.',
    'Solo un administrador de Bitrix24 puede instalar o actualizar esta aplicación.',
  ),
  UNINSTALL_NOT_CONFIRMED: spec(409, 'Request not authorised.', 'Запрос не авторизован.', 'Solicitud no autorizada.'),
  // A stored file whose ciphertext no longer opens (altered at rest): not the user's input and no
  // server fault a retry mends — the state conflicts with the request; uploading it again mends it.
  STORED_DATA_UNREADABLE: spec(
    409,
    'This file was altered outside the app and cannot be read. Upload it again.',
    'Этот файл изменили в обход приложения, и его нельзя прочитать. Загрузите его заново.',
    'Este archivo se alteró fuera de la aplicación y no se puede leer. Súbalo de nuevo.',
  ),
  REINSTALL_NEEDED: spec(
    409,
    'The app must be reinstalled in Bitrix24 by an administrator.',
    'Администратор должен переустановить приложение в Битрикс24.',
    'Un administrador debe reinstalar la aplicación en Bitrix24.',
  ),

  // ---- loans
  LOAN_NOT_FOUND: spec(
    404,
    'This deal has no saved loan yet.',
    'В этой сделке ещё нет сохранённого займа.',
    'Esta negociación aún no tiene un préstamo guardado.',
  ),
  LOAN_CLOSED: spec(
    409,
    'This loan is closed; it can be viewed but no longer changed.',
    'Заём закрыт: его можно просматривать, но не изменять.',
    'Este préstamo está cerrado; se puede consultar pero ya no modificar.',
  ),
  LOAN_TERMS_REFUSED: spec(
    422,
    'The loan terms are not valid.',
    'Условия займа заданы неверно.',
    'Las condiciones del préstamo no son válidas.',
  ),
  PRODUCT_NOT_FOUND: spec(422, 'Unknown loan product.', 'Неизвестный кредитный продукт.', 'Producto de crédito desconocido.'),
  PRODUCT_INACTIVE: spec(
    422,
    'This loan product is no longer offered.',
    'Этот кредитный продукт больше не предлагается.',
    'Este producto de crédito ya no se ofrece.',
  ),
  PRODUCT_RANGE: spec(
    422,
    'The value is outside the range of the loan product.',
    'Значение вне диапазона кредитного продукта.',
    'El valor está fuera del rango del producto de crédito.',
  ),
  PRODUCT_INVALID: spec(
    422,
    'The loan product is not valid.',
    'Кредитный продукт заполнен неверно.',
    'El producto de crédito no es válido.',
  ),
  AMOUNT_NOT_POSITIVE: spec(
    422,
    'The amount must be greater than zero.',
    'Сумма должна быть больше нуля.',
    'El monto debe ser mayor que cero.',
  ),
  AMOUNT_SCALE: spec(
    422,
    'The amount has too many decimals for its currency.',
    'В сумме больше знаков после запятой, чем допускает валюта.',
    'El monto tiene más decimales de los que admite su moneda.',
  ),
  PAYMENT_BEFORE_DISBURSEMENT: spec(
    422,
    'The payment date is before the loan was disbursed.',
    'Дата платежа раньше выдачи займа.',
    'La fecha del pago es anterior al desembolso del préstamo.',
  ),
  PAYMENT_IN_FUTURE: spec(
    422,
    'A payment cannot be dated in the future.',
    'Платёж не может быть датирован будущим числом.',
    'Un pago no puede tener fecha futura.',
  ),
  PREPAYMENT_MODE_NOT_ALLOWED: spec(
    422,
    'This loan cannot take a prepayment that reduces the term or the installment; book it as pay ahead.',
    'По этому займу досрочное погашение с сокращением срока или платежа невозможно; внесите его как оплату вперёд.',
    'Este préstamo no admite un prepago que reduzca el plazo o la cuota; regístrelo como pago adelantado.',
  ),
  PREPAYMENT_OVER_PAYOFF: spec(
    422,
    'The prepayment is larger than the amount that pays the loan off on that date.',
    'Сумма досрочного погашения больше суммы полного погашения на эту дату.',
    'El prepago es mayor que el monto que liquida el préstamo en esa fecha.',
  ),
  PAYMENT_NOT_FOUND: spec(404, 'No such payment on this loan.', 'У этого займа нет такого платежа.', 'Este préstamo no tiene ese pago.'),
  SYNC_BUSY: spec(
    409,
    'The schedule is being updated; try again shortly.',
    'График обновляется; повторите чуть позже.',
    'El calendario se está actualizando; intente de nuevo en un momento.',
  ),

  // ---- payouts
  PAYOUT_CURRENCY_UNSUPPORTED: spec(
    422,
    'The payout provider cannot pay out in this currency.',
    'Платёжный провайдер не выплачивает в этой валюте.',
    'El proveedor de pagos no puede pagar en esta moneda.',
  ),
  ALREADY_DISBURSED: spec(
    409,
    'This loan has already been paid out; it was not paid out again.',
    'Этот заём уже выплачен; повторной выплаты не было.',
    'Este préstamo ya fue pagado; no se pagó de nuevo.',
  ),

  // ---- providers (their detail is internal: a 5xx reply shows only the code)
  PROVIDER_NOT_CONFIGURED: spec(
    422,
    'No provider of this kind is configured for this Bitrix24 account.',
    'Для этого Битрикс24 не настроен провайдер такого типа.',
    'No hay un proveedor de este tipo configurado para esta cuenta de Bitrix24.',
  ),
  SMS_PROVIDER_UNAVAILABLE: spec(
    503,
    'The SMS provider could not be reached; the message will be tried again.',
    'SMS-провайдер недоступен; отправка будет повторена.',
    'No se pudo contactar al proveedor de SMS; se intentará de nuevo.',
  ),
  SMS_PROVIDER_REJECTED: spec(
    502,
    'The SMS provider could not send the message.',
    'SMS-провайдер не смог отправить сообщение.',
    'El proveedor de SMS no pudo enviar el mensaje.',
  ),
  SMS_PROVIDER_AUTH: spec(
    502,
    'The SMS provider refused our credentials; check the SMS settings.',
    'SMS-провайдер отклонил учётные данные; проверьте настройки SMS.',
    'El proveedor de SMS rechazó las credenciales; revise la configuración de SMS.',
  ),
  SMPP_BIND_REFUSED: spec(
    502,
    'The SMS center refused the connection; check the SMPP settings.',
    'SMS-центр отказал в подключении; проверьте настройки SMPP.',
    'El centro de SMS rechazó la conexión; revise la configuración SMPP.',
  ),
  PAYOUT_PROVIDER_UNAVAILABLE: spec(
    503,
    'The payment provider could not be reached; the payout will be checked and tried again.',
    'Платёжный провайдер недоступен; выплата будет проверена и повторена.',
    'No se pudo contactar al proveedor de pagos; el pago se verificará y se intentará de nuevo.',
  ),
  PAYOUT_LOOKUP_INCONCLUSIVE: spec(
    503,
    'The payment provider could not confirm the payout yet.',
    'Платёжный провайдер пока не подтвердил выплату.',
    'El proveedor de pagos aún no pudo confirmar el pago.',
  ),
  PAYOUT_DUPLICATE_ORDER: spec(
    502,
    'The payment provider already has this payout.',
    'У платёжного провайдера уже есть эта выплата.',
    'El proveedor de pagos ya tiene este pago.',
  ),
  PAYOUT_PROVIDER_AUTH: spec(
    502,
    'The payment provider refused our credentials; check the payout settings.',
    'Платёжный провайдер отклонил учётные данные; проверьте настройки выплат.',
    'El proveedor de pagos rechazó las credenciales; revise la configuración de pagos.',
  ),
  PAYOUT_REJECTED: spec(
    502,
    'The payment provider could not make the payout.',
    'Платёжный провайдер не смог выполнить выплату.',
    'El proveedor de pagos no pudo realizar el pago.',
  ),

  // ---- SMS
  SMS_OVER_LIMIT: spec(
    422,
    'The message is longer than this SMS provider accepts. Shorten it or enable transliteration.',
    'Сообщение длиннее, чем принимает этот SMS-провайдер. Сократите его или включите транслитерацию.',
    'El mensaje es más largo de lo que acepta este proveedor de SMS. Acórtelo o active la transliteración.',
  ),
  SMS_TEMPLATE_MISSING: spec(
    422,
    'There is no such SMS template in this language.',
    'Такого шаблона SMS на этом языке нет.',
    'No existe esa plantilla de SMS en este idioma.',
  ),
  SMS_TEMPLATE_VARIABLE_MISSING: spec(
    422,
    'The SMS could not be written: a value it needs is missing.',
    'Не удалось составить SMS: не хватает значения.',
    'No se pudo redactar el SMS: falta un valor que necesita.',
  ),

  // ---- payment files
  FILE_EMPTY: spec(422, 'The file is empty.', 'Файл пуст.', 'El archivo está vacío.'),
  FILE_TOO_LARGE: spec(
    413,
    'The file is too large; split it into smaller files.',
    'Файл слишком большой; разделите его на несколько.',
    'El archivo es demasiado grande; divídalo en archivos más pequeños.',
  ),
  FILE_FORMAT: spec(
    422,
    'This file format is not accepted. Send the payments as .xlsx or .csv.',
    'Этот формат файла не принимается. Пришлите платежи в .xlsx или .csv.',
    'Este formato de archivo no se acepta. Envíe los pagos en .xlsx o .csv.',
  ),
  FILE_ENCODING: spec(
    422,
    'The file is not plain text in UTF-8 or Windows-1251.',
    'Файл не является текстом в UTF-8 или Windows-1251.',
    'El archivo no es texto en UTF-8 ni en Windows-1251.',
  ),
  FILE_TOO_MANY_ROWS: spec(
    422,
    'The file has too many payment lines. Split it into several files.',
    'В файле слишком много строк платежей. Разделите его на несколько файлов.',
    'El archivo tiene demasiadas líneas de pago. Divídalo en varios archivos.',
  ),
  FILE_TOO_MANY_COLUMNS: spec(
    422,
    'The file has too many columns. Remove the columns you do not need.',
    'В файле слишком много столбцов. Удалите лишние.',
    'El archivo tiene demasiadas columnas. Quite las que no necesita.',
  ),
  CSV_DELIMITER: spec(
    422,
    'Columns must be separated by ";", ",", a tab or "|".',
    'Столбцы должны разделяться «;», «,», табуляцией или «|».',
    'Las columnas deben separarse con ";", ",", un tabulador o "|".',
  ),
  CSV_INCONSISTENT_COLUMNS: spec(
    422,
    'A line has a different number of columns than the header.',
    'В строке другое число столбцов, чем в заголовке.',
    'Una línea tiene un número de columnas distinto al del encabezado.',
  ),
  CSV_MALFORMED: spec(
    422,
    'A line cannot be read: check its double quotes.',
    'Строку не удалось прочитать: проверьте двойные кавычки.',
    'No se puede leer una línea: revise sus comillas dobles.',
  ),
  XLSX_LIMIT: spec(
    422,
    'The workbook is larger than an import may read.',
    'Книга больше, чем может прочитать импорт.',
    'El libro es más grande de lo que una importación puede leer.',
  ),
  XLSX_UNREADABLE: spec(
    422,
    'The workbook cannot be read. Save it again as .xlsx and re-send it.',
    'Книгу не удалось прочитать. Сохраните её заново как .xlsx и отправьте снова.',
    'No se puede leer el libro. Guárdelo de nuevo como .xlsx y vuelva a enviarlo.',
  ),
  FILE_PARSE_TIMEOUT: spec(
    422,
    'Reading the file took too long; split it into smaller files.',
    'Чтение файла заняло слишком много времени; разделите его на части.',
    'Leer el archivo tardó demasiado; divídalo en archivos más pequeños.',
  ),
  FILE_TOO_COMPLEX: spec(
    422,
    'The file needs more memory to read than an import may use; split it into smaller files.',
    'Для чтения файла нужно больше памяти, чем доступно импорту; разделите его на части.',
    'El archivo necesita más memoria de la que puede usar una importación; divídalo en archivos más pequeños.',
  ),
  IMPORTS_BUSY: spec(
    429,
    'Other payment files are being read right now; send this one again in a minute.',
    'Сейчас читаются другие файлы платежей; отправьте этот через минуту.',
    'Se están leyendo otros archivos de pagos; envíe este de nuevo en un minuto.',
  ),
  IMPORT_REFUSED: spec(
    422,
    'The file was not imported: fix the lines with problems and import the whole file again.',
    'Файл не импортирован: исправьте строки с ошибками и импортируйте весь файл снова.',
    'El archivo no se importó: corrija las líneas con problemas e importe todo el archivo de nuevo.',
  ),

  // ---- applicant checks
  BLACKLIST_REFUSED: spec(
    422,
    'The blacklist file cannot be imported.',
    'Файл чёрного списка не удалось импортировать.',
    'No se puede importar el archivo de lista negra.',
  ),
  TERMS_FROZEN: spec(
    409,
    'The loan terms are fixed at the offer stage; move the deal back to an earlier stage to change them.',
    'Условия займа зафиксированы на этапе предложения; чтобы изменить их, верните сделку на более ранний этап.',
    'Las condiciones del préstamo quedaron fijadas en la etapa de oferta; para cambiarlas, regrese la negociación a una etapa anterior.',
  ),
  STAGE_NOT_IN_PIPELINE: spec(
    422,
    'That stage is not in this pipeline.',
    'Этой стадии нет в этой воронке.',
    'Esa etapa no está en este embudo.',
  ),
  STAGE_ROLE_FIELD: spec(
    422,
    'That deal field is not an employee field.',
    'Это поле сделки — не поле типа «Привязка к сотруднику».',
    'Ese campo de la negociación no es de tipo empleado.',
  ),
  PRESET_STAGE_REFUSED: spec(
    422,
    'Bitrix24 refused to change a stage of the lender pipeline (deals may be in it). Move them out and try again.',
    'Битрикс24 не дал изменить стадию воронки займов (в ней могут быть сделки). Перенесите их и повторите.',
    'Bitrix24 no permitió cambiar una etapa del embudo de préstamos (puede tener negociaciones). Muévalas e intente de nuevo.',
  ),
  // ---- reminders of installments (server/reminders)
  REMINDER_TIME_ZONE_UNKNOWN: spec(
    422,
    'Unknown time zone: choose one from the list (e.g. Europe/Moscow).',
    'Неизвестный часовой пояс: выберите его из списка (например, Europe/Moscow).',
    'Zona horaria desconocida: elija una de la lista (p. ej., America/Mexico_City).',
  ),
  REMINDER_QUIET_HOURS_OUTSIDE_LAW: spec(
    422,
    'Contact hours must lie within 07:00–22:00 (CONDUSEF) and start before they end.',
    'Часы связи должны быть в пределах 07:00–22:00 (CONDUSEF) и начинаться раньше, чем заканчиваются.',
    'El horario de contacto debe estar entre las 07:00 y las 22:00 (CONDUSEF) y empezar antes de terminar.',
  ),
  REMINDER_HOLIDAY_INVALID: spec(
    422,
    'A non-working day is not a real date: write it as 09.01.2026 or 2026-01-09.',
    'Нерабочий день — не настоящая дата: пишите как 09.01.2026 или 2026-01-09.',
    'Un día inhábil no es una fecha real: escríbalo como 09/01/2026 o 2026-01-09.',
  ),
  REMINDER_PRODUCT_UNKNOWN: spec(404, 'There is no such product.', 'Такого продукта нет.', 'No existe ese producto.'),
  REMINDER_RULE_DUPLICATE: spec(
    422,
    'Two rules of the product fall on the same day: join them into one.',
    'Два правила продукта приходятся на один день: объедините их.',
    'Dos reglas del producto caen el mismo día: únalas en una.',
  ),
  REMINDER_RULE_EMPTY: spec(
    422,
    'A rule must remind someone: choose an SMS template or how to tell the employee.',
    'Правило должно кому-то напоминать: выберите шаблон SMS или как известить сотрудника.',
    'Una regla debe avisar a alguien: elija una plantilla de SMS o cómo avisar al empleado.',
  ),
  REMINDER_TEMPLATE_UNKNOWN: spec(
    422,
    'That is not a reminder SMS template: choose one from the list.',
    'Это не шаблон SMS-напоминания: выберите шаблон из списка.',
    'Esa no es una plantilla de SMS de recordatorio: elija una de la lista.',
  ),

  // ---- .docx templates and documents (server/documents/docx): USER_MESSAGES below says them precisely, with parameters
  TEMPLATE_TOO_LARGE: spec(
    413,
    'The template is too large. Compress its pictures in Word and upload it again.',
    'Шаблон слишком большой. Сожмите рисунки в Word и загрузите снова.',
    'La plantilla es demasiado grande. Comprima las imágenes en Word y súbala de nuevo.',
  ),
  TEMPLATE_NOT_DOCX: spec(422, 'This is not a Word .docx document.', 'Это не документ Word .docx.', 'No es un documento de Word .docx.'),
  TEMPLATE_MACROS: spec(
    422,
    'The template contains macros; macro-enabled files are not accepted.',
    'В шаблоне есть макросы; файлы с макросами не принимаются.',
    'La plantilla contiene macros; no se aceptan archivos con macros.',
  ),
  TEMPLATE_EXTERNAL_LINK: spec(
    422,
    'The template loads content from outside the file.',
    'Шаблон подгружает содержимое извне.',
    'La plantilla carga contenido externo al archivo.',
  ),
  TEMPLATE_ZIP_BOMB: spec(
    422,
    'The file unpacks to far more data than a document needs.',
    'Файл распаковывается в гораздо больший объём, чем нужен документу.',
    'El archivo se descomprime en muchos más datos de los que necesita un documento.',
  ),
  TEMPLATE_INVALID: spec(
    422,
    'The template has problems; the full list is under details.',
    'В шаблоне есть проблемы; полный список — в подробностях.',
    'La plantilla tiene problemas; la lista completa está en los detalles.',
  ),
  DOCUMENT_VALUE_TYPE: spec(
    422,
    'A document field has a value of the wrong type.',
    'У поля документа значение неверного типа.',
    'Un campo del documento tiene un valor del tipo incorrecto.',
  ),
  DOCUMENT_VALUE_LIMIT: spec(
    422,
    'A document field value is outside its limits.',
    'Значение поля документа выходит за допустимые пределы.',
    'El valor de un campo del documento está fuera de sus límites.',
  ),
  DOCUMENT_FIELD_UNKNOWN: spec(422, 'The application has no such field.', 'В заявке нет такого поля.', 'La solicitud no tiene ese campo.'),
  DOCUMENT_BANK_NAME_TAKEN: spec(
    409,
    'Another bank already has this name.',
    'Банк с таким названием уже есть.',
    'Ya existe un banco con ese nombre.',
  ),
  PACK_NO_TEMPLATES: spec(
    422,
    'The chosen banks have no templates yet; upload them on the app page first.',
    'У выбранных банков ещё нет шаблонов; сначала загрузите их на странице приложения.',
    'Los bancos elegidos aún no tienen plantillas; súbalas primero en la página de la aplicación.',
  ),
  PREVIEW_UNAVAILABLE: spec(
    422,
    'No preview could be made of this document; the document itself is ready.',
    'Не удалось сделать предпросмотр документа; сам документ готов.',
    'No se pudo generar la vista previa; el documento está listo.',
  ),
  DOCUMENT_ATTACH_FAILED: spec(
    422,
    'Bitrix24 did not accept the document for the deal; download it here and attach it by hand.',
    'Битрикс24 не принял документ в сделку; скачайте его здесь и прикрепите вручную.',
    'Bitrix24 no aceptó el documento en la negociación; descárguelo aquí y adjúntelo a mano.',
  ),
  // A pack document's outbox job died (dead letter): shown failed with Retry (documents/packs/pack-repo.ts).
  DOCUMENT_FILL_GAVE_UP: spec(
    503,
    'The document could not be made after several attempts; press Retry.',
    'Документ не удалось сформировать после нескольких попыток; нажмите «Повторить».',
    'No se pudo generar el documento tras varios intentos; pulse «Reintentar».',
  ),
  DOCUMENT_DELIVERY_GAVE_UP: spec(
    503,
    'The document is made, but it could not be attached to the deal after several attempts; download it here or press Retry.',
    'Документ сформирован, но после нескольких попыток его не удалось прикрепить к сделке; скачайте его здесь или нажмите «Повторить».',
    'El documento está hecho, pero tras varios intentos no se pudo adjuntar a la negociación; descárguelo aquí o pulse «Reintentar».',
  ),
  SCAN_TOO_LARGE: spec(
    413,
    'The scan is larger than 5 MB. Scan at a lower resolution or save it as a smaller PDF.',
    'Скан больше 5 МБ. Отсканируйте с меньшим разрешением или сохраните PDF меньшего размера.',
    'El escaneo pesa más de 5 MB. Escanee con menor resolución o guárdelo como un PDF más pequeño.',
  ),
  SCAN_TYPE: spec(
    422,
    'A scan must be a PDF, JPEG or PNG file.',
    'Скан должен быть файлом PDF, JPEG или PNG.',
    'El escaneo debe ser un archivo PDF, JPEG o PNG.',
  ),
  SCAN_LIMIT: spec(
    409,
    'The application already keeps 20 scans. Delete one before adding another.',
    'В заявке уже 20 сканов. Удалите один, чтобы добавить новый.',
    'La solicitud ya tiene 20 escaneos. Elimine uno antes de agregar otro.',
  ),
  CATALOG_INVALID: spec(
    422,
    'The field catalog cannot be saved.',
    'Каталог полей нельзя сохранить.',
    'No se puede guardar el catálogo de campos.',
  ),
  CATALOG_VERSION_CONFLICT: spec(
    409,
    'The application moved to another catalog version meanwhile. Reload and review the changes again.',
    'Заявку перевели на другую версию каталога. Обновите страницу и проверьте изменения снова.',
    'La solicitud cambió de versión del catálogo mientras tanto. Recargue y revise los cambios de nuevo.',
  ),

  // ---- mail accounts (server/mail/settings): the field is in details.field
  MAIL_NOT_CONFIGURED: spec(
    409,
    'Set up the mail accounts in the app settings first.',
    'Сначала настройте почтовые ящики в настройках приложения.',
    'Primero configure las cuentas de correo en la configuración de la aplicación.',
  ),
  MAIL_PASSWORD_REQUIRED: spec(
    400,
    'Enter the password of this mail account.',
    'Введите пароль этого почтового ящика.',
    'Escriba la contraseña de esta cuenta de correo.',
  ),
  BANK_HAS_NO_ADDRESS: spec(
    422,
    'This bank has no e-mail address in the banks directory.',
    'У этого банка нет адреса электронной почты в справочнике банков.',
    'Este banco no tiene correo electrónico en el directorio de bancos.',
  ),
  BANK_HAS_NO_PHONE: spec(
    422,
    'This bank has no phone number in the banks directory.',
    'У этого банка нет номера телефона в справочнике банков.',
    'Este banco no tiene número de teléfono en el directorio de bancos.',
  ),
  BANK_TEMPLATE_PLACEHOLDER: spec(
    422,
    "The bank's message template names a value the app does not know.",
    'В шаблоне письма банку есть неизвестная подстановка.',
    'La plantilla del mensaje al banco usa un valor que la aplicación no conoce.',
  ),
  PACK_NOT_READY_FOR_BANK: spec(
    422,
    'There is no generated pack for this bank yet: generate the pack first.',
    'Для этого банка ещё нет готового пакета: сначала сформируйте пакет.',
    'Todavía no hay un paquete generado para este banco: genere el paquete primero.',
  ),
  MAIL_TOO_LARGE: spec(
    422,
    'The e-mail is larger than the mail server accepts.',
    'Письмо больше, чем принимает почтовый сервер.',
    'El correo pesa más de lo que acepta el servidor de correo.',
  ),
  MAIL_SUBJECT_REQUIRED: spec(400, 'Enter the subject of the e-mail.', 'Укажите тему письма.', 'Escriba el asunto del correo.'),
  MAIL_REPLY_ADDRESS_REQUIRED: spec(
    400,
    'Enter the address bank replies go to.',
    'Укажите адрес, на который банки присылают ответы.',
    'Escriba la dirección a la que los bancos envían sus respuestas.',
  ),
  MAIL_FORWARDER_INVALID: spec(
    400,
    'One of the forwarders is not an e-mail address.',
    'Один из адресов пересылающих — не адрес электронной почты.',
    'Una de las direcciones de reenvío no es un correo válido.',
  ),
  MAIL_FORWARDER_DUPLICATE: spec(
    400,
    'An address is in the forwarders list twice.',
    'Адрес указан в списке пересылающих дважды.',
    'Una dirección aparece dos veces en la lista de reenvío.',
  ),

  // ---- bank replies (issue 16: server/mail/apply, routes/api/mail-replies)
  MAIL_REPLY_BAND: spec(
    422,
    'The amount band is wrong: the lower factor must be above 0 and not above the upper one (at most 100).',
    'Неверный диапазон суммы: нижний множитель должен быть больше 0 и не больше верхнего (не больше 100).',
    'El rango del monto no es válido: el factor inferior debe ser mayor que 0 y no mayor que el superior (máximo 100).',
  ),
  MAIL_REPLY_NOT_PENDING: spec(
    409,
    'This reply was already applied or dismissed.',
    'Это письмо уже применено или отклонено.',
    'Esta respuesta ya fue aplicada o descartada.',
  ),
  MAIL_REPLY_NOT_APPLICABLE: spec(
    422,
    'This reply cannot be applied: it names no deal, no bank or no decision. Dismiss it and move the deal by hand.',
    'Это письмо нельзя применить: в нём не определены сделка, банк или решение. Отклоните его и переведите сделку вручную.',
    'Esta respuesta no se puede aplicar: no indica negociación, banco o decisión. Descártela y mueva la negociación a mano.',
  ),

  // ---- the server's own side (5xx: the reply never carries more than the code and INTERNAL's text)
  UPSTREAM: spec(
    502,
    'Bitrix24 or a provider returned an error.',
    'Битрикс24 или провайдер вернул ошибку.',
    'Bitrix24 o un proveedor devolvió un error.',
  ),
  NOT_READY: spec(
    503,
    'The service is not ready; try again shortly.',
    'Сервис ещё не готов; повторите чуть позже.',
    'El servicio no está listo; intente de nuevo en un momento.',
  ),
  INTERNAL: spec(500, 'Internal error', 'Внутренняя ошибка', 'Error interno'),
} as const satisfies Record<string, ErrorSpec>;

/** Closed: a code missing from ERRORS does not compile. */
export type ErrorCode = keyof typeof ERRORS;

export function isErrorCode(s: string): s is ErrorCode {
  return Object.hasOwn(ERRORS, s);
}

export function statusOf(code: ErrorCode): number {
  return ERRORS[code].status;
}

/** The table's text for `code` in `lang`. */
export function errorText(code: ErrorCode, lang: Lang): string {
  return ERRORS[code].text[lang];
}

/** The first of en/ru/es an Accept-Language header asks for (q-values ignored: order is preference), else en. */
export function langOfHeader(header: string | undefined): Lang {
  for (const part of (header ?? '').split(',')) {
    const l = part.trim().slice(0, 2).toLowerCase();
    if (l === 'ru' || l === 'en' || l === 'es') return l;
  }
  return 'en';
}

/** A throw site's precise text: a key of PRECISE_TEXTS (en/ru/es) and the values of its `{name}`s. */
export interface PreciseText {
  key: PreciseKey;
  params?: Readonly<Record<string, string | number>>;
}

function fill(text: string, params: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/gu, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  /** The precise text in English (logs, tests); users read `textFor(lang)`. */
  readonly userMessage?: string;
  private readonly precise?: PreciseText;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /**
     * More precise than the table's text: a PRECISE_TEXTS key with its parameters, read in the user's
     * language; or a string already in the user's language (the documents' `localizedError`, parser
     * messages). Omitted, the user reads the table's text in their language.
     */
    userMessage?: string | PreciseText,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = ERRORS[code].status;
    if (typeof userMessage === 'object') {
      this.precise = userMessage;
      this.userMessage = fill(PRECISE_TEXTS[userMessage.key].en, userMessage.params);
    } else if (userMessage !== undefined) {
      this.userMessage = userMessage;
    }
  }

  /** The refusal as data (code, precise key and parameters): stored, it reads again later in any language. */
  get reason(): StoredReason {
    return { code: this.code, ...(this.precise ?? {}) };
  }

  /** What the user reads: the precise text in `lang`, else the throw site's own text, else the table's. */
  textFor(lang: Lang): string {
    if (this.precise) return fill(PRECISE_TEXTS[this.precise.key][lang], this.precise.params);
    return this.userMessage ?? errorText(this.code, lang);
  }
}

/** An AppError's user text kept as data (a failed reminder's reason) rather than in one language. */
export interface StoredReason {
  code: ErrorCode;
  key?: PreciseKey;
  params?: Readonly<Record<string, string | number>>;
}

/** A stored reason in `lang`; an unknown code (a table changed since) reads as the generic refusal. */
export function reasonText(r: StoredReason, lang: Lang): string {
  const code = isErrorCode(r.code) ? r.code : 'UNPROCESSABLE';
  const key = r.key && r.key in PRECISE_TEXTS ? r.key : undefined;
  return new AppError(code, 'stored reason', key ? { key, ...(r.params ? { params: r.params } : {}) } : undefined).textFor(lang);
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The documents' name for Lang. */
export type UserLanguage = Lang;

/** The user's words for a code, per language; `{name}` is filled from the error's params. */
/** Precise texts with `{name}` parameters for some codes (documents), beside the table's plain ones. */
export const USER_MESSAGES: Partial<Record<ErrorCode, Record<UserLanguage, string>>> = {
  TEMPLATE_TOO_LARGE: {
    en: 'The template is {sizeMb} MB; at most {limitMb} MB is accepted. Compress its pictures in Word (File → Compress Pictures) and upload it again.',
    ru: 'Шаблон весит {sizeMb} МБ, допускается не больше {limitMb} МБ. Сожмите рисунки в Word (Файл → Сжать рисунки) и загрузите снова.',
    es: 'La plantilla pesa {sizeMb} MB; se aceptan hasta {limitMb} MB. Comprima las imágenes en Word (Archivo → Comprimir imágenes) y súbala de nuevo.',
  },
  TEMPLATE_NOT_DOCX: {
    en: 'This is not a Word .docx document{cause}. Open it in Word and save it as "Word Document (*.docx)".',
    ru: 'Это не документ Word .docx{cause}. Откройте его в Word и сохраните как «Документ Word (*.docx)».',
    es: 'No es un documento de Word .docx{cause}. Ábralo en Word y guárdelo como «Documento de Word (*.docx)».',
  },
  TEMPLATE_MACROS: {
    en: 'The template contains macros; macro-enabled files (.docm) are not accepted. Save it as "Word Document (*.docx)".',
    ru: 'В шаблоне есть макросы; файлы с макросами (.docm) не принимаются. Сохраните его как «Документ Word (*.docx)».',
    es: 'La plantilla contiene macros; no se aceptan archivos con macros (.docm). Guárdela como «Documento de Word (*.docx)».',
  },
  TEMPLATE_EXTERNAL_LINK: {
    en: 'The template loads content from outside the file ({target}). Remove the linked object or picture (or insert it into the document) and upload it again.',
    ru: 'Шаблон подгружает содержимое извне ({target}). Удалите связанный объект или рисунок (или вставьте его в документ) и загрузите снова.',
    es: 'La plantilla carga contenido externo al archivo ({target}). Quite el objeto o la imagen vinculada (o insértela en el documento) y súbala de nuevo.',
  },
  TEMPLATE_ZIP_BOMB: {
    en: 'The file unpacks to far more data than a document needs. Save it again from Word as a new .docx.',
    ru: 'Файл распаковывается в гораздо больший объём, чем нужен документу. Сохраните его из Word заново как .docx.',
    es: 'El archivo se descomprime en muchos más datos de los que necesita un documento. Guárdelo de nuevo desde Word como .docx.',
  },
  TEMPLATE_INVALID: {
    en: 'The template has {count} problem(s): {first}. The full list is under details.',
    ru: 'В шаблоне проблем: {count}. Первая: {first}. Полный список — в подробностях.',
    es: 'La plantilla tiene {count} problema(s): {first}. La lista completa está en los detalles.',
  },
  DOCUMENT_VALUE_TYPE: {
    en: 'The field {code} must be {expected}.',
    ru: 'Поле {code} должно быть: {expected}.',
    es: 'El campo {code} debe ser: {expected}.',
  },
  DOCUMENT_VALUE_LIMIT: {
    en: 'The field {code} must be {rule}.',
    ru: 'Поле {code} должно быть {rule}.',
    es: 'El campo {code} debe ser {rule}.',
  },
  DOCUMENT_FIELD_UNKNOWN: {
    en: 'The field {code} is not in catalog version {version} that this application uses.',
    ru: 'Поля {code} нет в версии каталога {version}, по которой ведётся заявка.',
    es: 'El campo {code} no está en la versión {version} del catálogo que usa esta solicitud.',
  },
  DOCUMENT_BANK_NAME_TAKEN: {
    en: 'A bank named “{name}” already exists. Choose another name.',
    ru: 'Банк «{name}» уже есть. Выберите другое название.',
    es: 'Ya existe un banco llamado «{name}». Elija otro nombre.',
  },
  CATALOG_INVALID: {
    en: 'The field catalog cannot be saved: {field} — {problem}.',
    ru: 'Каталог полей нельзя сохранить: {field} — {problem}.',
    es: 'No se puede guardar el catálogo de campos: {field} — {problem}.',
  },
  CATALOG_VERSION_CONFLICT: {
    en: 'The application is on catalog version {current}, not {expected}: someone moved it meanwhile. Reload and review the changes again.',
    ru: 'Заявка уже на версии каталога {current}, а не {expected}: её перевели, пока вы смотрели. Обновите страницу и проверьте изменения снова.',
    es: 'La solicitud ya está en la versión {current} del catálogo, no en la {expected}: alguien la cambió mientras tanto. Recargue y revise los cambios de nuevo.',
  },
};

/** An AppError whose user message is the code's text in `lang`, with `params` filled in. */
export function localizedError(
  code: keyof typeof USER_MESSAGES,
  lang: UserLanguage,
  message: string,
  params: Record<string, string | number> = {},
  details?: Record<string, unknown>,
): AppError {
  const text = USER_MESSAGES[code]?.[lang] ?? message;
  const userMessage = text.replace(/\{(\w+)\}/gu, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return new AppError(code, message, userMessage, details);
}
