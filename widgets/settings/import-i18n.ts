// Labels of the payment-file import section, kept apart from the products dictionary (i18n.ts).
import type { Lang } from './i18n.js';

const en = {
  importTitle: 'Payments from paying agents',
  importIntro:
    'Upload the file a paying agent sends (.xlsx or .csv). Preview first: nothing is booked until you import, a file with any bad line is refused as a whole, and a payment already booked from an earlier file is not counted again.',
  importFile: 'File',
  colDeal: 'Deal ID column',
  colDate: 'Date column',
  colAmount: 'Amount column',
  colReference: 'Reference column (optional)',
  dateOrder: 'Dates are written',
  'dateOrder.dmy': 'day.month.year',
  'dateOrder.mdy': 'month/day/year',
  'dateOrder.iso': 'year-month-day',
  decimalSeparator: 'Decimal separator',
  'decimal.,': 'comma: 10 500,00',
  'decimal..': 'point: 1,500.50',
  preview: 'Preview',
  previewing: 'Checking…',
  importNow: 'Import',
  importing: 'Importing…',
  summaryPreview: 'Rows: {rows}. New payments: {new}. Already booked earlier: {already}.',
  summaryDone: 'Imported. New payments booked: {new}. Already booked earlier: {already}.',
  nothingNew: 'Every payment in this file is already booked.',
  newTotal: 'Sum of the new payments',
  refused: 'The file was refused; nothing was booked. Fix these lines and preview again:',
  line: 'Line',
  column: 'Column',
  problem: 'Problem',
  deal: 'Deal',
  date: 'Date',
  amountCol: 'Amount',
  reference: 'Reference',
  lineStatus: 'Status',
  'status.new': 'new',
  'status.already': 'already booked',
  'status.booked': 'booked',
  importFailed: 'The import did not go through',
};

type ImportKey = keyof typeof en;

const ru: Record<ImportKey, string> = {
  importTitle: 'Платежи от платёжных агентов',
  importIntro:
    'Загрузите файл, который присылает платёжный агент (.xlsx или .csv). Сначала проверка: до импорта ничего не проводится, файл с хотя бы одной ошибочной строкой отклоняется целиком, а платёж, уже проведённый из прежнего файла, второй раз не учитывается.',
  importFile: 'Файл',
  colDeal: 'Столбец с ID сделки',
  colDate: 'Столбец с датой',
  colAmount: 'Столбец с суммой',
  colReference: 'Столбец с номером платежа (необязательно)',
  dateOrder: 'Формат дат',
  'dateOrder.dmy': 'день.месяц.год',
  'dateOrder.mdy': 'месяц/день/год',
  'dateOrder.iso': 'год-месяц-день',
  decimalSeparator: 'Десятичный разделитель',
  'decimal.,': 'запятая: 10 500,00',
  'decimal..': 'точка: 1,500.50',
  preview: 'Проверить',
  previewing: 'Проверяем…',
  importNow: 'Импортировать',
  importing: 'Импортируем…',
  summaryPreview: 'Строк: {rows}. Новых платежей: {new}. Уже проведено ранее: {already}.',
  summaryDone: 'Импорт выполнен. Проведено новых платежей: {new}. Уже было проведено: {already}.',
  nothingNew: 'Все платежи из этого файла уже проведены.',
  newTotal: 'Сумма новых платежей',
  refused: 'Файл отклонён, ничего не проведено. Исправьте эти строки и проверьте снова:',
  line: 'Строка',
  column: 'Столбец',
  problem: 'Ошибка',
  deal: 'Сделка',
  date: 'Дата',
  amountCol: 'Сумма',
  reference: 'Номер платежа',
  lineStatus: 'Статус',
  'status.new': 'новый',
  'status.already': 'уже проведён',
  'status.booked': 'проведён',
  importFailed: 'Импорт не выполнен',
};

