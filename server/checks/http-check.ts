// The lender's own bureau or database as an HTTP check: a URL template with the applicant's values,
// an optional auth header, the JSON path of the verdict in the answer and the values that mean
// "reject". No bureau has one API, so the shape is configured, not coded; the values travel only
// in the request to that URL and are never logged (the caller logs the verdict and the reason).

export interface HttpCheckConfig {
  /** https URL with placeholders {phone}, {document}, {dealId} — each URL-encoded when filled. */
  urlTemplate: string;
  method: 'GET' | 'POST';
  /** e.g. "Authorization: Bearer …" or "X-Api-Key: …" (stored encrypted). */
  authHeader: string | null;
  /** Dot path of the verdict in the JSON answer: "result.status", "data.items.0.decision". */
  verdictPath: string;
  /** Verdict values (compared case-insensitively as strings) that reject the applicant. */
  rejectValues: string[];
  /** Dot path of a human reason, optional. */
  reasonPath: string | null;
  timeoutMs: number;
}

export interface Applicant {
  phone: string | null;
  document: string | null;
  dealId: number;
}

export const PLACEHOLDERS = ['phone', 'document', 'dealId'] as const;
export const MAX_TIMEOUT_MS = 30_000;
const MAX_ANSWER_BYTES = 256 * 1024;

export type HttpCheckResult =
  | { outcome: 'pass'; verdict: string; reason: string | null }
  | { outcome: 'reject'; verdict: string; reason: string | null }
  | { outcome: 'error'; code: 'CHECK_TIMEOUT' | 'CHECK_HTTP_STATUS' | 'CHECK_BAD_ANSWER' | 'CHECK_UNREACHABLE'; detail: string };

/**
 * A host the server must not be pointed at by a portal admin (its own machine, the private network,
 * cloud metadata): names that are addresses in those ranges, and localhost. A name resolving there
 * (DNS rebinding) is not caught here; `redirect: 'error'` at least stops a redirect into it.
 */
export function isLocalHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  return h === '::1' || h === '::' || /^f[cd]/.test(h) || /^fe80:/.test(h) || h.startsWith('::ffff:');
}

/** What is wrong with a configuration an admin typed, or null. `allowLocal`: demo and tests. */
export function configProblem(c: HttpCheckConfig, allowLocal = false): { field: keyof HttpCheckConfig; message: string } | null {
  let url: URL;
  try {
    url = new URL(c.urlTemplate.replace(/\{(\w+)\}/g, 'x'));
  } catch {
    return { field: 'urlTemplate', message: 'not a URL' };
  }
  if (url.protocol !== 'https:' && !(allowLocal && url.protocol === 'http:')) return { field: 'urlTemplate', message: 'must be https' };
  if (!allowLocal && isLocalHost(url.hostname)) return { field: 'urlTemplate', message: 'must be a host on the internet' };
  if (url.username || url.password) return { field: 'urlTemplate', message: 'credentials go in the auth header' };
  for (const [, name] of c.urlTemplate.matchAll(/\{(\w+)\}/g))
    if (!(PLACEHOLDERS as readonly string[]).includes(name!)) return { field: 'urlTemplate', message: `unknown placeholder {${name}}` };
  if (c.authHeader !== null && !/^[A-Za-z0-9-]{1,64}:\s?[^\r\n]{1,2000}$/.test(c.authHeader))
    return { field: 'authHeader', message: 'must be "Name: value" on one line' };
  if (!/^[\w-]+(\.[\w-]+)*$/.test(c.verdictPath)) return { field: 'verdictPath', message: 'a dot path like result.status' };
  if (c.reasonPath !== null && !/^[\w-]+(\.[\w-]+)*$/.test(c.reasonPath)) return { field: 'reasonPath', message: 'a dot path' };
  if (c.rejectValues.length === 0) return { field: 'rejectValues', message: 'at least one value' };
  if (!Number.isInteger(c.timeoutMs) || c.timeoutMs < 100 || c.timeoutMs > MAX_TIMEOUT_MS)
    return { field: 'timeoutMs', message: `100–${MAX_TIMEOUT_MS} ms` };
  return null;
}

export function renderUrl(template: string, a: Applicant): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = name === 'phone' ? a.phone : name === 'document' ? a.document : name === 'dealId' ? String(a.dealId) : null;
    return encodeURIComponent(v ?? '');
  });
}

/** The value at a dot path (array indexes as numbers), or undefined. */
export function atPath(value: unknown, path: string): unknown {
  let v = value;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function asText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** Reads the bureau's answer into a result: a verdict found and matched, or why not. */
export function readAnswer(c: HttpCheckConfig, status: number, body: string): HttpCheckResult {
  if (status < 200 || status >= 300) return { outcome: 'error', code: 'CHECK_HTTP_STATUS', detail: `HTTP ${status}` };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { outcome: 'error', code: 'CHECK_BAD_ANSWER', detail: 'the answer is not JSON' };
  }
  const verdict = asText(atPath(json, c.verdictPath));
  if (verdict === null) return { outcome: 'error', code: 'CHECK_BAD_ANSWER', detail: `no value at ${c.verdictPath}` };
  const reason = c.reasonPath ? (asText(atPath(json, c.reasonPath))?.slice(0, 500) ?? null) : null;
  const reject = c.rejectValues.some((r) => r.trim().toLowerCase() === verdict.trim().toLowerCase());
  return { outcome: reject ? 'reject' : 'pass', verdict: verdict.slice(0, 100), reason };
}

/** Asks the bureau (the only I/O here: `fetchFn`). Never throws; a failure is an `error` outcome. */
export async function runHttpCheck(c: HttpCheckConfig, a: Applicant, fetchFn: typeof fetch = fetch): Promise<HttpCheckResult> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (c.authHeader) {
    const i = c.authHeader.indexOf(':');
    headers[c.authHeader.slice(0, i).trim()] = c.authHeader.slice(i + 1).trim();
  }
  const url = renderUrl(c.urlTemplate, a);
  const init: RequestInit = { method: c.method, headers, signal: AbortSignal.timeout(c.timeoutMs), redirect: 'error' };
  if (c.method === 'POST') {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify({ phone: a.phone, document: a.document, dealId: a.dealId });
  }
  try {
    const res = await fetchFn(url, init);
    const body = await readLimited(res);
    return readAnswer(c, res.status, body);
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'TimeoutError' || name === 'AbortError')
      return { outcome: 'error', code: 'CHECK_TIMEOUT', detail: `no answer in ${c.timeoutMs} ms` };
    if (e instanceof AnswerTooLarge) return { outcome: 'error', code: 'CHECK_BAD_ANSWER', detail: 'the answer is too large' };
    return { outcome: 'error', code: 'CHECK_UNREACHABLE', detail: name || 'fetch failed' };
  }
}

class AnswerTooLarge extends Error {}

async function readLimited(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new AnswerTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
