// Which built files make up a widget, from its Vite manifest (widgets/dist/<name>/manifest.json,
// see widgets/vite.config.ts). The entry key is `widgets/<name>/main.tsx`; chunks are followed
// through `imports`.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface WidgetAssets {
  scripts: string[];
  preloads: string[];
  styles: string[];
}

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

type Manifest = Record<string, ManifestChunk>;

export function createAssetResolver(distDir: string, publicPrefix = '/widgets/') {
  const cache = new Map<string, { mtimeMs: number; manifest: Manifest }>();
  const load = (widget: string): Manifest => {
    const path = join(distDir, widget, 'manifest.json');
    // Re-read when a rebuild replaced the manifest (dev, tests); one stat per page otherwise.
    const mtimeMs = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined) throw new Error(`widget ${widget} is not built (run npm run build:widgets)`);
    const hit = cache.get(widget);
    if (hit && hit.mtimeMs === mtimeMs) return hit.manifest;
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    cache.set(widget, { mtimeMs, manifest });
    return manifest;
  };
  /** `lang`: also preload that language's dictionary chunk (`…/i18n/<lang>.ts`), which the entry imports on demand. */
  return function assetsFor(widget: string, lang?: string): WidgetAssets {
    const manifest = load(widget);
    const entry = manifest[`widgets/${widget}/main.tsx`];
    if (!entry) throw new Error(`widget ${widget} is not built (run npm run build:widgets)`);
    const styles = new Set<string>();
    const preloads = new Set<string>();
    const seen = new Set<string>();
    const walk = (key: string, chunk: ManifestChunk): void => {
      if (seen.has(key)) return;
      seen.add(key);
      for (const c of chunk.css ?? []) styles.add(publicPrefix + c);
      for (const imp of chunk.imports ?? []) {
        const dep = manifest[imp];
        if (!dep) continue;
        preloads.add(publicPrefix + dep.file);
        walk(imp, dep);
      }
    };
    walk(`widgets/${widget}/main.tsx`, entry);
    // Fetched with the entry instead of after it has run: one round trip less before the first render.
    const dict = lang ? entry.dynamicImports?.find((k) => k.endsWith(`/i18n/${lang}.ts`)) : undefined;
    const dictFile = dict ? manifest[dict]?.file : undefined;
    if (dictFile) preloads.add(publicPrefix + dictFile);
    return { scripts: [publicPrefix + entry.file], preloads: [...preloads], styles: [...styles] };
  };
}

/** Every file a widget loads up front, relative to distDir (for the bundle-size bench). */
export function widgetFiles(distDir: string, widget: string): string[] {
  const a = createAssetResolver(distDir, '')(widget);
  return [...a.scripts, ...a.preloads, ...a.styles];
}

/** Files the entry loads on demand (e.g. one language dictionary), relative to distDir. */
export function widgetLazyFiles(distDir: string, widget: string): string[] {
  const manifest = JSON.parse(readFileSync(join(distDir, widget, 'manifest.json'), 'utf8')) as Manifest;
  const entry = manifest[`widgets/${widget}/main.tsx`];
  return (entry?.dynamicImports ?? []).map((k) => manifest[k]?.file).filter((f): f is string => f !== undefined);
}
