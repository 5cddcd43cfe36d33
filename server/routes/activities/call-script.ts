import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireSession } from '../../security/session.js';
import { AppError } from '../../errors.js';
import { enqueue } from '../../jobs/outbox.js';
import { getCall, listDealCalls, updateCall, type ActivityCall } from '../../activities/call-repo.js';
import { JOB_KIND } from '../../activities/codes.js';
import { findScript, type CallScript } from '../../activities/call-script/scripts.js';
import { evaluateScript, validateAnswer } from '../../activities/call-script/outcome.js';
import type { ScriptVars } from '../../activities/call-script/vars.js';
import { loadScriptContext, varsForScript } from '../../activities/call-script/context.js';
import { asScriptLang, type ScriptLang } from '../../activities/call-script/language.js';
import { todayOf } from '../../activities/deps.js';
import { ACTIVITY_JOB_MAX_ATTEMPTS } from '../../activities/jobs/context.js';
import { rememberTelephonyCall } from '../../activities/call-script/telephony.js';

// The call-script widget's API (session bound to portal, user and deal by the placement handler):
// read the open scripts of the deal, save each answer as the employee talks, register the call in
// Bitrix24 telephony, and finish (the finish job finishes the telephony calls and updates the deal, the
// timeline and the workflow).

const ErrorBody = Type.Object({ error: Type.String(), message: Type.String() });
const CallId = Type.Object({ callId: Type.String({ maxLength: 64 }) });

interface CallMeta {
  script?: string;
  language?: string;
  languageFromDeal?: boolean;
  todoId?: number;
  outcome?: string;
}

/**
 * The script in the language it is read in: the deal's when the start job learnt it from the deal,
 * else the user's own (LANG of the placement POST, which the widget passes as ?lang=), else the one
 * stored. Question ids and branches are the same in every language, so answers carry over.
 */
function scriptFor(meta: CallMeta, userLang?: ScriptLang): CallScript | undefined {
  const lang = meta.languageFromDeal ? meta.language : (userLang ?? meta.language);
  return findScript(meta.script ?? '', lang ?? 'en');
}

function view(call: ActivityCall, shown?: { script?: CallScript; vars: ScriptVars }) {
  const meta = (call.result ?? {}) as CallMeta;
  const open = call.status === 'waiting' || call.status === 'done';
  const script = open ? (shown?.script ?? scriptFor(meta)) : undefined;
  const answers = (call.answers ?? {}) as Record<string, string>;
  const outcome = call.status === 'done' ? (meta.outcome ?? null) : script ? evaluateScript(script, answers).outcome : null;
  // vars: the {{names}} in the texts, filled from deal/contact/loan/lender; fallbacks: neutral text for
  // the ones without a value (the widget substitutes both, so no "{{name}}" ever reaches the screen).
  return {
    callId: call.id,
    status: call.status,
    todoId: meta.todoId ?? null,
    script: script ?? null,
    answers,
    outcome,
    vars: shown?.vars.vars ?? {},
    fallbacks: shown?.vars.fallbacks ?? {},
  };
}

