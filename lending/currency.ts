import { invalid } from './errors.js';

// Minor-unit scale per ISO 4217 currency: the scale is a property of the currency, never a constant 100.
const SCALES: Readonly<Record<string, number>> = {
  RUB: 2,
  MXN: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  KZT: 2,
  UAH: 2,
  BYN: 2,
  UZS: 2,
  AMD: 2,
  GEL: 2,
  AZN: 2,
  KGS: 2,
  TJS: 2,
  MDL: 2,
  CNY: 2,
  INR: 2,
  BRL: 2,
  COP: 2,
  PEN: 2,
  ARS: 2,
  CLP: 0,
  PYG: 0,
  JPY: 0,
  KRW: 0,
  VND: 0,
  ISK: 0,
  XOF: 0,
  XAF: 0,
  UGX: 0,
  RWF: 0,
  KWD: 3,
  BHD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
  IQD: 3,
  LYD: 3,
};

export const SUPPORTED_CURRENCIES: readonly string[] = Object.keys(SCALES).sort();

export function currencyScale(code: string, path = 'currency'): number {
  const scale = SCALES[code];
  if (scale === undefined) throw invalid('UNKNOWN_CURRENCY', path, `Unknown currency "${code}"`);
  return scale;
}
