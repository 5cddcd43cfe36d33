// `npm test` (scripts/test.sh) builds the widgets through the same stale-or-missing check the demo and
// the e2e helpers use, so the stamp it leaves lets them skip a second build.
import { ensureWidgetsBuilt } from './ensure-widgets-built.js';

const result = await ensureWidgetsBuilt(process.cwd(), (line) => console.log(line));
console.log(`widgets: ${result}`);
