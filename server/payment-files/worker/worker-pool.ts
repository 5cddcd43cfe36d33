// The payment-file parser as the import uses it (parser-port.ts), backed by worker threads: each
// file is parsed in a fresh thread (parse-worker.ts) with a V8 heap limit and a time limit, at most
// `threads` at once, `queueLimit` more waiting. A fresh thread per file costs ~0.3 s of start-up but
// gives every file a clean heap and lets a timeout simply terminate it — nothing to reset.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors.js';
import type { ParseHooks, PaymentFileParser } from '../import/parser-port.js';
import { MAX_FILE_BYTES } from '../parse/limits.js';
import type { ColumnMapping, FileLocale, PaymentFile } from '../types.js';
import type { ParsedFile, ParseJob, ParseReply, SentError } from './messages.js';

export interface ParsePoolOptions {
  /** Files parsed at the same time, one thread each. */
  threads: number;
  /** Files waiting for a thread; one more is refused (429 IMPORTS_BUSY) before anything is stored. */
  queueLimit: number;
  /** A parse running longer is terminated and the file refused (FILE_PARSE_TIMEOUT). */
  timeoutMs: number;
  /** V8 old-generation heap of a parse thread; over it the file is refused (FILE_TOO_COMPLEX). */
  memoryMb: number;
}

export interface ParsePool extends PaymentFileParser {
  /** Whether a file sent now would be taken (running + waiting below the limits). */
  hasRoom(): boolean;
  /** Terminates the running parses and refuses the waiting ones (server shutdown). */
  close(): Promise<void>;
}

interface Task {
  job: ParseJob;
  hooks: ParseHooks | undefined;
  resolve: (r: ParsedFile) => void;
  reject: (e: unknown) => void;
}

// Production runs the sources under tsx (`npm start` = `tsx server/main.ts`), and a worker thread
// does not inherit tsx's loader: on Node 20 neither the parent's hooks nor `execArgv: ['--import',
// 'tsx']` reach a .ts entry point (ERR_UNKNOWN_FILE_EXTENSION). So a .ts entry is started from a
// tiny CommonJS bootstrap that registers tsx's ESM hooks in the thread first (tsx/esm/api, resolved
// from this file, so the server's working directory does not matter). Compiled .js needs nothing.
const WORKER_URL = new URL(`./parse-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

function workerEntry(): { entry: string | URL; eval: boolean } {
  if (!WORKER_URL.pathname.endsWith('.ts')) return { entry: WORKER_URL, eval: false };
  const tsxApi = tsxEsmApiUrl();
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return { entry: boot, eval: true };
}

/** tsx's ESM api file (its "import" export; require.resolve would give the CommonJS one). */
function tsxEsmApiUrl(): string {
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import?: { default?: string } } | string> };
  const api = pkg.exports['./esm/api'];
  const file = typeof api === 'object' ? api.import?.default : undefined;
  if (!file) throw new Error('tsx has no ./esm/api import export');
  return pathToFileURL(join(dirname(pkgPath), file)).href;
}

/**
 * A parse thread stopped at its heap limit (or terminated at its time limit) while V8 optimised its
 * code on a background thread aborted the WHOLE process on Node 20 (node_platform.cc "Assertion
 * failed: (data.first) != nullptr" from OptimizingCompileDispatcher): a hostile file could take the
 * server down. Seen in 5 of 8 runs of 60 out-of-heap parses; with concurrent recompilation off, in
 * none of 6 such runs (test/parse-pool-oom-under-tsx.test.ts fails 3 of 3 without it). The flag is
 * process-wide: the server's own hot code is
 * then optimised on the main thread, a small cost beside a crash.
 */
function keepThreadDeathsContained(): void {
  setFlagsFromString('--no-concurrent-recompilation');
}

export function createParsePool(opts: ParsePoolOptions): ParsePool {
  keepThreadDeathsContained();
  const waiting: Task[] = [];
  const running = new Set<Worker>();
  let closed = false;

  function next(): void {
    while (!closed && running.size < opts.threads && waiting.length > 0) start(waiting.shift()!);
  }

  function start(task: Task): void {
    const { entry, eval: isEval } = workerEntry();
    const worker = new Worker(entry, {
      eval: isEval,
      resourceLimits: { maxOldGenerationSizeMb: opts.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      // The file's lines never go to the server's log through the thread's stdout/stderr.
      stdout: true,
      stderr: true,
    });
    running.add(worker);
    task.hooks?.onStart?.();
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      running.delete(worker);
      void worker.terminate();
      fn();
      next();
    };
    const timer = setTimeout(() => settle(() => task.reject(parseTimeout(opts.timeoutMs))), opts.timeoutMs);
    worker.once('message', (reply: ParseReply) =>
      settle(() => ('ok' in reply ? task.resolve(reply.ok) : task.reject(rebuild(reply.error)))),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() => task.reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex(opts.memoryMb) : internal(err))),
    );
    worker.once('exit', (code) => settle(() => task.reject(closed ? shuttingDown() : internal(new Error(`parse thread exited ${code}`)))));
    worker.postMessage(task.job, [task.job.content]);
  }

  return {
    maxFileBytes: MAX_FILE_BYTES,
    hasRoom: () => !closed && running.size + waiting.length < opts.threads + opts.queueLimit,
    parse(file: PaymentFile, mapping: ColumnMapping, locale: FileLocale, hooks?: ParseHooks): Promise<ParsedFile> {
      return new Promise<ParsedFile>((resolve, reject) => {
        if (closed) return reject(shuttingDown());
        if (running.size + waiting.length >= opts.threads + opts.queueLimit) return reject(busy());
        // A copy of exactly the file's bytes (a small Buffer may sit inside a shared pool), moved
        // to the thread without a second copy.
        const content = new Uint8Array(file.content).buffer;
        waiting.push({ job: { fileName: file.fileName, content, mapping, locale }, hooks, resolve, reject });
        next();
      });
    },
    async close() {
      closed = true;
      for (const t of waiting.splice(0)) t.reject(shuttingDown());
      await Promise.all([...running].map((w) => w.terminate()));
    },
  };
}

function rebuild(e: SentError): AppError {
  return new AppError(e.code, e.message, e.userMessage, e.details);
}

export function busy(): AppError {
  return new AppError('IMPORTS_BUSY', 'payment-file parse queue full', undefined);
}

function parseTimeout(timeoutMs: number): AppError {
  const s = Math.round(timeoutMs / 1000);
  return new AppError(
    'FILE_PARSE_TIMEOUT',
    `parse took over ${timeoutMs} ms`,
    { key: 'FILE_READ_TIMEOUT', params: { seconds: s } },
    { timeoutMs },
  );
}

function tooComplex(memoryMb: number): AppError {
  return new AppError('FILE_TOO_COMPLEX', `parse thread over its ${memoryMb} MB heap`, { key: 'FILE_NEEDS_MEMORY' }, { memoryMb });
}

function internal(err: Error): AppError {
  return new AppError('INTERNAL', `parse thread failed: ${err.name}`);
}

function shuttingDown(): AppError {
  return new AppError('NOT_READY', 'server shutting down', { key: 'SERVER_RESTARTING' });
}
