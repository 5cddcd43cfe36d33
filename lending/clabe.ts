// CLABE (Clave Bancaria Estandarizada, Banxico): 18 digits = bank (3) + branch/plaza (3) +
// account (11) + control digit. Control digit: multiply the first 17 digits by the weights
// 3, 7, 1 repeated, keep each product mod 10, sum, and take (10 − sum mod 10) mod 10.
// Pure (no server code): the call-script engine in templates/ runs it in a widget and on the server.
// Always TEXT: as a number it loses leading zeros and digits past 2^53 (integrations.md §6.1).

const WEIGHTS = [3, 7, 1] as const;

export function clabeControlDigit(first17: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (Number(first17[i]) * (WEIGHTS[i % 3] as number)) % 10;
  return (10 - (sum % 10)) % 10;
}

export function isValidClabe(clabe: unknown): clabe is string {
  return typeof clabe === 'string' && /^\d{18}$/.test(clabe) && clabeControlDigit(clabe.slice(0, 17)) === Number(clabe[17]);
}

/** For logs and messages: bank code and last 4 only, as OpenPay shows it. */
export function maskClabe(clabe: string): string {
  return `${clabe.slice(0, 3)}${'X'.repeat(11)}${clabe.slice(-4)}`;
}
