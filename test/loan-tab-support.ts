// The e2e tests serve the built widget bundles. `npm test` builds them first; a test file run by hand
// after a widget change would otherwise serve the old bundles. So every e2e that serves widgets asks
// the demo's own check (a hash of the widget sources beside widgets/dist) and rebuilds when stale.
import { ensureWidgetsBuilt as ensureBuilt } from '../scripts/ensure-widgets-built.js';

export async function ensureWidgetsBuilt(): Promise<void> {
  await ensureBuilt(process.cwd());
}
