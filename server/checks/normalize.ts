// The forms a phone or an identity-document number is compared in, so "8 (912) 345-67-89",
// "+7 912 345 67 89" and "79123456789" are one entry of a blacklist, and "45 06 123456" is the
// passport "4506123456". Pure; nothing here is logged.

export type CheckedKind = 'phone' | 'document';
export type Country = 'RU' | 'MX';

/**
 * A phone as its international digits without "+" (E.164 without the plus), or null when it cannot
 * be one. Russia: a leading 8 of an 11-digit national number is the trunk prefix (8 912… = +7 912…);
 * 10 digits are a national number. Mexico: 10 digits are national (+52); the old mobile "1" after 52
 * (+52 1 55 …, dropped in 2019) is removed so old and new forms match.
 */
export function normalizePhone(raw: string, country: Country | null): string | null {
  const trimmed = raw.trim();
  if (!/^[+\d\s().-]{5,30}$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (!trimmed.startsWith('+')) {
    if (country === 'RU' && digits.length === 11 && digits.startsWith('8')) digits = `7${digits.slice(1)}`;
    else if (country === 'RU' && digits.length === 10) digits = `7${digits}`;
    else if (country === 'MX' && digits.length === 10) digits = `52${digits}`;
  }
  if (digits.startsWith('521') && digits.length === 13) digits = `52${digits.slice(3)}`;
  return digits.length >= 8 && digits.length <= 15 ? digits : null;
}

/**
 * A document number as letters and digits only, upper case (Latin and Cyrillic letters kept: a
 * Russian birth certificate has "II-АБ"): "45 06 123456" → "4506123456", "gomc-800101-hdf" →
 * "GOMC800101HDF". Null when nothing is left or it is implausibly long.
 */
export function normalizeDocument(raw: string): string | null {
  const s = raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-ZА-ЯЁ]/g, '');
  return s.length >= 4 && s.length <= 40 ? s : null;
}

export function normalizeValue(kind: CheckedKind, raw: string, country: Country | null): string | null {
  return kind === 'phone' ? normalizePhone(raw, country) : normalizeDocument(raw);
}
