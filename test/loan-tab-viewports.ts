// The two screens the loan-tab browser tests run on, and text as the user reads and types it.
import type { Frame } from 'playwright-core';

export const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Intl writes groups with U+00A0 / U+202F; the user sees spaces. */
export const seen = (s: string | null): string => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

/**
 * The two browser locales the loan-tab tests type in: the tab's language, the deal's currency, the
 * buttons as labelled, and a number the tab must refuse as ambiguous there ("2.000": thousands or
 * decimals?) — the message beside it, the one key that fixes it in place and the text that then reads.
 */
export const LOCALES = {
  'es-MX': {
    browserLocale: 'es-MX',
    lang: 'es',
    currency: 'MXN',
    save: 'Guardar',
    saved: 'Guardado',
    addPayment: 'Agregar pago',
    resetWhatIf: 'Restablecer',
    ambiguous: { typed: '2.000', refusal: /¿Miles o decimales\?/, fixKey: ',', fixed: '2,000' },
  },
  'ru-RU': {
    browserLocale: 'ru-RU',
    lang: 'ru',
    currency: 'RUB',
    save: 'Сохранить',
    saved: 'Сохранено',
    addPayment: 'Добавить платёж',
    resetWhatIf: 'Сбросить',
    ambiguous: { typed: '2.000', refusal: /Тысячи или копейки\?/, fixKey: ' ', fixed: '2 000' },
  },
} as const;

/** The ambiguous number typed in a field: its separator (third from the end) replaced in place by the locale's. */
export async function fixSeparatorInPlace(frame: Frame, selector: string, fixKey: string): Promise<void> {
  await frame.click(selector);
  await frame.press(selector, 'End');
  for (let i = 0; i < 3; i++) await frame.press(selector, 'ArrowLeft');
  await frame.press(selector, 'Backspace');
  await frame.type(selector, fixKey);
}
