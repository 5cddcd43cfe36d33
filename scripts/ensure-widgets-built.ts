// `npm run demo` serves the widgets' built bundles (widgets/dist/, what production serves and the
// bench measures), and a fresh clone has none: its Loan tab answered {"error":"INTERNAL"}. So the
// demo builds them at start when they are missing or were built from other sources. Staleness is a
// hash of the sources a bundle can contain (widgets/, lending/, templates/ and the lockfile), kept
// beside the output — mtimes are not trusted, a checkout or a copy rewrites them all.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'vite';

const SOURCE_TREES = ['widgets', 'lending', 'wire', 'templates'];
const SOURCE_FILES = ['package-lock.json'];
const SKIP_DIRS = new Set(['dist', 'node_modules']);
const STAMP = '.sources-sha256';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.isDirectory()) return SKIP_DIRS.has(d.name) ? [] : filesUnder(join(dir, d.name));
    return d.isFile() ? [join(dir, d.name)] : [];
  });
}

/** sha256 over every source file's path and content, in a stable order. */
export function widgetSourcesHash(root: string): string {
  const files = [...SOURCE_TREES.flatMap((t) => filesUnder(join(root, t))), ...SOURCE_FILES.map((f) => join(root, f))]
    .filter((f) => existsSync(f))
    .map((f) => relative(root, f))
    .sort();
  const hash = createHash('sha256');
  for (const f of files)
    hash
      .update(f)
      .update('\0')
      .update(readFileSync(join(root, f)))
      .update('\0');
  return hash.digest('hex');
}

function widgetNames(root: string): string[] {
  const dir = join(root, 'widgets');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !SKIP_DIRS.has(d.name) && existsSync(join(dir, d.name, 'main.tsx')))
    .map((d) => d.name);
}

export type WidgetsBuild = 'fresh' | 'built';

/** Builds widgets/dist/ unless every widget's manifest is there and was built from these sources. */
export async function ensureWidgetsBuilt(root: string, log: (line: string) => void = () => undefined): Promise<WidgetsBuild> {
  const dist = join(root, 'widgets', 'dist');
  const stampFile = join(dist, STAMP);
  const hash = widgetSourcesHash(root);
  const complete = widgetNames(root).every((w) => existsSync(join(dist, w, 'manifest.json')));
  if (complete && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash) return 'fresh';
  log(complete ? 'Widget sources changed since the last build: rebuilding widgets/dist/ …' : 'Building the widgets (first start) …');
  // The config builds every widget and empties dist/ first; the promise settles after the last one.
  await build({ configFile: join(root, 'widgets', 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stampFile, `${hash}\n`);
  return 'built';
}
