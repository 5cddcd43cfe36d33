// Optional per-template transliteration, so a message can stay GSM-7 (160/153 per part) instead
// of UCS-2 (70/67).

export type Transliteration = 'es' | 'ru' | false;

// Spanish: the usual lossy 7-bit fold of the accented vowels that are NOT in GSM 03.38.
// ñ Ñ ü Ü é É ¿ ¡ à are in the basic table and are kept. Small ç is folded too (only capital Ç
// is in our GSM table, see gsm7-alphabet.ts); ª º have no GSM form.
const ES: Readonly<Record<string, string>> = {
  á: 'a',
  í: 'i',
  ó: 'o',
  ú: 'u',
  Á: 'A',
  Í: 'I',
  Ó: 'O',
  Ú: 'U',
  â: 'a',
  ê: 'e',
  î: 'i',
  ô: 'o',
  û: 'u',
  ï: 'i',
  ë: 'e',
  ã: 'a',
  õ: 'o',
  À: 'A',
  È: 'E',
  Ì: 'I',
  Ò: 'O',
  Ù: 'U',
  ç: 'c',
  ª: 'a',
  º: 'o',
};

// Russian: the passport scheme of ICAO Doc 9303 Part 3 (§6, "Transliteration of Multinational
// Characters"), used in Russian international passports since 2014 (FMS order No. 320 of
// 15.10.2012). Chosen over GOST 7.79-2000 system B because B writes ъ ь ы э as "``" "`" "y`" "e`"
// and the backtick is not in GSM 03.38 (it would force UCS-2 again), and B's х→"x", ц→"cz" read
// badly to borrowers. ICAO omits ь; ъ→"ie". № → "No" (seen in contract numbers).
const RU: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function transliterateRu(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '№') {
      out += 'No';
      continue;
    }
    const lower = ch.toLowerCase();
    const latin = RU[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    if (!isUpper(ch) || latin === '') {
      out += latin;
      continue;
    }
    // ЩУКА → SHCHUKA but Щука → Shchuka: all caps when a neighbouring letter is capital too.
    const shout = latin.length > 1 && (isUpper(chars[i + 1]) || (isUpper(chars[i - 1]) && !/\p{L}/u.test(chars[i + 1] ?? '')));
    out += shout ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

function transliterateEs(text: string): string {
  let out = '';
  for (const ch of text) out += ES[ch] ?? ch;
  return out;
}

export function transliterate(text: string, mode: Transliteration): string {
  if (mode === 'es') return transliterateEs(text);
  if (mode === 'ru') return transliterateRu(text);
  return text;
}
