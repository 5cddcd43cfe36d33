// Our backend for the call-script widget (server/routes/activities/call-script.ts). The session token
// comes from the placement handler and is bound to portal, user and deal. A call takes longer than
// people plan for: when the session expires mid-script it renews itself through the frame and the
// answer is sent again (widgets/shared/session-client.ts) — the collector keeps their place.
import { ApiError, createSessionClient, type PortalAuth } from '../shared/session-client.js';
import type { OpenScript } from './types.js';

export { ApiError };

export interface CallScriptApi {
  /** lang: the user's language, used for the script when the deal does not tell which. */
  list(dealId: string, lang?: string): Promise<OpenScript[]>;
  /** lang: the user's language, as for list (the server reads the answer in the script's language). */
  answer(callId: string, questionId: string, value: string, lang?: string): Promise<OpenScript>;
  registerCall(callId: string): Promise<{ callId: string | null; phone: string }>;
  finish(callId: string): Promise<void>;
}

export interface CallScriptApiConfig {
  baseUrl: string;
  sessionToken: string;
  /** The user's fresh portal auth from the frame (shared/fresh-auth.ts). */
  portalAuth?: () => Promise<PortalAuth>;
}

export function createCallScriptApi(cfg: CallScriptApiConfig, fetchFn?: typeof fetch): CallScriptApi {
  const { request } = createSessionClient(cfg, fetchFn);
  const call = (id: string) => `/api/v1/call-scripts/${encodeURIComponent(id)}`;
  return {
    list: async (dealId, lang) => {
      const query = lang ? `?lang=${encodeURIComponent(lang)}` : '';
      return (await request<{ calls: OpenScript[] }>('GET', `/api/v1/deals/${encodeURIComponent(dealId)}/call-scripts${query}`)).calls;
    },
    // An answer is a value per question: sent twice, it is stored once.
    answer: (callId, questionId, value, lang) =>
      request<OpenScript>('POST', `${call(callId)}/answers`, lang ? { questionId, value, lang } : { questionId, value }),
    registerCall: (callId) => request('POST', `${call(callId)}/call`),
    finish: async (callId) => void (await request('POST', `${call(callId)}/finish`)),
  };
}
