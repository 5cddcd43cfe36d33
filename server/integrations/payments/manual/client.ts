import type { CreatePayoutRequest, PaymentProvider, ProviderPayout } from '../provider.js';
import type { ManualPayoutSettings } from './schema.js';

// Records only. The reference is derived from our order id, so a repeat gives the same answer.
export class ManualPaymentProvider implements PaymentProvider {
  readonly code = 'manual';
  constructor(private readonly settings: ManualPayoutSettings = { markAs: 'succeeded' }) {}

  async createPayout(request: CreatePayoutRequest): Promise<ProviderPayout> {
    return {
      providerPayoutId: `manual-${request.orderId}`,
      status: this.settings.markAs,
      orderId: request.orderId,
      amount: request.amount,
    };
  }

  /** Nothing exists outside our table, so there is never anything to find. */
  async getPayoutByOrderId(): Promise<ProviderPayout | undefined> {
    return undefined;
  }
}
