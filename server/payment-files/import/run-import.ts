import { createHash } from 'node:crypto';
import { AppError, isAppError } from '../../errors.js';
import type { Executor } from '../../db/executor.js';
import { isoDay, type Actor, type LoanDeps } from '../../loans/operations/deps.js';
import { uuidv7 } from '../../security/uuidv7.js';
import type { ColumnMapping, FileLocale, LineIssue, PaymentFile, PaymentLine } from '../types.js';
import type { TableShape } from '../worker/messages.js';
import { applyLines, IMPORT_METHOD, type RegisterFn } from './apply-lines.js';
import { checkLines } from './check-lines.js';
import type { PaymentFileParser } from './parser-port.js';
import { saveOutcome, type ImportLine, type ImportOutcome, type ImportRecord, type ImportResult } from './import-repo.js';
import { totalsByCurrency } from './summary.js';
import type { ImportStatus } from './tables.js';

export interface ImportRequest {
  file: PaymentFile;
  mapping: ColumnMapping;
  locale: FileLocale;
  dryRun: boolean;
  /** The import's row when it was queued first (import-queue.ts); a new id otherwise. */
  importId?: string;
  /** Told when the file's parse starts (it may wait for a parse thread first). */
  onParseStart?: () => void;
}

export interface ImportDeps {
  parser: PaymentFileParser;
  loan: LoanDeps;
  /** registerPayment, or a wrapper around it (tests make it fail halfway). */
  register?: RegisterFn;
}

export type { ImportLine, ImportResult };

/**
 * Previews or applies one payment file, all or nothing: the file is read and mapped, every line is
 * checked against the portal's loans, and if ANY line has an issue the whole file is refused with
 * the full list (422 IMPORT_REFUSED) and no payment is written. Otherwise a dry run only reports,
 * and an apply books each new line (see applyLines for a crash halfway). Every outcome is recorded,
 * over the import's queued row when it has one.
 */
export async function runImport(db: Executor, portalId: string, req: ImportRequest, actor: Actor, deps: ImportDeps): Promise<ImportResult> {
  const { file } = req;
  if (file.content.length > deps.parser.maxFileBytes) throw fileTooLarge(deps.parser.maxFileBytes);
  const importId = req.importId ?? uuidv7(deps.loan.now().getTime());
  const createdAt = deps.loan.now().toISOString();
  const fileSha256 = createHash('sha256').update(file.content).digest('hex');
  const record = (
    status: ImportStatus,
    rest: Pick<ImportRecord, 'format' | 'rows' | 'newCount' | 'alreadyCount' | 'issueCount'>,
    outcome: ImportOutcome,
  ) =>
    saveOutcome(
      db,
      portalId,
      {
        id: importId,
        fileName: file.fileName,
        fileSha256,
        status,
        createdBy: actor.userId,
        createdAt,
        dryRun: req.dryRun,
        updatedAt: deps.loan.now().toISOString(),
        ...rest,
      },
      outcome,
    );

  const read = await readLines(req, deps.parser);
  const format = read.table?.format ?? 'unknown';
  const rows = read.table?.rowCount ?? 0;
  // The lines that did map are checked too, so one answer lists every problem of the file.
  const check = await checkLines(db, portalId, read.lines, { today: isoDay(deps.loan.now()), mapping: req.mapping });
  const { checked } = check;
  const issues = [...read.issues, ...check.issues];
  if (issues.length > 0) {
    const refusal = refused(importId, issues);
    await record(
      'refused',
      { format, rows, newCount: 0, alreadyCount: 0, issueCount: issues.length },
      { refusal: { message: refusal.textFor('en'), issues: sortedIssues(issues) } },
    );
    throw refusal;
  }

  const statuses = req.dryRun
    ? checked.map((c) => c.status)
    : await applyLines(db, portalId, checked, {
        fileName: file.fileName,
        actor,
        deps: deps.loan,
        ...(deps.register ? { register: deps.register } : {}),
      });
  const lines = checked.map((c, i) => ({ ...c, status: statuses[i]! }));
  const fresh = lines.filter((l) => l.status !== 'already');
  const result: ImportResult = {
    importId,
    dryRun: req.dryRun,
    summary: { rows, new: fresh.length, alreadyImported: lines.length - fresh.length, newTotals: totalsByCurrency(fresh) },
    lines: lines.map((l) => ({
      line: l.line,
      dealId: l.dealId,
      date: l.date,
      amount: l.amount,
      reference: l.reference,
      method: IMPORT_METHOD,
      status: l.status,
    })),
  };
  await record(
    req.dryRun ? 'previewed' : 'applied',
    { format, rows, newCount: fresh.length, alreadyCount: lines.length - fresh.length, issueCount: 0 },
    { result },
  );
  return result;
}

export function fileTooLarge(maxBytes: number): AppError {
  return new AppError(
    'FILE_TOO_LARGE',
    `payment file over ${maxBytes} bytes`,
    { key: 'FILE_OVER_KB', params: { kb: Math.floor(maxBytes / 1024) } },
    { maxBytes },
  );
}

/**
 * The file as lines, or the issues that stop it; a file the parser cannot read is an issue of line 0.
 * The parser bounds the work (size, rows, columns: parse/limits.ts), so the lines here are bounded too.
 */
async function readLines(
  req: ImportRequest,
  parser: PaymentFileParser,
): Promise<{ table: TableShape | null; lines: PaymentLine[]; issues: LineIssue[] }> {
  try {
    const hooks = req.onParseStart ? { onStart: req.onParseStart } : undefined;
    const { table, lines, issues } = await parser.parse(req.file, req.mapping, req.locale, hooks);
    if (lines.length === 0 && issues.length === 0) issues.push({ line: 0, code: 'NO_LINES', message: 'The file has no payment lines' });
    return { table, lines, issues };
  } catch (e) {
    // Not a problem of the file: too big, or no room to parse it now (send it again).
    if (!isAppError(e) || e.status >= 500 || e.status === 413 || e.status === 429) throw e;
    return { table: null, lines: [], issues: [{ line: 0, code: e.code, message: e.textFor('en') }] };
  }
}

function sortedIssues(issues: readonly LineIssue[]): LineIssue[] {
  return [...issues].sort((a, b) => a.line - b.line);
}

function refused(importId: string, issues: LineIssue[]): AppError {
  const sorted = sortedIssues(issues);
  const n = sorted.length;
  return new AppError(
    'IMPORT_REFUSED',
    `payment file refused: ${n} issue(s)`,
    { key: 'IMPORT_LINES_REFUSED', params: { count: n } },
    { importId, issues: sorted },
  );
}
