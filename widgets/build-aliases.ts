// Module replacements for widget bundles, shared by widgets/vite.config.ts and the frame tests (so
// the tests run the SDK exactly as it ships in the widgets). Each keeps the SDK's frame path intact
// and removes weight the budget (≤ 100 KB gzip per tab, SDK included) cannot carry.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const widgetAliases: Record<string, string> = {
  // luxon (~20 KB gz): the SDK uses it only for log dates and a date helper the frame never calls.
  luxon: join(here, 'shared/luxon-lite.ts'),
  // axios (~22 KB gz): the SDK's browser transport is one POST per call; fetch does that.
  axios: join(here, 'shared/axios-lite.ts'),
};
