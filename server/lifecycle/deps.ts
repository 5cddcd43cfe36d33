import type { PaymentProvider } from '../integrations/payments/provider.js';

/** What the lifecycle's jobs are given (server/jobs/handlers.ts): the payment provider and the clock. */
export interface LifecycleDeps {
  payments(portalId: string): Promise<PaymentProvider>;
  now: () => Date;
}
