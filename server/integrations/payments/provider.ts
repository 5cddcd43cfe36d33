// One interface in front of every way we pay a loan out. The caller's payout id is the provider's
// order id: it is made and stored before the request, so the provider can be asked about it
// after a timeout or a crash (server/payouts/).

export type ProviderPayoutStatus = 'pending' | 'succeeded' | 'failed';

export interface CreatePayoutRequest {
  /** Our payout id (UUIDv7); unique per provider account, the idempotency handle. */
  orderId: string;
  /** Decimal string in major units, e.g. "1500.00"; never a JS number. */
  amount: string;
  currency: string;
  /** 18-digit CLABE as TEXT (see clabe.ts). */
  clabe: string;
  holderName: string;
  description: string;
}

export interface ProviderPayout {
  providerPayoutId: string;
  status: ProviderPayoutStatus;
  orderId?: string;
  amount?: string;
  /** Provider's reason when failed. */
  failureReason?: string;
}

export interface PaymentProvider {
  readonly code: string;
  /** ISO 4217 codes it pays out in; absent = any (e.g. manual). Checked before a payout is stored. */
  readonly currencies?: readonly string[];
  createPayout(request: CreatePayoutRequest): Promise<ProviderPayout>;
  /** undefined when the provider has no payout with this order id (so none was made). */
  getPayoutByOrderId(orderId: string, hint?: { createdOn?: string }): Promise<ProviderPayout | undefined>;
}