export const callScriptRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  async function shownCalls(portalId: string, dealId: number, calls: ActivityCall[], userLang?: ScriptLang) {
    if (!calls.some((c) => c.status === 'waiting')) return calls.map((c) => view(c));
    const b24 = await app.getPortalClient(portalId);
    const sc = await loadScriptContext(b24, app.db.kysely, portalId, dealId, todayOf(app.activities));
    const settings = await app.activities.providers.settingsOf(portalId);
    return calls.map((c) => {
      const script = c.status === 'waiting' ? scriptFor(c.result ?? {}, userLang) : undefined;
      if (!script) return view(c);
      return view(c, { script, vars: varsForScript(script, sc, settings, (c.request.properties ?? {}) as Record<string, unknown>) });
    });
  }

  async function ownCall(portalId: string, dealId: number | undefined, callId: string): Promise<ActivityCall> {
    const call = await getCall(app.db.kysely, portalId, callId);
    if (!call || call.code !== 'call_script' || (dealId !== undefined && call.dealId !== dealId))
      throw new AppError('NOT_FOUND', 'no such call script', { key: 'CALL_SCRIPT_MISSING' });
    return call;
  }

  app.get(
    '/api/v1/deals/:dealId/call-scripts',
    {
      preHandler: requireSession({ dealParam: 'dealId' }),
      schema: {
        params: Type.Object({ dealId: Type.Integer({ minimum: 1 }) }),
        // lang: the user's language (LANG of the placement POST); used when the deal does not tell.
        querystring: Type.Object({ lang: Type.Optional(Type.String({ maxLength: 8 })) }),
        response: { 200: Type.Unknown(), 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      const s = req.session!;
      const calls = (await listDealCalls(app.db.kysely, s.portalId, req.params.dealId, 'call_script')).filter(
        (c) => c.status === 'waiting' || c.status === 'done',
      );
      return { calls: await shownCalls(s.portalId, req.params.dealId, calls, asScriptLang(req.query.lang)) };
    },
  );

  app.post(
    '/api/v1/call-scripts/:callId/answers',
    {
      preHandler: requireSession(),
      schema: {
        params: CallId,
        body: Type.Object({
          questionId: Type.String({ maxLength: 64 }),
          value: Type.String({ maxLength: 2000 }),
          // The user's language the tab shows the script in (used only when the deal does not tell).
          lang: Type.Optional(Type.String({ maxLength: 8 })),
        }),
        response: { 200: Type.Unknown(), 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => {
      const s = req.session!;
      const call = await ownCall(s.portalId, s.dealId, req.params.callId);
      if (call.status !== 'waiting') throw new AppError('CONFLICT', 'call script not open', { key: 'CALL_FINISHED' });
      const meta = (call.result ?? {}) as CallMeta;
      // Answers are read in the language the collector sees (ru "85 000" is an amount); when that is
      // the user's, it is kept on the call so finishing parses them, and writes the comment, the same way.
      const script = scriptFor(meta, asScriptLang(req.body.lang));
      if (!script) throw new AppError('NOT_FOUND', 'script gone', { key: 'CALL_SCRIPT_MISSING' });
      validateAnswer(script, req.body.questionId, req.body.value);
      const answers = { ...((call.answers ?? {}) as Record<string, string>), [req.body.questionId]: req.body.value };
      const result = script.lang === meta.language ? undefined : { ...(call.result ?? {}), language: script.lang };
      await updateCall(app.db.kysely, s.portalId, call.id, { answers, ...(result ? { result } : {}) }, ['waiting']);
      return view({ ...call, answers, ...(result ? { result } : {}) });
    },
  );

  // Server-side alternative to the frame's imPhoneTo: registers the call in Bitrix24 telephony
  // (telephony.externalcall.register, contract.md §7.10) so it shows in the deal and the user's call card.
  app.post(
    '/api/v1/call-scripts/:callId/call',
    { preHandler: requireSession(), schema: { params: CallId, response: { 200: Type.Unknown(), 401: ErrorBody, 404: ErrorBody } } },
    async (req) => {
      const s = req.session!;
      const call = await ownCall(s.portalId, s.dealId, req.params.callId);
      const b24 = await app.getPortalClient(s.portalId);
      const deal = await b24.call<Record<string, unknown>>('crm.deal.get', { id: call.dealId });
      const contactId = Number(deal.CONTACT_ID ?? 0);
      const contact = contactId > 0 ? await b24.call<Record<string, unknown>>('crm.contact.get', { id: contactId }) : null;
      const phone = (Array.isArray(contact?.PHONE) ? (contact.PHONE as { VALUE?: string }[]) : []).find((p) => p.VALUE)?.VALUE;
      if (!phone) throw new AppError('VALIDATION', 'no phone', { key: 'DEAL_NO_PHONE' });
      const r = await b24.call<{ CALL_ID?: string }>('telephony.externalcall.register', {
        USER_ID: s.userId,
        PHONE_NUMBER: phone,
        TYPE: 1,
        CRM_CREATE: 0,
        CRM_ENTITY_TYPE: 'CONTACT',
        CRM_ENTITY_ID: contactId,
        SHOW: 1,
      });
      // Kept so the finish job can close it (telephony.externalcall.finish) when the script is finished.
      if (r.CALL_ID) await rememberTelephonyCall(app.db.kysely, call, { callId: r.CALL_ID, userId: s.userId, startedAtMs: Date.now() });
      return { callId: r.CALL_ID ?? null, phone };
    },
  );

  app.post(
    '/api/v1/call-scripts/:callId/finish',
    {
      preHandler: requireSession(),
      schema: {
        params: CallId,
        response: { 202: Type.Object({ status: Type.String() }), 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      const s = req.session!;
      const call = await ownCall(s.portalId, s.dealId, req.params.callId);
      if (call.status === 'done') return reply.code(202).send({ status: 'done' });
      if (call.status !== 'waiting') throw new AppError('CONFLICT', 'call script not open', { key: 'CALL_NOT_OPEN' });
      const meta = (call.result ?? {}) as { script?: string; language?: string };
      const script = findScript(meta.script ?? '', meta.language ?? 'en');
      if (!script || !evaluateScript(script, (call.answers ?? {}) as Record<string, string>).complete) {
        throw new AppError('VALIDATION', 'script not complete', { key: 'CALL_PATH_UNANSWERED' });
      }
      await app.db.kysely.transaction().execute((trx) =>
        enqueue(trx, {
          portalId: s.portalId,
          kind: JOB_KIND.callScriptFinish,
          idempotencyKey: `call-script-finish:${call.id}`,
          payload: { callId: call.id, endedAtMs: Date.now() },
          maxAttempts: ACTIVITY_JOB_MAX_ATTEMPTS,
        }),
      );
      return reply.code(202).send({ status: 'finishing' });
    },
  );
};
