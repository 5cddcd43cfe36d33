import { MAX_FILE_BYTES } from '../parse/limits.js';
import { mapLines } from '../parse/map-lines.js';
import { readTable } from '../parse/read-table.js';
import type { PaymentFileParser } from './parser-port.js';

/**
 * The real parser. No currency scale is given to mapLines: the loans are not read yet when the
 * file is mapped, so amounts are read at its default scale and check-lines re-checks each one
 * against its loan's currency.
 */
export const paymentFileParser: PaymentFileParser = {
  maxFileBytes: MAX_FILE_BYTES,
  async parse(file, mapping, locale) {
    const table = await readTable(file);
    return { table, ...mapLines(table, mapping, locale) };
  },
};
