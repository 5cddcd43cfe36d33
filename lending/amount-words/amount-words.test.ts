import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords } from './index.js';

// Reading the words back gives the number: the property that catches a wrong form or a lost group.
const RU_VALUES: Record<string, number> = {
  ноль: 0,
  один: 1,
  одна: 1,
  два: 2,
  две: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
  одиннадцать: 11,
  двенадцать: 12,
  тринадцать: 13,
  четырнадцать: 14,
  пятнадцать: 15,
  шестнадцать: 16,
  семнадцать: 17,
  восемнадцать: 18,
  девятнадцать: 19,
  двадцать: 20,
  тридцать: 30,
  сорок: 40,
  пятьдесят: 50,
  шестьдесят: 60,
  семьдесят: 70,
  восемьдесят: 80,
  девяносто: 90,
  сто: 100,
  двести: 200,
  триста: 300,
  четыреста: 400,
  пятьсот: 500,
  шестьсот: 600,
  семьсот: 700,
  восемьсот: 800,
  девятьсот: 900,
};
const RU_SCALES: Record<string, bigint> = {
  тысяча: 1000n,
  тысячи: 1000n,
  тысяч: 1000n,
  миллион: 1_000_000n,
  миллиона: 1_000_000n,
  миллионов: 1_000_000n,
  миллиард: 1_000_000_000n,
  миллиарда: 1_000_000_000n,
  миллиардов: 1_000_000_000n,
};
const ES_VALUES: Record<string, number> = {
  cero: 0,
  un: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciséis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiún: 21,
  veintiuno: 21,
  veintidós: 22,
  veintitrés: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiséis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
  cien: 100,
  ciento: 100,
  doscientos: 200,
  trescientos: 300,
  cuatrocientos: 400,
  quinientos: 500,
  seiscientos: 600,
  setecientos: 700,
  ochocientos: 800,
  novecientos: 900,
  y: 0,
};

function readRu(words: string[]): bigint {
  let total = 0n;
  let group = 0n;
  for (const w of words) {
    if (w in RU_SCALES) {
      total += (group === 0n ? 1n : group) * RU_SCALES[w]!;
      group = 0n;
    } else if (w in RU_VALUES) group += BigInt(RU_VALUES[w]!);
    else throw new Error(`unknown word ${w}`);
  }
  return total + group;
}

function readEs(words: string[]): bigint {
  let millions = 0n;
  let total = 0n;
  let group = 0n;
  for (const w of words) {
    if (w === 'millón' || w === 'millones') {
      millions = (total + group) * 1_000_000n;
      total = 0n;
      group = 0n;
    } else if (w === 'mil') {
      total += (group === 0n ? 1n : group) * 1000n;
      group = 0n;
    } else if (w in ES_VALUES) group += BigInt(ES_VALUES[w]!);
    else throw new Error(`unknown word ${w}`);
  }
  return millions + total + group;
}

const amounts = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.integer({ min: 0, max: 99 }))
  .map(([major, minor]) => ({ major, minor, text: `${major}.${String(minor).padStart(2, '0')}` }));

describe('amountInWords', () => {
  it('writes the issue examples exactly', () => {
    expect(amountInWords('150000', 'RUB', 'ru')).toBe('сто пятьдесят тысяч рублей 00 копеек');
    expect(amountInWords('150000.00', 'MXN', 'es')).toBe('ciento cincuenta mil pesos 00/100 M.N.');
  });

  it.each([
    ['1', 'RUB', 'один рубль 00 копеек'],
    ['2.02', 'RUB', 'два рубля 02 копейки'],
    ['11.11', 'RUB', 'одиннадцать рублей 11 копеек'],
    ['21001.21', 'RUB', 'двадцать одна тысяча один рубль 21 копейка'],
    ['2000000', 'RUB', 'два миллиона рублей 00 копеек'],
    ['0.5', 'RUB', 'ноль рублей 50 копеек'],
    ['1000000000', 'USD', 'один миллиард долларов США 00 центов'],
  ])('ru %s %s', (amount, currency, words) => {
    expect(amountInWords(amount, currency, 'ru')).toBe(words);
  });

  it.each([
    ['1', 'MXN', 'un peso 00/100 M.N.'],
    ['100', 'MXN', 'cien pesos 00/100 M.N.'],
    ['101', 'MXN', 'ciento un pesos 00/100 M.N.'],
    ['21000', 'MXN', 'veintiún mil pesos 00/100 M.N.'],
    ['31.05', 'MXN', 'treinta y un pesos 05/100 M.N.'],
    ['1000000', 'MXN', 'un millón de pesos 00/100 M.N.'],
    ['2500000.75', 'MXN', 'dos millones quinientos mil pesos 75/100 M.N.'],
    ['1000000000', 'MXN', 'mil millones de pesos 00/100 M.N.'],
    ['1500.5', 'USD', 'mil quinientos dólares 50/100 USD'],
  ])('es %s %s', (amount, currency, words) => {
    expect(amountInWords(amount, currency, 'es')).toBe(words);
  });

  it('ru words read back to the amount, minor part in digits with its plural', () => {
    fc.assert(
      fc.property(amounts, ({ major, minor, text }) => {
        const words = amountInWords(text, 'RUB', 'ru').split(' ');
        const kopecks = words.at(-1) ?? '';
        const minorDigits = words.at(-2) ?? '';
        const rubles = words.at(-3) ?? '';
        expect(minorDigits).toBe(String(minor).padStart(2, '0'));
        expect(['копейка', 'копейки', 'копеек']).toContain(kopecks);
        expect(['рубль', 'рубля', 'рублей']).toContain(rubles);
        expect(readRu(words.slice(0, -3))).toBe(major);
      }),
      { numRuns: 2000 },
    );
  });

  it('es words read back to the amount, cents as NN/100 M.N.', () => {
    fc.assert(
      fc.property(amounts, ({ major, minor, text }) => {
        const words = amountInWords(text, 'MXN', 'es').split(' ');
        expect(words.slice(-2)).toEqual([`${String(minor).padStart(2, '0')}/100`, 'M.N.']);
        const noun = words.at(-3);
        expect(noun).toBe(major === 1n ? 'peso' : 'pesos');
        const number = words.slice(0, -3).filter((w) => w !== 'de');
        expect(readEs(number)).toBe(major);
      }),
      { numRuns: 2000 },
    );
  });

  it('never writes a double space or an un-apocopated «uno» before a noun', () => {
    fc.assert(
      fc.property(amounts, ({ text }) => {
        const es = amountInWords(text, 'MXN', 'es');
        expect(es).not.toMatch(/ {2}|uno (mil|millones|pesos)|^un mil /u);
        expect(amountInWords(text, 'RUB', 'ru')).not.toMatch(/ {2}|один тысяч|два тысяч/u);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses what it cannot write exactly', () => {
    expect(() => amountInWords('-1', 'RUB', 'ru')).toThrow(/zero or more/);
    expect(() => amountInWords('1.005', 'RUB', 'ru')).toThrow(/2 decimals/);
    expect(() => amountInWords('1e12', 'RUB', 'ru')).toThrow(/too large/);
    expect(() => amountInWords('abc', 'RUB', 'ru')).toThrow(/not a number/);
    expect(() => amountInWords('1', 'JPY', 'ru')).toThrow(/No Russian names/);
  });
});
