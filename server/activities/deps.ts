import type { ExecutePayoutOptions } from '../payouts/index.js';
import type { ExecuteSmsOptions } from '../integrations/sms/sending/index.js';
import type { Providers, ProviderSettingsPort, ProvidersOptions } from './providers.js';

// What the activity jobs are given (server/jobs/handlers.ts passes it in): the portal's providers
// and the tunables of sending and paying out.

export interface ActivityOptions {
  sms?: ExecuteSmsOptions;
  payouts?: ExecutePayoutOptions & { maxAttempts?: number };
  /** Today as YYYY-MM-DD (loan variables); injectable for tests. */
  today?: () => string;
}

export interface ActivityDeps {
  providers: Providers;
  options: ActivityOptions;
}

/**
 * How an app's activities are set up (buildApp's `activities`): by default settings come from the
 * per-portal settings store; a test passes its own settings port (local SMPP / OpenPay fakes).
 */
export interface ActivitySetup extends ActivityOptions, ProvidersOptions {
  settings?: ProviderSettingsPort;
}

export function todayOf(deps: ActivityDeps): string {
  return deps.options.today?.() ?? new Date().toISOString().slice(0, 10);
}
