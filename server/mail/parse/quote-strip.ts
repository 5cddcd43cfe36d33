// Splits a reply's text into what the sender wrote now and what they quoted, for the clients bank
// staff use (Gmail, Outlook, Apple Mail, Yandex, Mail.ru) in ru/es/en. Only `fresh` may carry a
// decision; `quoted` is kept so the verdict can say "the approval is only in the quoted text".
// Pure: text in, text out. HTML bodies arrive here already as text (mailparser turns <blockquote>
// into "> " lines and Outlook's header table into "De: … Enviado el: …" lines).

export interface SplitReply {
  fresh: string;
  quoted: string;
  /** The boundary was a forward ("Forwarded message", "Begin forwarded message", Outlook's block on a Fw:). */
  forwarded: boolean;
  /** Which rule cut the text, for the review queue's "what was understood". */
  boundary: string | null;
}

// One line each; matched against a line, or a line joined with the next (Gmail wraps long attributions).
const ATTRIBUTION: [string, RegExp][] = [
  ['en-wrote', /^on\b.{4,250}\bwrote:?\s*$/i],
  ['es-escribio', /^el\b.{4,250}\bescribi[óo]:?\s*$/i],
  ['ru-gmail', /^(пн|вт|ср|чт|пт|сб|вс)\.?,?\s.{4,250}\sв\s\d{1,2}:\d{2}.{0,250}:\s*$/i],
  ['ru-wrote', /^.{4,250}\sнаписал(?:\(а\)|а)?:\s*$/i],
  ['ru-yandex', /^\d{1,2}\.\d{1,2}\.\d{2,4},\s\d{1,2}:\d{2},\s.{1,250}:\s*$/],
  ['ru-mailru', /^.{0,80}\d{1,2}:\d{2}(?:\s?[+-]\d{2}:?\d{2})?\s+от\s.{1,250}:\s*$/i],
  ['de-schrieb', /^am\b.{4,250}\bschrieb.{0,80}:\s*$/i],
];

const FORWARD =
  /^[\s>]*(?:-{2,}\s*(?:forwarded message|mensaje reenviado|пересылаемое сообщение|переслан\S* сообщение|original message|mensaje original|исходное сообщение)\s*-{2,}|begin forwarded message:|inicio del mensaje reenviado:|начало переадресованного сообщения:)\s*$/i;
const ORIGINAL = /^[\s>]*-{2,}\s*(?:original message|mensaje original|исходное сообщение|original nachricht)\s*-{2,}\s*$/i;
const RULE = /^\s*_{10,}\s*$/;
const HEADER_FROM = /^[\s*]*(?:from|de|от|von)\s?:\*?\s?\S/i;
const HEADER_SENT = /^[\s*]*(?:sent|enviado(?: el)?|fecha|date|отправлено|дата|gesendet|to|para|кому|subject|asunto|тема)\s?:/i;

const SIGNATURE = [
  /^--\s?$/,
  /^(?:best|kind|warm)?\s*regards,?\s*$/i,
  /^(?:thanks|thank you)(?: and regards)?,?\s*$/i,
  /^(?:saludos(?: cordiales)?|atentamente|un saludo|cordialmente|quedo a sus órdenes),?\s*$/i,
  /^с\s+уважением.{0,40}$/i,
  /^(?:sent from my|enviado desde mi|отправлено с|отправлено из|get outlook for|obtener outlook para)\b/i,
];

const DISCLAIMER = [
  /^\W*(?:confidential(?:ity)?(?: notice)?|disclaimer|this e-?mail(?: message)? and any attach)/i,
  /^\W*(?:aviso de confidencialidad|este (?:correo|mensaje)(?: electr[óo]nico)? (?:y sus anexos|es confidencial|contiene))/i,
  /^\W*(?:конфиденциально|данное (?:сообщение|письмо)|это (?:сообщение|письмо) (?:и любые|содержит))/i,
];

export function splitReply(text: string): SplitReply {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u202f]/g, ' ')
    .split('\n');
  const cut = findBoundary(lines);
  const freshLines = cut ? lines.slice(0, cut.at) : lines;
  const quoted = cut ? lines.slice(cut.at).join('\n').trim() : '';
  return { fresh: trimSignature(freshLines).join('\n').trim(), quoted, forwarded: cut?.forwarded ?? false, boundary: cut?.rule ?? null };
}

function findBoundary(lines: string[]): { at: number; rule: string; forwarded: boolean } | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const next = (lines[i + 1] ?? '').trim();
    if (FORWARD.test(line)) return { at: i, rule: ORIGINAL.test(line) ? 'original-message' : 'forward', forwarded: !ORIGINAL.test(line) };
    if (line.startsWith('>')) return { at: backOverAttribution(lines, i), rule: 'quote-marks', forwarded: false };
    for (const [rule, re] of ATTRIBUTION) {
      if (re.test(line)) return { at: i, rule, forwarded: false };
      // Gmail wraps a long attribution, sometimes right before the address's closing ">:".
      const wrapped = next && (!next.startsWith('>') || /^>\s*:$/.test(next));
      if (line && wrapped && re.test(`${line}${next.startsWith('>') ? '' : ' '}${next}`) && !re.test(next))
        return { at: i, rule, forwarded: false };
    }
    if ((RULE.test(line) && HEADER_FROM.test(next)) || (HEADER_FROM.test(line) && headerBlockFollows(lines, i)))
      return { at: i, rule: 'outlook-header', forwarded: false }; // Outlook writes the same block on Fw: — the subject tells
  }
  return null;
}

/** "On … wrote:" sits just above the "> " lines; include it (and a blank between) in the quote. */
function backOverAttribution(lines: string[], i: number): number {
  let j = i - 1;
  while (j >= 0 && lines[j]!.trim() === '') j--;
  if (j >= 0 && /[:：]\s*$/.test(lines[j]!) && /\d{1,2}:\d{2}|wrote|escribi|написал|@/.test(lines[j]!)) {
    // A wrapped attribution takes two lines.
    if (j > 0 && lines[j - 1]!.trim() && /\d{1,2}:\d{2}|^on |^el /i.test(lines[j - 1]!)) return j - 1;
    return j;
  }
  return i;
}

function headerBlockFollows(lines: string[], i: number): boolean {
  let seen = 0;
  for (let k = i + 1; k < Math.min(lines.length, i + 5); k++) if (HEADER_SENT.test(lines[k]!)) seen++;
  return seen >= 1;
}

function trimSignature(lines: string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (SIGNATURE.some((re) => re.test(line)) || DISCLAIMER.some((re) => re.test(line))) return lines.slice(0, i);
  }
  return lines;
}
