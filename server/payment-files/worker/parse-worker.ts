// Worker-thread entry (worker-pool.ts starts one per file): reads one agent file and maps its lines,
// off the request thread — exceljs holds a whole workbook in memory and parses it synchronously for
// seconds, which on the main thread stalled every request (health checks included). The thread runs
// under V8 heap limits and is terminated on a timeout by the pool; it touches no database.
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../errors.js';
import { parseFile } from './parse-file.js';
import type { ParseJob, ParseReply } from './messages.js';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread');

port.once('message', (job: ParseJob) => {
  parseFile(job).then(
    (ok) => port.postMessage({ ok } satisfies ParseReply),
    (e: unknown) => {
      const error = isAppError(e)
        ? {
            code: e.code,
            message: e.message,
            ...(e.userMessage === undefined ? {} : { userMessage: e.userMessage }),
            ...(e.details ? { details: e.details } : {}),
          }
        : // Never the exception's text: it may quote the file's content.
          { code: 'INTERNAL' as const, message: e instanceof Error ? e.name : 'worker error' };
      port.postMessage({ error } satisfies ParseReply);
    },
  );
});
