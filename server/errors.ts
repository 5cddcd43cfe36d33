// One error type for everything a user or a portal can act on. `code` is stable (tests, clients
// and translations key on it); `message` is internal detail for logs; `userMessage` is safe to show.

export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  INVALID_APPLICATION_TOKEN: 401,
  PLACEMENT_AUTH_FAILED: 401,
  SESSION_INVALID: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NOT_FOUND: 404,
  UNKNOWN_PORTAL: 404,
  CONFLICT: 409,
  IDEMPOTENCY_MISMATCH: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  BLACKLIST_REFUSED: 422,
  RATE_LIMITED: 429,
  REINSTALL_NEEDED: 409,
  UPSTREAM: 502,
  NOT_READY: 503,
  INTERNAL: 500,
  // .docx templates and documents (server/documents/docx): USER_MESSAGES below says them in ru/en/es.
  TEMPLATE_TOO_LARGE: 413,
  TEMPLATE_NOT_DOCX: 422,
  TEMPLATE_MACROS: 422,
  TEMPLATE_EXTERNAL_LINK: 422,
  TEMPLATE_ZIP_BOMB: 422,
  TEMPLATE_INVALID: 422,
  DOCUMENT_VALUE_TYPE: 422,
  CATALOG_INVALID: 422,
  CATALOG_VERSION_CONFLICT: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS | (string & {});

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly userMessage: string = message,
    readonly details?: Record<string, unknown>,
    readonly status: number = (ERROR_STATUS as Record<string, number>)[code] ?? 400,
  ) {
    super(message);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export type UserLanguage = 'en' | 'ru' | 'es';

/** The user's words for a code, per language; `{name}` is filled from the error's params. */
export const USER_MESSAGES: Partial<Record<keyof typeof ERROR_STATUS, Record<UserLanguage, string>>> = {
  TEMPLATE_TOO_LARGE: {
    en: 'The template is {sizeMb} MB; at most {limitMb} MB is accepted. Compress its pictures in Word (File → Compress Pictures) and upload it again.',
    ru: 'Шаблон весит {sizeMb} МБ, допускается не больше {limitMb} МБ. Сожмите рисунки в Word (Файл → Сжать рисунки) и загрузите снова.',
    es: 'La plantilla pesa {sizeMb} MB; se aceptan hasta {limitMb} MB. Comprima las imágenes en Word (Archivo → Comprimir imágenes) y súbala de nuevo.',
  },
  TEMPLATE_NOT_DOCX: {
    en: 'This is not a Word .docx document ({reason}). Open it in Word and save it as "Word Document (*.docx)".',
    ru: 'Это не документ Word .docx ({reason}). Откройте его в Word и сохраните как «Документ Word (*.docx)».',
    es: 'No es un documento de Word .docx ({reason}). Ábralo en Word y guárdelo como «Documento de Word (*.docx)».',
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
    en: 'The file unpacks to far more data than a document needs ({reason}). Save it again from Word as a new .docx.',
    ru: 'Файл распаковывается в гораздо больший объём, чем нужен документу ({reason}). Сохраните его из Word заново как .docx.',
    es: 'El archivo se descomprime en muchos más datos de los que necesita un documento ({reason}). Guárdelo de nuevo desde Word como .docx.',
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
