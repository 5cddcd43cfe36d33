import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

// Runs a TypeScript file the way production runs (`node --import tsx`, Node ESM), outside vitest's
// module transform, and hands back what the process printed and how it ended.

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout lines that are JSON objects, in order. */
  json: Record<string, unknown>[];
}

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export function runUnderTsx(file: string, args: string[] = [], timeoutMs = 60_000): Promise<ChildResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', resolve(REPO_ROOT, file), ...args],
      { cwd: REPO_ROOT, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'test' } },
      (error, stdout, stderr) => {
        const json = stdout
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, signal: error?.signal ?? null, stdout, stderr, json });
      },
    );
  });
}
