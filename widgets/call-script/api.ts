// Our backend for the call-script widget (server/routes/activities/call-script.ts). The session token
// comes from the placement handler and is bound to portal, user and deal.
import type { OpenScript } from './types.js';

export interface CallScriptApi {
  list(dealId: string): Promise<OpenScript[]>;
  answer(callId: string, questionId: string, value: string): Promise<OpenScript>;
  registerCall(callId: string): Promise<{ callId: string | null; phone: string }>;
  finish(callId: string): Promise<void>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createCallScriptApi(
  cfg: { baseUrl: string; sessionToken: string },
  fetchFn: typeof fetch = (i, init) => fetch(i, init),
): CallScriptApi {
  async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetchFn(`${cfg.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${cfg.sessionToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) throw new ApiError(res.status, String(json.message ?? res.statusText));
    return json as T;
  }
  const call = (id: string) => `/api/v1/call-scripts/${encodeURIComponent(id)}`;
  return {
    list: async (dealId) =>
      (await request<{ calls: OpenScript[] }>('GET', `/api/v1/deals/${encodeURIComponent(dealId)}/call-scripts`)).calls,
    answer: (callId, questionId, value) => request<OpenScript>('POST', `${call(callId)}/answers`, { questionId, value }),
    registerCall: (callId) => request('POST', `${call(callId)}/call`),
    finish: async (callId) => void (await request('POST', `${call(callId)}/finish`)),
  };
}
