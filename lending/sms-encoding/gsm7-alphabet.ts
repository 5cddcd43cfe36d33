// GSM 03.38 / 3GPP TS 23.038 default alphabet, as Android's GsmAlphabet and the npm `smpp` package
// use it. Index = septet value. 0x09 is CAPITAL Ç here (the ETSI drawing and what handsets show);
// Unicode's GSM0338.TXT maps it to small ç instead, so we treat small ç as outside the alphabet
// (it forces UCS-2, or folds to "c" under Spanish transliteration) rather than risk a wrong glyph.
// 0x1B is the escape to the extension table and is never produced from text.
export const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** Extension table: character → septet that follows ESC (0x1B). Each costs 2 septets. */
export const GSM7_EXTENSION: ReadonlyMap<string, number> = new Map([
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
]);

export const GSM7_ESCAPE = 0x1b;

const basicIndex = new Map<string, number>();
for (let i = 0; i < GSM7_BASIC.length; i++) {
  const ch = GSM7_BASIC[i] as string;
  if (i !== GSM7_ESCAPE) basicIndex.set(ch, i);
}
const extensionByCode = new Map<number, string>([...GSM7_EXTENSION].map(([ch, code]) => [code, ch]));

/** Septets one character costs in GSM-7: 1 (basic), 2 (extension) or undefined (not encodable). */
export function gsm7Cost(ch: string): 1 | 2 | undefined {
  if (basicIndex.has(ch)) return 1;
  if (GSM7_EXTENSION.has(ch)) return 2;
  return undefined;
}

/** Unpacked septets (one per octet), as SMPP's data_coding 0 carries them. Throws on a non-GSM character. */
export function encodeGsm7(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const basic = basicIndex.get(ch);
    if (basic !== undefined) {
      out.push(basic);
      continue;
    }
    const ext = GSM7_EXTENSION.get(ch);
    if (ext === undefined) throw new RangeError(`Character U+${ch.codePointAt(0)?.toString(16).toUpperCase()} is not in GSM 03.38`);
    out.push(GSM7_ESCAPE, ext);
  }
  return Uint8Array.from(out);
}

/** Inverse of encodeGsm7. An unknown escape sequence shows as a space, as handsets do. */
export function decodeGsm7(septets: Uint8Array): string {
  let s = '';
  for (let i = 0; i < septets.length; i++) {
    const b = septets[i] as number;
    if (b === GSM7_ESCAPE) {
      i++;
      s += extensionByCode.get(septets[i] ?? -1) ?? ' ';
      continue;
    }
    s += GSM7_BASIC[b & 0x7f] ?? ' ';
  }
  return s;
}
