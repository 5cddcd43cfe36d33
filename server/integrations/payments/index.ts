// Payout providers behind one interface (provider.ts); the exactly-once service is server/payouts/.
import { manualProvider } from './manual/index.js';
import { openpayProvider } from './openpay/index.js';

export const paymentProviders = { openpay: openpayProvider, manual: manualProvider } as const;
export type PaymentProviderCode = keyof typeof paymentProviders;

export type { CreatePayoutRequest, PaymentProvider, ProviderPayout, ProviderPayoutStatus } from './provider.js';
export { PaymentProviderError, isPaymentProviderError } from './provider-error.js';
export { isValidClabe, maskClabe, clabeControlDigit } from '../../../lending/clabe.js';
export { parseClabe } from './clabe.js';
