import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runUnderTsx } from './tsx-child/run-under-tsx.js';

// Guard for the class of bug behind issue 10's crash: vitest's transform gives a CommonJS package's
// every property to `import * as x` and to named imports; Node ESM under tsx (production) gives only
// what its CJS lexer detects. Every production module is imported under tsx in a child process, and
// a namespace import of a package whose module.exports has names the namespace lacks is refused —
// use the default import (`import smpp from 'smpp'`).

// They start servers or read stdin when imported (the parse worker refuses to load outside a worker
// thread; test/payment-import-under-tsx.test.ts runs it for real under tsx); what they import is
// imported through the others.
const ENTRY_POINTS = new Set([
  'server/main.ts',
  'scripts/demo.ts',
  'lending/cli.ts',
  'server/payment-files/worker/parse-worker.ts',
  'scripts/build-widgets.ts',
]);
const PRODUCTION_TREES = ['server', 'lending', 'emulator', 'placements', 'templates', 'migrations', 'scripts'];

function productionModules(): string[] {
  const files = execFileSync('git', ['ls-files', '--', ...PRODUCTION_TREES], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n');
  return files.filter(
    (f) =>
      /\.tsx?$/.test(f) &&
      !/\.test\.tsx?$|\.d\.ts$/.test(f) &&
      !ENTRY_POINTS.has(f) &&
      !/from 'vitest'/.test(readFileSync(resolve(REPO_ROOT, f), 'utf8')), // test support, run by vitest only
  );
}

function namespaceImports(files: string[]): Map<string, string[]> {
  const byPackage = new Map<string, string[]>();
  for (const f of files) {
    for (const m of readFileSync(resolve(REPO_ROOT, f), 'utf8').matchAll(/^import\s+\*\s+as\s+\w+\s+from\s+'([^'.][^']*)'/gm)) {
      const pkg = m[1]!;
      if (pkg.startsWith('node:')) continue;
      byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), f]);
    }
  }
  return byPackage;
}

describe('CommonJS packages under tsx (the runtime of npm start and npm run demo)', () => {
  it('every production module imports, and no namespace import loses names of a CommonJS package', async () => {
    const modules = productionModules();
    expect(modules.length).toBeGreaterThan(100); // the listing itself works
    const namespaces = namespaceImports(modules);
    const r = await runUnderTsx('test/tsx-child/import-all.ts', [...modules, '--', ...namespaces.keys()], 120_000);
    expect(r.code, r.stderr).toBe(0);
    const failed = r.json.filter((l) => 'error' in l);
    expect(failed).toEqual([]);
    expect(r.json.filter((l) => 'module' in l)).toHaveLength(modules.length);
    const lossy = r.json
      .filter((l) => 'package' in l && (l.hidden as string[]).length > 0)
      .map((l) => ({ package: l.package, hidden: l.hidden, importedIn: namespaces.get(l.package as string) }));
    expect(lossy).toEqual([]);
  });

  it('the check sees the smpp trap: its namespace lacks errors and ESM_CLASS', async () => {
    const r = await runUnderTsx('test/tsx-child/import-all.ts', ['--', 'smpp']);
    const hidden = r.json.find((l) => l.package === 'smpp')?.hidden as string[] | undefined;
    expect(hidden).toEqual(expect.arrayContaining(['errors', 'ESM_CLASS', 'ESME_RINVPASWD']));
  });
});
