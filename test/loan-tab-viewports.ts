// The two screens the loan-tab browser tests run on, and text as the user reads it.

export const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Intl writes groups with U+00A0 / U+202F; the user sees spaces. */
export const seen = (s: string | null): string => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

/** The two browser locales the loan-tab tests type in: the tab's language, the deal's currency, the buttons as labelled. */
export const LOCALES = {
  'es-MX': { browserLocale: 'es-MX', lang: 'es', currency: 'MXN', save: 'Guardar', saved: 'Guardado', addPayment: 'Agregar pago' },
  'ru-RU': { browserLocale: 'ru-RU', lang: 'ru', currency: 'RUB', save: 'Сохранить', saved: 'Сохранено', addPayment: 'Добавить платёж' },
} as const;
