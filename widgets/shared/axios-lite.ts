// Build-time stand-in for `axios` inside widget bundles (aliased in widgets/build-aliases.ts).
// @bitrix24/b24jssdk 2.2.0 uses axios in the browser for exactly one thing: `axios.create({timeout,
// timeoutErrorMessage, headers})` then `instance.post(fullUrl, jsonBody)` → `{status, data}`, and
// `instanceof AxiosError` with `code`, `message`, `status`, `response.{status,data}` to map errors
// (401 expired_token → refreshAuth → retry). axios costs ~22 KB gzipped; this fetch version keeps
// those semantics (JSON body, non-2xx → AxiosError ERR_BAD_REQUEST/ERR_BAD_RESPONSE, network →
// ERR_NETWORK, timeout → ECONNABORTED) and is exercised by test/frame-sdk.test.ts through the real SDK.
// UNVERIFIED(b24): only the code paths above are covered; other axios features are not provided.

export interface AxiosResponse<T = unknown> {
  data: T;
  status: number;
  statusText: string;
  headers: Record<string, string>;
  config: RequestConfig;
}

export interface RequestConfig {
  baseURL?: string;
  timeout?: number;
  timeoutErrorMessage?: string;
  headers?: Record<string, string>;
}

export class AxiosError<T = unknown> extends Error {
  override name = 'AxiosError';
  status?: number;
  constructor(
    message: string,
    readonly code?: string,
    readonly config?: RequestConfig,
    readonly request?: unknown,
    readonly response?: AxiosResponse<T>,
  ) {
    super(message);
    if (response) this.status = response.status;
  }
  static readonly ERR_NETWORK = 'ERR_NETWORK';
  static readonly ECONNABORTED = 'ECONNABORTED';
  static readonly ERR_BAD_REQUEST = 'ERR_BAD_REQUEST';
  static readonly ERR_BAD_RESPONSE = 'ERR_BAD_RESPONSE';
}

function parseBody(text: string): unknown {
  if (text === '') return '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // axios' default transformResponse keeps non-JSON text as is
  }
}

async function send<T>(config: RequestConfig, method: 'GET' | 'POST', url: string, data?: unknown): Promise<AxiosResponse<T>> {
  const full =
    config.baseURL && !/^[a-z][a-z0-9+.-]*:/i.test(url) ? `${config.baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}` : url;
  const controller = new AbortController();
  const timer = config.timeout ? setTimeout(() => controller.abort(), config.timeout) : undefined;
  const form = data instanceof URLSearchParams;
  const headers: Record<string, string> = {
    accept: 'application/json, text/plain, */*',
    ...(data === undefined ? {} : { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' }),
    ...config.headers,
  };
  let res: Response;
  try {
    res = await fetch(full, {
      method,
      headers,
      body: data === undefined ? undefined : form ? data.toString() : JSON.stringify(data),
      signal: controller.signal,
    });
  } catch (e) {
    if (controller.signal.aborted) {
      throw new AxiosError(config.timeoutErrorMessage ?? `timeout of ${config.timeout}ms exceeded`, AxiosError.ECONNABORTED, config);
    }
    throw new AxiosError(e instanceof Error ? e.message : 'Network Error', AxiosError.ERR_NETWORK, config);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
  const response: AxiosResponse<T> = {
    data: parseBody(await res.text()) as T,
    status: res.status,
    statusText: res.statusText,
    headers: Object.fromEntries(res.headers.entries()),
    config,
  };
  if (res.status >= 200 && res.status < 300) return response;
  const code = res.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
  throw new AxiosError(`Request failed with status code ${res.status}`, code, config, undefined, response);
}

export interface AxiosInstance {
  defaults: RequestConfig;
  post<T = unknown>(url: string, data?: unknown): Promise<AxiosResponse<T>>;
  get<T = unknown>(url: string): Promise<AxiosResponse<T>>;
}

function create(config: RequestConfig = {}): AxiosInstance {
  return {
    defaults: config,
    post: (url, data) => send(config, 'POST', url, data),
    get: (url) => send(config, 'GET', url),
  };
}

export function isAxiosError(e: unknown): e is AxiosError {
  return e instanceof AxiosError;
}

const axios = { create, isAxiosError, AxiosError };
export default axios;
