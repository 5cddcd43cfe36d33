// Which built files make up a widget, from Vite's manifest (widgets/dist/manifest.json). The entry
// key is `widgets/<name>/main.tsx`; shared chunks are followed through `imports`.
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
  isEntry?: boolean;
}

type Manifest = Record<string, ManifestChunk>;

export function createAssetResolver(distDir: string, publicPrefix = '/widgets/') {
  let cached: { mtimeMs: number; manifest: Manifest } | null = null;
  const load = (): Manifest => {
    const path = join(distDir, 'manifest.json');
    // Re-read when a rebuild replaced the manifest (dev, tests); one stat per page otherwise.
    const mtimeMs = statSync(path).mtimeMs;
    if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, manifest: JSON.parse(readFileSync(path, 'utf8')) as Manifest };
    return cached.manifest;
  };
  return function assetsFor(widget: string): WidgetAssets {
    const manifest = load();
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
    return { scripts: [publicPrefix + entry.file], preloads: [...preloads], styles: [...styles] };
  };
}

/** Every file a widget loads, relative to distDir (for the bundle-size bench). */
export function widgetFiles(distDir: string, widget: string): string[] {
  const a = createAssetResolver(distDir, '')(widget);
  return [...a.scripts, ...a.preloads, ...a.styles];
}
