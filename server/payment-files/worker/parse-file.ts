import { mapLines } from '../parse/map-lines.js';
import { readTable } from '../parse/read-table.js';
import type { ParsedFile, ParseJob } from './messages.js';

/**
 * readTable, then mapLines — the whole parse, in whichever thread calls it. No currency scale is
 * given to mapLines: the loans are not read yet when the file is mapped, so amounts are read at its
 * default scale and the import's check-lines re-checks each one against its loan's currency.
 */
export async function parseFile(job: ParseJob): Promise<ParsedFile> {
  const table = await readTable({ fileName: job.fileName, content: Buffer.from(job.content) });
  return { table: { format: table.format, rowCount: table.rows.length }, ...mapLines(table, job.mapping, job.locale) };
}
