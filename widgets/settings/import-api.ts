// The payment-file import API (server/routes/api/payment-imports, admins only): a preview writes
// nothing; an import books the file's new payments, all or nothing, and a line already booked by an
// earlier file is recognised by its content and not counted twice. The server parses the file in
// the background: POST answers 202 with the import's id, and its state is polled until it is over.
import type {
  ImportAcceptedReplyT,
  ImportBodyT,
  ImportLineReplyT,
  ImportRecordReplyT,
  ImportReplyT,
  ImportStateReplyT,
  ImportStatusT,
  LineIssueReplyT,
  LinesReplyT,
} from '../../wire/payment-imports.js';
import { ApiError, createSessionClient, type SessionClientConfig } from '../shared/session-client.js';

// The shapes are the server's wire schemas (wire/payment-imports.ts), narrowed to what the page reads.
/** The file's bytes go as application/octet-stream (never base64 in JSON: see the route), the rest in the query. */
export type ImportRequest = Omit<ImportBodyT, 'contentBase64'> & { content: Uint8Array };
/** `method`: the payment method the line is booked with ('agent_file'). */
export type ImportLine = ImportLineReplyT;
/** `summary.newTotals`: the new lines' sum per currency code; `lines`: the first page; `lineCount`: all of them. */
export type ImportResult = ImportReplyT;
export type LineIssue = LineIssueReplyT;
export type ImportStatus = ImportStatusT;
export type ImportState = Pick<ImportStateReplyT, 'importId' | 'status' | 'result' | 'refusal' | 'failure'>;

/** One past import of the portal, as the history lists it. */
export type ImportRecord = Pick<
  ImportRecordReplyT,
  'id' | 'fileName' | 'format' | 'rows' | 'newCount' | 'alreadyCount' | 'issueCount' | 'status' | 'dryRun' | 'createdAt'
>;

/** Waits between polls: short at first (a small CSV is done in a second), then every second. */
const POLL_MS = [300, 500, 1000];

export interface ImportApiOptions {
  fetchFn?: typeof fetch;
  /** Tests pass a wait that does not sleep. */
  wait?: (ms: number) => Promise<void>;
}

export function createImportApi(cfg: SessionClientConfig, opts: ImportApiOptions = {}) {
  const client = createSessionClient(cfg, opts.fetchFn);
  const wait = opts.wait ?? ((ms: number) => new Promise<void>((ok) => setTimeout(ok, ms)));
  return {
    /**
     * Sends the file (preview or import) and polls until the server is done, telling `onStatus`
     * each state on the way. A refused file rejects with ApiError 422 IMPORT_REFUSED and the issues;
     * one that failed (interrupted, busy) with ApiError 409 and the failure's code.
     */
    async run(req: ImportRequest, onStatus: (s: ImportStatus) => void = () => {}): Promise<ImportResult> {
      const q = new URLSearchParams({
        fileName: req.fileName,
        dealId: req.mapping.dealId,
        date: req.mapping.date,
        amount: req.mapping.amount,
        ...(req.mapping.reference ? { reference: req.mapping.reference } : {}),
        dateOrder: req.locale.dateOrder,
        decimalSeparator: req.locale.decimalSeparator,
        dryRun: String(req.dryRun),
      });
      const sent = await client.request<ImportAcceptedReplyT>('POST', `/api/v1/payment-imports/file?${q}`, req.content);
      onStatus(sent.status);
      for (let i = 0; ; i++) {
        await wait(POLL_MS[Math.min(i, POLL_MS.length - 1)]!);
        const s = await client.request<ImportState>('GET', `/api/v1/payment-imports/${encodeURIComponent(sent.importId)}`);
        onStatus(s.status);
        if (s.result) return s.result;
        if (s.refusal) throw new ApiError(422, 'IMPORT_REFUSED', s.refusal.message, { issues: s.refusal.issues });
        if (s.failure) throw new ApiError(409, s.failure.code, s.failure.message, {});
        if (s.status !== 'queued' && s.status !== 'parsing')
          throw new ApiError(409, 'IMPORT_GONE', `import ${s.status} without an outcome`, {});
      }
    },
    /** The next page of an import's lines, from `offset`. */
    async lines(importId: string, offset: number): Promise<Pick<LinesReplyT, 'lines' | 'lineCount'>> {
      return client.request('GET', `/api/v1/payment-imports/${encodeURIComponent(importId)}/lines?offset=${offset}`);
    },
    async history(): Promise<ImportRecord[]> {
      return (await client.request<{ imports: ImportRecord[] }>('GET', '/api/v1/payment-imports')).imports;
    },
  };
}

export type ImportApi = ReturnType<typeof createImportApi>;
