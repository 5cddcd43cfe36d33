import Decimal from 'decimal.js';
import { AppError } from '../../../errors.js';
import { parseClabe } from '../clabe.js';
import { PaymentProviderError } from '../provider-error.js';
import type { CreatePayoutRequest, PaymentProvider, ProviderPayout, ProviderPayoutStatus } from '../provider.js';
import type { OpenpaySettings } from './schema.js';

// OpenPay payouts over REST (open-pay/slate source/includes/en/payments.md, errors.md,
// common_objects.md): POST /v1/{merchantId}/payouts, GET …/payouts/{id}, GET …/payouts?….
// HTTP Basic with the private key as user and an empty password. See README.md for what is
// UNVERIFIED.

interface OpenpayTransaction {
  id: string;
  status: string;
  order_id?: string | null;
  amount?: number | string;
  error_message?: string | null;
}

interface OpenpayError {
  category?: string;
  description?: string;
  http_code?: number | string;
  error_code?: number;
  request_id?: string;
}

const ERROR_DUPLICATE_ORDER = 1006; // 409 "A transaction with the same order ID already exists."

function toStatus(s: string): ProviderPayoutStatus {
  switch (s.toLowerCase()) {
    case 'completed':
      return 'succeeded';
    case 'in_progress':
      return 'pending';
    case 'failed':
    case 'cancelled':
      return 'failed';
    default:
      throw new AppError('UPSTREAM', `Unknown OpenPay payout status "${s}"`);
  }
}

function toPayout(t: OpenpayTransaction): ProviderPayout {
  const status = toStatus(t.status);
  return {
    providerPayoutId: t.id,
    status,
    ...(t.order_id ? { orderId: t.order_id } : {}),
    ...(t.amount !== undefined ? { amount: new Decimal(String(t.amount)).toFixed(2) } : {}),
    ...(status === 'failed' ? { failureReason: t.error_message ?? t.status } : {}),
  };
}

/** JSON with the amount written as the exact decimal literal (OpenPay wants a JSON number). */
export function payoutBody(r: CreatePayoutRequest): string {
  if (!/^\d+(\.\d{1,2})?$/.test(r.amount) || new Decimal(r.amount).lte(0)) {
    throw new AppError('VALIDATION', `Payout amount "${r.amount}" must be > 0 with at most two decimals`);
  }
  const json = JSON.stringify({
    method: 'bank_account',
    bank_account: { clabe: parseClabe(r.clabe), holder_name: r.holderName },
    amount: '__AMOUNT__',
    description: r.description.slice(0, 250),
    order_id: r.orderId,
  });
  return json.replace('"__AMOUNT__"', new Decimal(r.amount).toFixed(2));
}

// Our createdOn is a UTC date; OpenPay dates are local to Mexico (UTC−6 in its examples), so a
// payout made late in the evening there is "yesterday" to OpenPay. One day of slack covers it.
function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : new Date(d.getTime() - 86_400_000).toISOString().slice(0, 10);
}

export class OpenpayPaymentClient implements PaymentProvider {
  readonly code = 'openpay';
  /** SPEI transfers to a CLABE are in pesos only. */
  readonly currencies = ['MXN'] as const;

  constructor(
    private readonly settings: OpenpaySettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private url(path: string): string {
    return `${this.settings.baseUrl.replace(/\/+$/, '')}/v1/${encodeURIComponent(this.settings.merchantId)}${path}`;
  }

  private async call(method: 'GET' | 'POST', path: string, body?: string): Promise<{ status: number; json: unknown }> {
    let res: Response;
    try {
      res = await this.fetchImpl(this.url(path), {
        method,
        headers: {
          authorization: `Basic ${Buffer.from(`${this.settings.privateKey}:`).toString('base64')}`,
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body } : {}),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (e) {
      throw new PaymentProviderError('PAYOUT_PROVIDER_UNAVAILABLE', `OpenPay ${method} ${path} failed: ${(e as Error).message}`, {
        retryable: true,
        outcomeUnknown: method === 'POST',
      });
    }
    const json: unknown = await res.json().catch(() => undefined);
    return { status: res.status, json };
  }

  private toError(method: string, status: number, body: OpenpayError | undefined): PaymentProviderError {
    const code = body?.error_code;
    const detail = `OpenPay ${status} error_code ${code ?? '?'} (${body?.category ?? '?'}): ${body?.description ?? 'no description'}`;
    const base = {
      httpStatus: status,
      ...(code !== undefined ? { providerCode: code } : {}),
      ...(body?.request_id ? { requestId: body.request_id } : {}),
    };
    if (code === ERROR_DUPLICATE_ORDER)
      return new PaymentProviderError('PAYOUT_DUPLICATE_ORDER', detail, { ...base, retryable: false, duplicate: true });
    if (status >= 500 || status === 429) {
      // 1000 internal / 1004 unavailable: the payout may or may not exist.
      return new PaymentProviderError('PAYOUT_PROVIDER_UNAVAILABLE', detail, {
        ...base,
        retryable: true,
        outcomeUnknown: method === 'POST',
      });
    }
    if (status === 401 || status === 403) return new PaymentProviderError('PAYOUT_PROVIDER_AUTH', detail, { ...base, retryable: false });
    return new PaymentProviderError('PAYOUT_REJECTED', detail, { ...base, retryable: false });
  }

  async createPayout(request: CreatePayoutRequest): Promise<ProviderPayout> {
    if (request.currency !== 'MXN') throw new AppError('VALIDATION', `OpenPay payouts are in MXN, got ${request.currency}`);
    const { status, json } = await this.call('POST', '/payouts', payoutBody(request));
    if (status !== 200 && status !== 201) throw this.toError('POST', status, json as OpenpayError | undefined);
    return toPayout(json as OpenpayTransaction);
  }

  async getPayout(id: string): Promise<ProviderPayout | undefined> {
    const { status, json } = await this.call('GET', `/payouts/${encodeURIComponent(id)}`);
    if (status === 404) return undefined;
    if (status !== 200) throw this.toError('GET', status, json as OpenpayError | undefined);
    return toPayout(json as OpenpayTransaction);
  }

  /**
   * UNVERIFIED(openpay): the documented list filters are creation/amount/offset/limit/payout_type;
   * `order_id` is sent too but the match is checked here on every item, so the answer stays right
   * if OpenPay ignores the filter (we then scan at most lookupMaxPages × 100 payouts, newest first,
   * from `createdOn` when given).
   */
  async getPayoutByOrderId(orderId: string, hint: { createdOn?: string } = {}): Promise<ProviderPayout | undefined> {
    for (let page = 0; page < this.settings.lookupMaxPages; page++) {
      const q = new URLSearchParams({ order_id: orderId, limit: '100', offset: String(page * 100) });
      if (hint.createdOn) q.set('creation[gte]', dayBefore(hint.createdOn));
      const { status, json } = await this.call('GET', `/payouts?${q.toString()}`);
      if (status !== 200) throw this.toError('GET', status, json as OpenpayError | undefined);
      if (!Array.isArray(json)) throw new AppError('UPSTREAM', 'OpenPay payout list is not an array');
      const items = json as OpenpayTransaction[];
      const hit = items.find((t) => t.order_id === orderId);
      if (hit) return toPayout(hit);
      if (items.length < 100) return undefined;
    }
    throw new PaymentProviderError(
      'PAYOUT_LOOKUP_INCONCLUSIVE',
      `Payout with order_id ${orderId} not found in the first ${this.settings.lookupMaxPages * 100} payouts`,
      {
        retryable: true,
        outcomeUnknown: true,
      },
    );
  }
}
