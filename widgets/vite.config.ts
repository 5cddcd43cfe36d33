import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
import { widgetAliases } from './build-aliases.js';

// Every widget folder with a main.tsx is built on its own, so each bundle is self-contained (no
// chunks shared between widgets: a tab's budget is what the browser downloads for that tab).
// `vite build --config widgets/vite.config.ts` builds the first widget and then, from closeBundle,
// the others (mode = widget name). Output: widgets/dist/<name>/<name>-<hash>.js|css, its chunks and
// widgets/dist/<name>/manifest.json, which placements/ reads to write the <script>/<link> tags.
// There is no index.html: the server writes the page around the assets.
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const configFile = fileURLToPath(import.meta.url);

function widgetNames(): string[] {
  return readdirSync(here, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'dist' && d.name !== 'shared' && existsSync(join(here, d.name, 'main.tsx')))
    .map((d) => d.name)
    .sort();
}

/** After the first widget, build the rest one by one (each a separate Rollup graph). */
function buildOtherWidgets(others: string[]): Plugin {
  return {
    name: 'build-other-widgets',
    apply: 'build',
    async closeBundle() {
      await Promise.all(others.map((name) => build({ configFile, mode: name, logLevel: 'warn' })));
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  const all = widgetNames();
  const isWidgetMode = all.includes(mode);
  const widget = isWidgetMode ? mode : all[0];
  if (!widget) throw new Error('no widgets/<name>/main.tsx to build');
  return {
    root,
    base: '/widgets/',
    publicDir: false,
    logLevel: 'warn',
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // Lighter stand-ins for two SDK dependencies (see widgets/build-aliases.ts).
    resolve: { alias: widgetAliases },
    plugins: isWidgetMode ? [] : [buildOtherWidgets(all.slice(1))],
    build: {
      outDir: join(here, 'dist'),
      // Only the first build of a run clears dist/; the others add their folders.
      emptyOutDir: !isWidgetMode,
      manifest: `${widget}/manifest.json`,
      target: 'es2020',
      modulePreload: { polyfill: false },
      // WIDGETS_SOURCEMAP=1 for profiling (maps minified frames back to widgets/ and lending/).
      sourcemap: process.env.WIDGETS_SOURCEMAP === '1',
      reportCompressedSize: false,
      rollupOptions: {
        input: { [widget]: join(here, widget, 'main.tsx') },
        output: {
          entryFileNames: `${widget}/[name]-[hash].js`,
          chunkFileNames: `${widget}/[name]-[hash].js`,
          assetFileNames: `${widget}/[name]-[hash][extname]`,
        },
      },
    },
  };
});
