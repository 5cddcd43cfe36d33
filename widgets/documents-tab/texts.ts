// The Documents tab's own words in ru/en/es (field labels come from the catalog in all three; error
// texts come from the server in the user's language). Counts take their plural forms from
// Intl.PluralRules, so "1 campo" and "5 полей" read right.
import type { WidgetLang } from '../shared/locale.js';

export type { WidgetLang };

type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface DocumentsTexts {
  title: string;
  base: string;
  baseHint: string;
  bankHint: string;
  inherited: string;
  overridden: string;
  resetToBase: string;
  /** {bank}, {n}: the completeness line of one bank. */
  missing: Plural;
  complete: string;
  noRequired: string;
  yes: string;
  noBanks: string;
  noCatalog: string;
  none: string;
  saving: string;
  saved: string;
  newerVersion: string;
  review: string;
  moveTo: string;
  added: string;
  removed: string;
  changed: string;
  nothingChanged: string;
  cancel: string;
  listEmpty: string;
  /** {n}: a list's row number. */
  listRow: string;
  addRow: string;
  removeRow: string;
  uploadScan: string;
  deleteScan: string;
  scanHint: string;
  packs: string;
  packBanks: string;
  internal: string;
  generate: string;
  generating: string;
  noPacks: string;
  packsUnavailable: string;
  packStatus: Record<'queued' | 'generating' | 'done' | 'failed', string>;
  docStatus: Record<'pending' | 'done' | 'failed', string>;
  attached: Record<'docgen' | 'disk', string>;
  download: string;
  retry: string;
  /** Under a field with a source: where the document takes it from while the field is empty. */
  sourceEmpty: Record<'deal' | 'contact' | 'company' | 'loan', string>;
  /** Under a field with a source that has a typed value: the typed one is used. */
  sourceTyped: string;
  /** Under a loan-sourced field left empty: the saved loan's value, which the document takes. */
  sourceLoan: string;
  /** Under a loan-sourced field whose typed value is not the saved loan's. */
  sourceDiffers: string;
  /** Clears the typed value so that the document takes the loan's. */
  useLoan: string;
  preview: string;
  previewUnavailable: string;
  internalDoc: string;
  version: string;
}

