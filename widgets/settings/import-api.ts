// The payment-file import API (server/routes/api/payment-imports, admins only): a preview writes
// nothing; an import books the file's new payments, all or nothing, and a line already booked by an
// earlier file is recognised by its content and not counted twice.
import { createSessionClient, type SessionClientConfig } from '../shared/session-client.js';

export interface ImportRequest {
  fileName: string;
  contentBase64: string;
  mapping: { dealId: string; date: string; amount: string; reference?: string };
  locale: { dateOrder: 'dmy' | 'mdy' | 'iso'; decimalSeparator: ',' | '.' };
  dryRun: boolean;
}

export interface ImportLine {
  line: number;
  dealId: number;
  date: string;
  amount: string;
  reference: string | null;
  status: 'new' | 'already' | 'booked';
}

export interface ImportResult {
  importId: string;
  dryRun: boolean;
  /** newTotals: the new lines' sum per currency code, decimal strings. */
  summary: { rows: number; new: number; alreadyImported: number; newTotals: Record<string, string> };
  lines: ImportLine[];
}

export interface LineIssue {
  line: number;
  column?: string;
  code: string;
  message: string;
}

export function createImportApi(cfg: SessionClientConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  return {
    /** The same request previews (dryRun) or imports; the server answers 422 IMPORT_REFUSED with the issues. */
    run(req: ImportRequest): Promise<ImportResult> {
      return client.request<ImportResult>('POST', '/api/v1/payment-imports', req);
    },
  };
}

export type ImportApi = ReturnType<typeof createImportApi>;