const es: Record<ImportKey, string> = {
  importTitle: 'Pagos de agentes de cobro',
  importIntro:
    'Suba el archivo que envía el agente de cobro (.xlsx o .csv). Primero la vista previa: nada se registra hasta importar, un archivo con cualquier línea errónea se rechaza completo y un pago ya registrado desde un archivo anterior no se vuelve a contar.',
  importFile: 'Archivo',
  colDeal: 'Columna del ID de negociación',
  colDate: 'Columna de fecha',
  colAmount: 'Columna de monto',
  colReference: 'Columna de referencia (opcional)',
  dateOrder: 'Formato de fechas',
  'dateOrder.dmy': 'día/mes/año',
  'dateOrder.mdy': 'mes/día/año',
  'dateOrder.iso': 'año-mes-día',
  decimalSeparator: 'Separador decimal',
  'decimal.,': 'coma: 10 500,00',
  'decimal..': 'punto: 1,500.50',
  preview: 'Vista previa',
  previewing: 'Revisando…',
  importNow: 'Importar',
  importing: 'Importando…',
  summaryPreview: 'Filas: {rows}. Pagos nuevos: {new}. Ya registrados antes: {already}.',
  summaryDone: 'Importado. Pagos nuevos registrados: {new}. Ya registrados antes: {already}.',
  nothingNew: 'Todos los pagos de este archivo ya están registrados.',
  newTotal: 'Suma de los pagos nuevos',
  refused: 'El archivo fue rechazado; no se registró nada. Corrija estas líneas y vuelva a revisar:',
  line: 'Línea',
  column: 'Columna',
  problem: 'Problema',
  deal: 'Negociación',
  date: 'Fecha',
  amountCol: 'Monto',
  reference: 'Referencia',
  lineStatus: 'Estado',
  'status.new': 'nuevo',
  'status.already': 'ya registrado',
  'status.booked': 'registrado',
  importFailed: 'La importación no se realizó',
};

const dictionaries: Record<Lang, Record<ImportKey, string>> = { en, ru, es };

export type ImportTranslate = (key: ImportKey, vars?: Record<string, string | number>) => string;

export function importTranslator(lang: Lang): ImportTranslate {
  const d = dictionaries[lang];
  return (key, vars) => d[key].replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? String(vars[name]) : m));
}

/** Line issues the import explains in the user's language; any other code shows the server's text. */
const issueTexts: Record<Lang, Record<string, string>> = {
  en: {
    LOAN_NOT_FOUND: 'This deal has no saved loan',
    LOAN_CLOSED: 'The loan of this deal is closed',
    PAYMENT_BEFORE_DISBURSEMENT: 'The date is before the loan was disbursed',
    PAYMENT_IN_FUTURE: 'The date is in the future',
    AMOUNT_SCALE: 'Too many decimal places for the currency',
    AMOUNT_NOT_POSITIVE: 'The amount must be greater than zero',
    BAD_AMOUNT: 'Not an amount in the chosen format',
    BAD_DATE: 'Not a date in the chosen format',
    BAD_DEAL_ID: 'Not a deal ID',
    VALUE_MISSING: 'Empty cell',
    MAPPING_COLUMN_MISSING: 'No column with this name in the file',
    MAPPING_COLUMN_AMBIGUOUS: 'Several columns have this name',
    REFERENCE_PRECISION_LOST: 'Excel rounded this long number; format the column as text',
  },
  ru: {
    LOAN_NOT_FOUND: 'По этой сделке нет сохранённого займа',
    LOAN_CLOSED: 'Заём по этой сделке закрыт',
    PAYMENT_BEFORE_DISBURSEMENT: 'Дата раньше выдачи займа',
    PAYMENT_IN_FUTURE: 'Дата в будущем',
    AMOUNT_SCALE: 'Слишком много знаков после запятой для валюты',
    AMOUNT_NOT_POSITIVE: 'Сумма должна быть больше нуля',
    BAD_AMOUNT: 'Не сумма в выбранном формате',
    BAD_DATE: 'Не дата в выбранном формате',
    BAD_DEAL_ID: 'Не ID сделки',
    VALUE_MISSING: 'Пустая ячейка',
    MAPPING_COLUMN_MISSING: 'В файле нет столбца с таким названием',
    MAPPING_COLUMN_AMBIGUOUS: 'Несколько столбцов с таким названием',
    REFERENCE_PRECISION_LOST: 'Excel округлил длинное число; задайте столбцу текстовый формат',
  },
  es: {
    LOAN_NOT_FOUND: 'Esta negociación no tiene un préstamo guardado',
    LOAN_CLOSED: 'El préstamo de esta negociación está cerrado',
    PAYMENT_BEFORE_DISBURSEMENT: 'La fecha es anterior al desembolso',
    PAYMENT_IN_FUTURE: 'La fecha está en el futuro',
    AMOUNT_SCALE: 'Demasiados decimales para la moneda',
    AMOUNT_NOT_POSITIVE: 'El monto debe ser mayor que cero',
    BAD_AMOUNT: 'No es un monto en el formato elegido',
    BAD_DATE: 'No es una fecha en el formato elegido',
    BAD_DEAL_ID: 'No es un ID de negociación',
    VALUE_MISSING: 'Celda vacía',
    MAPPING_COLUMN_MISSING: 'El archivo no tiene una columna con este nombre',
    MAPPING_COLUMN_AMBIGUOUS: 'Varias columnas tienen este nombre',
    REFERENCE_PRECISION_LOST: 'Excel redondeó este número largo; dé formato de texto a la columna',
  },
};

export function issueText(lang: Lang, code: string, serverMessage: string): string {
  return issueTexts[lang][code] ?? serverMessage;
}
