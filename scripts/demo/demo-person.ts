// `npm run demo`: each demo client's own personal data for the Documents tab — birth date, ID number,
// address, phone, tax id — derived from their name with a seeded generator, so two deals never show
// the same person (a user trial found every Mexican deal with one CURP) and a restart shows the same
// values. Pure; formats and check digits are the ones the documents are checked against in each
// country (CURP: RENAPO's instructivo; RFC: SAT's homoclave digit; СНИЛС and ИНН: their control sums).

export interface DemoPerson {
  birthDate: string;
  address: string;
  /** MX: the CURP (the questionnaire's "Identificación"); RU: passport series and number "4509 123456". */
  idNumber: string;
  phone: string;
  /** MX: RFC (13 characters); RU: ИНН of an individual (12 digits). */
  taxId: string;
  /** RU only: СНИЛС "123-456-789 01". */
  snils?: string;
}

/** FNV-1a of the name: the seed, stable across runs and platforms. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

/** mulberry32: a small deterministic generator; `int(n)` is in [0, n). */
function generator(seed: number): { int: (n: number) => number; pick: <T>(xs: readonly T[]) => T } {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { int, pick: (xs) => xs[int(xs.length)]! };
}

const digits = (g: { int: (n: number) => number }, n: number) => Array.from({ length: n }, () => String(g.int(10))).join('');
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A birth date between 1962 and 2003 (adults of 22–64 in 2026), every day of the month valid. */
function birthDate(g: { int: (n: number) => number }): string {
  const year = 1962 + g.int(42);
  const month = 1 + g.int(12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(1 + g.int(days))}`;
}

// ---------- Mexico ----------

/** Latin capitals without accents; Ñ becomes X as RENAPO writes it in the CURP's letters. */
const plain = (s: string) =>
  s
    .toUpperCase()
    .replace(/Ñ/gu, 'X')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^A-Z ]/gu, '');
const VOWELS = 'AEIOU';
const internal = (word: string, vowel: boolean) => [...word.slice(1)].find((c) => VOWELS.includes(c) === vowel) ?? 'X';
/** The given name the CURP uses: a compound starting with José or María skips to the second one. */
function curpGivenName(given: string): string {
  const parts = plain(given).split(' ').filter(Boolean);
  return parts.length > 1 && ['JOSE', 'J', 'MARIA', 'MA', 'MA.'].includes(parts[0]!) ? parts[1]! : (parts[0] ?? 'X');
}

const CURP_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
/** RENAPO's check digit: the first 17 characters valued by CURP_ALPHABET, weighted 18 down to 2. */
export function curpCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CURP_ALPHABET.indexOf(first17[i]!) * (18 - i);
  return String((10 - (sum % 10)) % 10);
}
/** The CURP's shape and check digit (the app itself stores document numbers as typed). */
export function isValidCurp(curp: string): boolean {
  const m = /^[A-Z][AEIOUX][A-Z]{2}(\d{2})(\d{2})(\d{2})[HM][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z]\d$/u.exec(curp);
  if (!m) return false;
  const [month, day] = [Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && curpCheckDigit(curp.slice(0, 17)) === curp[17];
}

const RFC_VALUES = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';
/** SAT's homoclave check digit of a person's 13-character RFC: 12 characters weighted 13 down to 2, mod 11. */
export function rfcCheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += RFC_VALUES.indexOf(first12[i]!) * (13 - i);
  const r = 11 - (sum % 11);
  return r === 11 ? '0' : r === 10 ? 'A' : String(r);
}
export const isValidRfc = (rfc: string) => /^[A-Z&Ñ]{4}\d{6}[A-Z0-9]{2}[0-9A]$/u.test(rfc) && rfcCheckDigit(rfc.slice(0, 12)) === rfc[12];

interface MxCity {
  area: string;
  state: string;
  streets: readonly string[];
  colonias: readonly [string, string][];
  city: string;
}
const MX_CITIES: readonly MxCity[] = [
  {
    area: '55',
    state: 'DF',
    city: 'Ciudad de México, CDMX',
    streets: ['Av. Insurgentes Sur', 'Calz. de Tlalpan', 'Av. Universidad', 'Calle Durango'],
    colonias: [
      ['Del Valle Centro', '03100'],
      ['Roma Norte', '06700'],
      ['Narvarte Poniente', '03020'],
      ['Coyoacán Centro', '04000'],
    ],
  },
  {
    area: '33',
    state: 'JC',
    city: 'Guadalajara, Jal.',
    streets: ['Av. Vallarta', 'Av. Chapultepec', 'Calle Morelos'],
    colonias: [
      ['Americana', '44160'],
      ['Providencia', '44630'],
      ['Chapalita', '45040'],
    ],
  },
  {
    area: '81',
    state: 'NL',
    city: 'Monterrey, N.L.',
    streets: ['Av. Constitución', 'Calle Padre Mier', 'Av. Garza Sada'],
    colonias: [
      ['Centro', '64000'],
      ['Obispado', '64060'],
      ['Mitras Centro', '64460'],
    ],
  },
  {
    area: '22',
    state: 'PL',
    city: 'Puebla, Pue.',
    streets: ['Av. Reforma', 'Calle 5 de Mayo', 'Blvd. Atlixco'],
    colonias: [
      ['Centro', '72000'],
      ['La Paz', '72160'],
    ],
  },
  {
    area: '66',
    state: 'BC',
    city: 'Tijuana, B.C.',
    streets: ['Av. Revolución', 'Blvd. Agua Caliente'],
    colonias: [
      ['Zona Centro', '22000'],
      ['Chapultepec', '22020'],
    ],
  },
  {
    area: '99',
    state: 'YN',
    city: 'Mérida, Yuc.',
    streets: ['Calle 60', 'Paseo de Montejo', 'Calle 47'],
    colonias: [
      ['Centro', '97000'],
      ['García Ginerés', '97070'],
    ],
  },
];
/** Given names read as a woman's, for the CURP's sex letter (the demo's names only). */
const FEMININE = /^(?:.*a|guadalupe|lucía|beatriz|isabel|carmen)$/iu;

function mexican(fullName: string, phone: string | undefined, g: ReturnType<typeof generator>): DemoPerson {
  const words = fullName.trim().split(/\s+/u);
  // The demo's clients carry one surname (the title is "Given names Surname"); the CURP writes X for the missing second one.
  const surname = plain(words.length > 1 ? words[words.length - 1]! : 'X');
  const given = words.slice(0, Math.max(1, words.length - 1)).join(' ');
  const name = curpGivenName(given);
  const phoneDigits = phone?.replace(/\D/gu, '');
  const city = MX_CITIES.find((c) => phoneDigits?.startsWith(`52${c.area}`)) ?? g.pick(MX_CITIES);
  const birth = birthDate(g);
  const yymmdd = birth.slice(2).replace(/-/gu, '');
  const sex = FEMININE.test(words[0]!) ? 'M' : 'H';
  const letters = `${surname[0]}${internal(surname, true)}X${name[0]}`;
  const first16 = `${letters}${yymmdd}${sex}${city.state}${internal(surname, false)}X${internal(name, false)}`;
  // The 17th character tells homonyms apart: a digit for those born before 2000, a letter after.
  const first17 = `${first16}${Number(birth.slice(0, 4)) < 2000 ? String(g.int(10)) : 'ABCDEFGHIJ'[g.int(10)]}`;
  const rfc12 = `${letters}${yymmdd}${g.pick([...'ABCDEFGHJKLMNPRSTUVWXYZ123456789'])}${g.pick([...'ABCDEFGHJKLMNPRSTUVWXYZ123456789'])}`;
  const [colonia, cp] = g.pick(city.colonias);
  const national = phoneDigits?.length === 12 ? phoneDigits.slice(2) : `${city.area}${digits(g, 8)}`;
  return {
    birthDate: birth,
    idNumber: `${first17}${curpCheckDigit(first17)}`,
    taxId: `${rfc12}${rfcCheckDigit(rfc12)}`,
    address: `${g.pick(city.streets)} ${1 + g.int(2400)}, Col. ${colonia}, C.P. ${cp}, ${city.city}`,
    phone: `+52 ${national.slice(0, 2)} ${national.slice(2, 6)} ${national.slice(6)}`,
  };
}

// ---------- Russia ----------

/** СНИЛС control number: digits weighted 9 down to 1; 100 and 101 read 00, above that mod 101. */
export function snilsCheck(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (9 - i);
  const r = sum < 100 ? sum : sum % 101;
  return pad(r === 100 ? 0 : r);
}
export const isValidSnils = (snils: string) => {
  const m = /^(\d{3})-(\d{3})-(\d{3}) (\d{2})$/u.exec(snils);
  return !!m && snilsCheck(`${m[1]}${m[2]}${m[3]}`) === m[4];
};

const INN_W1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_W2 = [3, ...INN_W1];
const innDigit = (ds: string, w: number[]) => String((w.reduce((s, k, i) => s + k * Number(ds[i]), 0) % 11) % 10);
/** An individual's 12-digit ИНН: two control digits over the first 10 and 11. */
export const innOfPerson = (ten: string) => {
  const eleven = `${ten}${innDigit(ten, INN_W1)}`;
  return `${eleven}${innDigit(eleven, INN_W2)}`;
};
export const isValidInn = (inn: string) => /^\d{12}$/u.test(inn) && innOfPerson(inn.slice(0, 10)) === inn;

/** City, its region's ОКАТО code (the passport series' and ИНН's first digits) and streets. */
const RU_CITIES: readonly [city: string, okato: string, streets: readonly string[]][] = [
  ['г. Москва', '45', ['ул. Профсоюзная', 'Ленинский пр-т', 'ул. Сретенка', 'ул. Бутырская']],
  ['г. Санкт-Петербург', '40', ['Невский пр-т', 'ул. Марата', 'Московский пр-т']],
  ['г. Казань', '92', ['ул. Баумана', 'ул. Пушкина', 'пр-т Победы']],
  ['г. Екатеринбург', '65', ['ул. Малышева', 'ул. Вайнера', 'ул. 8 Марта']],
  ['г. Новосибирск', '50', ['Красный пр-т', 'ул. Ленина', 'ул. Фрунзе']],
  ['г. Нижний Новгород', '22', ['ул. Большая Покровская', 'ул. Рождественская']],
];

function russian(phone: string | undefined, g: ReturnType<typeof generator>): DemoPerson {
  const [city, okato, streets] = g.pick(RU_CITIES);
  const birth = birthDate(g);
  // A passport is reissued at 20 and 45: the current one dates from the last of those ages reached by 2026.
  const birthYear = Number(birth.slice(0, 4));
  const issued = Math.min(2025, birthYear + (2026 - birthYear >= 45 ? 45 : 20) + g.int(2));
  const phoneDigits = phone?.replace(/\D/gu, '');
  const national =
    phoneDigits?.length === 11 && phoneDigits.startsWith('7')
      ? phoneDigits.slice(1)
      : `9${g.pick(['03', '05', '09', '12', '16', '26', '50', '63', '85'])}${digits(g, 7)}`;
  // СНИЛС numbers up to 001-001-998 carry no valid control number: start the first group at 100.
  const snils9 = `${100 + g.int(900)}${digits(g, 6)}`;
  return {
    birthDate: birth,
    idNumber: `${okato}${pad(issued % 100)} ${digits(g, 6)}`,
    taxId: innOfPerson(`${okato}${digits(g, 8)}`),
    snils: `${snils9.slice(0, 3)}-${snils9.slice(3, 6)}-${snils9.slice(6)} ${snilsCheck(snils9)}`,
    address: `${city}, ${g.pick(streets)}, д. ${1 + g.int(120)}, кв. ${1 + g.int(240)}`,
    phone: `+7 ${national.slice(0, 3)} ${national.slice(3, 6)}-${national.slice(6, 8)}-${national.slice(8)}`,
  };
}

/**
 * The demo client's personal data, the same every run for the same name. `phone`: the contact's phone
 * in the portal ("+525512345601"), kept (and its city used) so the deal and its documents agree.
 */
export function demoPerson(fullName: string, country: 'MX' | 'RU', phone?: string): DemoPerson {
  const g = generator(seedOf(`${country}|${fullName}`));
  return country === 'MX' ? mexican(fullName, phone, g) : russian(phone, g);
}
