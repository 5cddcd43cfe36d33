// Run by test/cjs-imports-under-tsx.test.ts as `node --import tsx import-all.ts <module>… -- <package>…`.
// Imports each production module under Node ESM (a named import that a CommonJS package does not
// expose fails right here, at link time), then, for each package the sources import as a namespace,
// lists the names its module.exports has that the ESM namespace lacks (what `import * as smpp`
// silently lost: `smpp.errors` was undefined, not an import error). One JSON line per item.
import { pathToFileURL } from 'node:url';

const split = process.argv.indexOf('--');
const modules = process.argv.slice(2, split < 0 ? undefined : split);
const namespacePackages = split < 0 ? [] : process.argv.slice(split + 1);

for (const file of modules) {
  try {
    await import(pathToFileURL(file).href);
    console.log(JSON.stringify({ module: file }));
  } catch (e) {
    console.log(JSON.stringify({ module: file, error: e instanceof Error ? e.message : String(e) }));
  }
}

for (const pkg of namespacePackages) {
  const ns = (await import(pkg)) as Record<string, unknown>;
  const exported = ns.default;
  const hidden =
    exported !== null && (typeof exported === 'object' || typeof exported === 'function')
      ? Object.keys(exported).filter((k) => !(k in ns))
      : [];
  console.log(JSON.stringify({ package: pkg, hidden }));
}
// Modules may have opened handles (pools, timers) on import; the answer is complete.
process.exit(0);