const TEXT: Readonly<Record<WidgetLang, DocumentsTexts>> = {
  en: {
    title: 'Application documents',
    base: 'Base (all banks)',
    baseHint: 'Base values apply to every bank unless a bank overrides them.',
    bankHint: 'Values for {bank}: a change here overrides the base for this bank only.',
    inherited: 'from base',
    overridden: 'overridden',
    resetToBase: 'Reset to base',
    missing: { one: '{bank}: {n} field missing', other: '{bank}: {n} fields missing' },
    complete: '{bank}: complete',
    noRequired: '{bank}: no required fields',
    yes: 'Yes',
    noBanks: 'No banks yet: an administrator adds them in the app settings.',
    noCatalog: 'No field catalog has been published yet: an administrator publishes it in the app settings.',
    none: 'This tab works inside a deal card.',
    saving: 'Saving…',
    saved: 'Saved',
    newerVersion: 'A newer version of the field catalog (v{to}) is available; this application uses v{from}.',
    review: 'Review changes',
    moveTo: 'Move to version {to}',
    added: 'Added',
    removed: 'Removed (values are kept, documents stop using them)',
    changed: 'Changed',
    nothingChanged: 'No fields added or removed.',
    cancel: 'Cancel',
    listEmpty: 'No rows yet.',
    listRow: 'Row {n}',
    addRow: 'Add row',
    removeRow: 'Remove',
    uploadScan: 'Upload scan',
    deleteScan: 'Delete',
    scanHint: 'PDF, JPEG or PNG, up to 5 MB.',
    packs: 'Document packs',
    packBanks: 'Banks for the pack',
    internal: 'Internal documents (contracts, pledges)',
    generate: 'Generate pack',
    generating: 'Generating: {done} of {total}',
    noPacks: 'No packs yet.',
    packsUnavailable: 'Pack generation is not available on this server yet.',
    packStatus: { queued: 'queued', generating: 'generating', done: 'ready', failed: 'failed' },
    docStatus: { pending: 'pending', done: 'done', failed: 'failed' },
    attached: { docgen: 'attached to the deal', disk: 'on Disk, in the timeline' },
    download: '.docx',
    retry: 'Retry',
    sourceEmpty: {
      deal: 'Left empty, the document takes it from the deal in Bitrix24.',
      contact: 'Left empty, the document takes it from the contact in Bitrix24.',
      company: 'Left empty, the document takes it from the company in Bitrix24.',
      loan: 'Left empty, the document takes it from the deal’s saved loan.',
    },
    sourceTyped: 'Typed here: used instead of Bitrix24 or the loan.',
    sourceLoan: 'From the deal’s saved loan: {value}.',
    sourceDiffers: 'Differs from the saved loan ({value}): the documents take what is typed here.',
    useLoan: 'Use the loan’s',
    preview: 'Preview',
    previewUnavailable: 'no preview',
    internalDoc: 'internal',
    version: 'catalog v{n}',
  },
  es: {
    title: 'Documentos de la solicitud',
    base: 'Base (todos los bancos)',
    baseHint: 'Los valores base aplican a todos los bancos, salvo que un banco los sobrescriba.',
    bankHint: 'Valores para {bank}: un cambio aquí sobrescribe la base solo para este banco.',
    inherited: 'de la base',
    overridden: 'sobrescrito',
    resetToBase: 'Volver a la base',
    missing: { one: '{bank}: falta {n} campo', other: '{bank}: faltan {n} campos' },
    complete: '{bank}: completo',
    noRequired: '{bank}: sin campos obligatorios',
    yes: 'Sí',
    noBanks: 'Aún no hay bancos: un administrador los agrega en la configuración de la aplicación.',
    noCatalog: 'Aún no se ha publicado el catálogo de campos: un administrador lo publica en la configuración.',
    none: 'Esta pestaña funciona dentro de la ficha de una negociación.',
    saving: 'Guardando…',
    saved: 'Guardado',
    newerVersion: 'Hay una versión más nueva del catálogo de campos (v{to}); esta solicitud usa la v{from}.',
    review: 'Ver cambios',
    moveTo: 'Pasar a la versión {to}',
    added: 'Agregados',
    removed: 'Eliminados (los valores se conservan, los documentos dejan de usarlos)',
    changed: 'Modificados',
    nothingChanged: 'No se agregan ni eliminan campos.',
    cancel: 'Cancelar',
    listEmpty: 'Aún no hay filas.',
    listRow: 'Fila {n}',
    addRow: 'Agregar fila',
    removeRow: 'Quitar',
    uploadScan: 'Subir escaneo',
    deleteScan: 'Eliminar',
    scanHint: 'PDF, JPEG o PNG, hasta 5 MB.',
    packs: 'Paquetes de documentos',
    packBanks: 'Bancos del paquete',
    internal: 'Documentos internos (contratos, garantías)',
    generate: 'Generar paquete',
    generating: 'Generando: {done} de {total}',
    noPacks: 'Aún no hay paquetes.',
    packsUnavailable: 'La generación de paquetes aún no está disponible en este servidor.',
    packStatus: { queued: 'en cola', generating: 'generando', done: 'listo', failed: 'con error' },
    docStatus: { pending: 'pendiente', done: 'listo', failed: 'con error' },
    attached: { docgen: 'adjunto a la negociación', disk: 'en Disco, en el historial' },
    download: '.docx',
    retry: 'Reintentar',
    sourceEmpty: {
      deal: 'Si se deja vacío, el documento lo toma de la negociación en Bitrix24.',
      contact: 'Si se deja vacío, el documento lo toma del contacto en Bitrix24.',
      company: 'Si se deja vacío, el documento lo toma de la empresa en Bitrix24.',
      loan: 'Si se deja vacío, el documento lo toma del préstamo guardado.',
    },
    sourceTyped: 'Escrito aquí: se usa en lugar de Bitrix24 o del préstamo.',
    sourceLoan: 'Del préstamo guardado de la negociación: {value}.',
    sourceDiffers: 'Difiere del préstamo guardado ({value}): los documentos toman lo escrito aquí.',
    useLoan: 'Usar el del préstamo',
    preview: 'Vista previa',
    previewUnavailable: 'sin vista previa',
    internalDoc: 'interno',
    version: 'catálogo v{n}',
  },
  ru: {
    title: 'Документы по заявке',
    base: 'Базовые (все банки)',
    baseHint: 'Базовые значения идут во все банки, если банк их не переопределил.',
    bankHint: 'Значения для банка «{bank}»: изменение здесь переопределяет базовое только для этого банка.',
    inherited: 'из базовых',
    overridden: 'переопределено',
    resetToBase: 'Вернуть базовое',
    missing: {
      one: '{bank}: не заполнено {n} поле',
      few: '{bank}: не заполнено {n} поля',
      many: '{bank}: не заполнено {n} полей',
      other: '{bank}: не заполнено {n} поля',
    },
    complete: '{bank}: всё заполнено',
    noRequired: '{bank}: обязательных полей нет',
    yes: 'Да',
    noBanks: 'Банков пока нет: администратор добавляет их в настройках приложения.',
    noCatalog: 'Каталог полей ещё не опубликован: администратор публикует его в настройках приложения.',
    none: 'Эта вкладка работает в карточке сделки.',
    saving: 'Сохраняем…',
    saved: 'Сохранено',
    newerVersion: 'Есть новая версия каталога полей (v{to}); заявка заполняется по v{from}.',
    review: 'Посмотреть изменения',
    moveTo: 'Перейти на версию {to}',
    added: 'Добавлены',
    removed: 'Удалены (значения сохранятся, документы перестанут их использовать)',
    changed: 'Изменены',
    nothingChanged: 'Поля не добавляются и не удаляются.',
    cancel: 'Отмена',
    listEmpty: 'Строк пока нет.',
    listRow: 'Строка {n}',
    addRow: 'Добавить строку',
    removeRow: 'Удалить',
    uploadScan: 'Загрузить скан',
    deleteScan: 'Удалить',
    scanHint: 'PDF, JPEG или PNG, до 5 МБ.',
    packs: 'Пакеты документов',
    packBanks: 'Банки для пакета',
    internal: 'Внутренние документы (договоры, залоги)',
    generate: 'Сформировать пакет',
    generating: 'Формируем: {done} из {total}',
    noPacks: 'Пакетов пока нет.',
    packsUnavailable: 'Формирование пакетов на этом сервере пока недоступно.',
    packStatus: { queued: 'в очереди', generating: 'формируется', done: 'готов', failed: 'ошибка' },
    docStatus: { pending: 'ожидает', done: 'готов', failed: 'ошибка' },
    attached: { docgen: 'прикреплён к сделке', disk: 'на Диске, в ленте сделки' },
    download: '.docx',
    retry: 'Повторить',
    sourceEmpty: {
      deal: 'Если оставить пустым, документ возьмёт значение из сделки в Битрикс24.',
      contact: 'Если оставить пустым, документ возьмёт значение из контакта в Битрикс24.',
      company: 'Если оставить пустым, документ возьмёт значение из компании в Битрикс24.',
      loan: 'Если оставить пустым, документ возьмёт значение из сохранённого займа.',
    },
    sourceTyped: 'Введено здесь: используется вместо Битрикс24 или займа.',
    sourceLoan: 'Из сохранённого займа сделки: {value}.',
    sourceDiffers: 'Отличается от сохранённого займа ({value}): в документы пойдёт введённое здесь.',
    useLoan: 'Взять из займа',
    preview: 'Просмотр',
    previewUnavailable: 'без просмотра',
    internalDoc: 'внутренний',
    version: 'каталог v{n}',
  },
};

/** "es-MX", "la", "ru" … → one of our three languages, English otherwise. */
export function langOf(tag: string | null | undefined): WidgetLang {
  const code = (tag ?? '').slice(0, 2).toLowerCase();
  if (code === 'la') return 'es'; // Bitrix24's Latin-American Spanish
  return code === 'es' || code === 'ru' ? code : 'en';
}

export function textsFor(lang: WidgetLang): DocumentsTexts {
  return TEXT[lang];
}

/** Fills {name} placeholders. */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/gu, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The bank's completeness line: "Banco A: faltan 12 campos" / «Банк А: не заполнено 12 полей». */
export function completenessText(t: DocumentsTexts, lang: WidgetLang, bank: string, required: number, missing: number): string {
  if (required === 0) return fill(t.noRequired, { bank });
  if (missing === 0) return fill(t.complete, { bank });
  const rule = new Intl.PluralRules(lang === 'es' ? 'es-MX' : lang === 'ru' ? 'ru-RU' : 'en-US').select(missing);
  return fill(t.missing[rule] ?? t.missing.other, { bank, n: missing });
}
