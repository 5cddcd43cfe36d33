// Deal numbers as people write them in subjects and bodies: "Сделка #456", "Solicitud 456",
// "Deal №456", "[D-456]". Reply and forward prefixes are stripped first. Pure.

const PREFIXES = /^(?:\s*(?:re|fw|fwd|aw|wg|sv|vs|rv|enc|rif|odp|pd|ynt|antw|tr|отв|ответ|пересл|r|i)\s*(?:\[\d+\])?\s*:\s*)+/i;
const NUMBER =
  /(?:#|№|(?<![\p{L}\d])(?:deal|negociaci[óo]n|solicitud|expediente|folio|сделк[аиеу]|заявк[аиеу]|d-)\s*(?:no\.?|n[°º]|#|№)?)\s*(\d{1,12})\b/giu;

export function stripSubjectPrefixes(subject: string): string {
  return subject.replace(PREFIXES, '').trim();
}

/** Every distinct deal number named in `text`, in order. */
export function dealNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const n = Number(m[1]);
    if (Number.isSafeInteger(n) && n > 0 && !out.includes(n)) out.push(n);
  }
  return out;
}
