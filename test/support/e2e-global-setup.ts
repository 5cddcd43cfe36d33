// Once before the e2e project's files: the widget bundles the browser tests serve, and the one
// Chromium every file connects to (test/support/chromium.ts). The bundles are built here, not by each
// file (test/loan-tab-support.ts ensureWidgetsBuilt), because two files running at once would both
// find them stale and empty widgets/dist/ under each other. After `npm test`'s own build step this
// is the quick hash check.
import type { TestProject } from 'vitest/node';
import { ensureWidgetsBuilt } from '../../scripts/ensure-widgets-built.js';
import { startChromiumServer } from './chromium.js';

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureWidgetsBuilt(process.cwd());
  const server = await startChromiumServer();
  project.provide('chromiumWs', server.wsEndpoint());
  return () => server.close();
}
