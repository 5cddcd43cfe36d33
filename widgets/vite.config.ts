import { readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// One build for every widget folder that has a main.tsx. Each entry lands in widgets/dist/<name>/,
// code shared between widgets (preact, the SDK, lending/) in widgets/dist/shared/, and
// widgets/dist/manifest.json maps `widgets/<name>/main.tsx` to its files so placements/ can emit the
// <script>/<link> tags. There is no index.html: the server writes the page around the assets.
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

function widgetEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const d of readdirSync(here, { withFileTypes: true })) {
    if (!d.isDirectory() || d.name === 'dist' || d.name === 'shared') continue;
    const main = join(here, d.name, 'main.tsx');
    if (existsSync(main)) entries[d.name] = main;
  }
  return entries;
}

export default defineConfig({
  root,
  base: '/widgets/',
  publicDir: false,
  logLevel: 'warn',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  // luxon is pulled in by the SDK only for log dates and a date helper the frame path never uses;
  // a 1 KB stand-in keeps the tab inside its 100 KB gzip budget (see widgets/shared/luxon-lite.ts).
  resolve: { alias: { luxon: join(here, 'shared/luxon-lite.ts') } },
  build: {
    outDir: join(here, 'dist'),
    emptyOutDir: true,
    manifest: 'manifest.json',
    target: 'es2020',
    modulePreload: { polyfill: false },
    // WIDGETS_SOURCEMAP=1 for profiling (maps minified frames back to widgets/ and lending/).
    sourcemap: process.env.WIDGETS_SOURCEMAP === '1',
    reportCompressedSize: false,
    rollupOptions: {
      input: widgetEntries(),
      output: {
        entryFileNames: '[name]/[name]-[hash].js',
        chunkFileNames: 'shared/[name]-[hash].js',
        assetFileNames: '[name]/[name]-[hash][extname]',
      },
    },
  },
});
