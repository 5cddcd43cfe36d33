// Russian cardinal numbers for amounts: «сто пятьдесят тысяч рублей 00 копеек». The integer part is
// spelled out in the gender of its noun (одна тысяча, два рубля, одна копейка), the minor part is
// written in digits as Russian contracts and payment orders do, each followed by its noun in the
// plural form the number asks for.

type Forms = readonly [one: string, few: string, many: string];
type Gender = 'm' | 'f';

const ONES_M = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const ONES_F = ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const TEENS = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
const TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

/** Thousand, million, billion: 10^3, 10^6, 10^9 with their gender. */
const SCALES: readonly { forms: Forms; gender: Gender }[] = [
  { forms: ['тысяча', 'тысячи', 'тысяч'], gender: 'f' },
  { forms: ['миллион', 'миллиона', 'миллионов'], gender: 'm' },
  { forms: ['миллиард', 'миллиарда', 'миллиардов'], gender: 'm' },
];

export interface RuCurrencyNames {
  major: Forms;
  majorGender: Gender;
  minor: Forms;
}

export const RU_CURRENCIES: Readonly<Record<string, RuCurrencyNames>> = {
  RUB: { major: ['рубль', 'рубля', 'рублей'], majorGender: 'm', minor: ['копейка', 'копейки', 'копеек'] },
  USD: { major: ['доллар США', 'доллара США', 'долларов США'], majorGender: 'm', minor: ['цент', 'цента', 'центов'] },
  EUR: { major: ['евро', 'евро', 'евро'], majorGender: 'm', minor: ['цент', 'цента', 'центов'] },
  MXN: {
    major: ['мексиканский песо', 'мексиканских песо', 'мексиканских песо'],
    majorGender: 'm',
    minor: ['сентаво', 'сентаво', 'сентаво'],
  },
};

/** The plural form Russian takes after `n`: 1 рубль, 2 рубля, 5 рублей, 11 рублей, 21 рубль. */
export function ruPlural(n: bigint, forms: Forms): string {
  const last2 = Number(n % 100n);
  const last = last2 % 10;
  if (last2 >= 11 && last2 <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

function triad(n: number, gender: Gender): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h > 0) words.push(HUNDREDS[h]!);
  if (rest >= 10 && rest < 20) words.push(TEENS[rest - 10]!);
  else {
    const t = Math.floor(rest / 10);
    const o = rest % 10;
    if (t > 0) words.push(TENS[t]!);
    if (o > 0) words.push((gender === 'f' ? ONES_F : ONES_M)[o]!);
  }
  return words;
}

/** `n` in words (0 ≤ n < 10^12), in the gender of the noun that follows it. */
export function ruCardinal(n: bigint, gender: Gender): string {
  if (n === 0n) return 'ноль';
  const words: string[] = [];
  const groups: number[] = [];
  for (let rest = n; rest > 0n; rest /= 1000n) groups.push(Number(rest % 1000n));
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    if (i === 0) {
      words.push(...triad(g, gender));
    } else {
      const scale = SCALES[i - 1]!;
      words.push(...triad(g, scale.gender), ruPlural(BigInt(g), scale.forms));
    }
  }
  return words.join(' ');
}

export function ruAmountWords(major: bigint, minorDigits: string, names: RuCurrencyNames): string {
  const minor = BigInt(minorDigits === '' ? '0' : minorDigits);
  const head = `${ruCardinal(major, names.majorGender)} ${ruPlural(major, names.major)}`;
  return minorDigits === '' ? head : `${head} ${minorDigits} ${ruPlural(minor, names.minor)}`;
}
