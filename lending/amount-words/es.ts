// Spanish (Mexico) amounts as Mexican contracts and cheques write them: «ciento cincuenta mil pesos
// 00/100 M.N.». Before a noun «uno» becomes «un» (veintiún mil, un millón, treinta y un pesos); an
// exact number of millions takes «de» (un millón de pesos); 10^9 is «mil millones», never «billón».

const UNITS = [
  'cero',
  'uno',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const HUNDREDS = [
  '',
  'ciento',
  'doscientos',
  'trescientos',
  'cuatrocientos',
  'quinientos',
  'seiscientos',
  'setecientos',
  'ochocientos',
  'novecientos',
];

export interface EsCurrencyNames {
  one: string;
  many: string;
  /** What follows the cents fraction: «M.N.» (moneda nacional) for pesos, the ISO code otherwise. */
  suffix: string;
}

export const ES_CURRENCIES: Readonly<Record<string, EsCurrencyNames>> = {
  MXN: { one: 'peso', many: 'pesos', suffix: 'M.N.' },
  USD: { one: 'dólar', many: 'dólares', suffix: 'USD' },
  EUR: { one: 'euro', many: 'euros', suffix: 'EUR' },
  RUB: { one: 'rublo', many: 'rublos', suffix: 'RUB' },
};

/** 0 < n < 1000; `apocope` when a noun follows (un, veintiún, treinta y un). */
function below1000(n: number, apocope: boolean): string {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h > 0) words.push(n === 100 ? 'cien' : HUNDREDS[h]!);
  if (rest > 0) {
    let w: string;
    if (rest < 30) w = UNITS[rest]!;
    else {
      const o = rest % 10;
      const tens = TENS[Math.floor(rest / 10)]!;
      w = o === 0 ? tens : `${tens} y ${UNITS[o]!}`;
    }
    if (apocope && w.endsWith('uno')) w = `${w.slice(0, -3)}${rest === 21 ? 'ún' : 'un'}`;
    words.push(w);
  }
  return words.join(' ');
}

/** 0 < n < 10^6. */
function below1e6(n: number, apocope: boolean): string {
  const th = Math.floor(n / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  if (th === 1) words.push('mil');
  else if (th > 1) words.push(`${below1000(th, true)} mil`);
  if (rest > 0) words.push(below1000(rest, apocope));
  return words.join(' ');
}

/** `n` in words (0 ≤ n < 10^12), apocopated for the noun that follows. */
export function esCardinal(n: bigint, apocope = true): string {
  if (n === 0n) return 'cero';
  const millions = Number(n / 1_000_000n);
  const rest = Number(n % 1_000_000n);
  const words: string[] = [];
  if (millions === 1) words.push('un millón');
  else if (millions > 1) words.push(`${below1e6(millions, true)} millones`);
  if (rest > 0) words.push(below1e6(rest, apocope));
  return words.join(' ');
}

export function esAmountWords(major: bigint, minorDigits: string, names: EsCurrencyNames): string {
  const exactMillions = major >= 1_000_000n && major % 1_000_000n === 0n;
  const noun = major === 1n ? names.one : names.many;
  const head = `${esCardinal(major)} ${exactMillions ? 'de ' : ''}${noun}`;
  const fraction = minorDigits === '' ? '' : ` ${minorDigits}/1${'0'.repeat(minorDigits.length)}`;
  return `${head}${fraction} ${names.suffix}`;
}
