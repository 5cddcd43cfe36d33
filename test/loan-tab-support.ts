// The e2e tests serve the built widget bundles; `npm test` builds them first. Running a single test
// file by hand may find none, so build once here in that case.
import { existsSync } from 'node:fs';
import { build } from 'vite';

export async function ensureWidgetsBuilt(): Promise<void> {
  if (['loan-tab', 'settings', 'call-script'].every((w) => existsSync(`widgets/dist/${w}/manifest.json`))) return;
  await build({ configFile: 'widgets/vite.config.ts', logLevel: 'warn' });
}
