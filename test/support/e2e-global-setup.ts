// Once before the e2e project's files: the widget bundles the browser tests serve. Built here, not
// by each file (test/loan-tab-support.ts ensureWidgetsBuilt), because two files running at once
// would both find them stale and empty widgets/dist/ under each other. After `npm test`'s own
// build step this is the quick hash check.
import { ensureWidgetsBuilt } from '../../scripts/ensure-widgets-built.js';

export async function setup(): Promise<void> {
  await ensureWidgetsBuilt(process.cwd());
}
