import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PortalClient } from '../../portal-client/portal-client.js';
import { loadDealContext, type DealContext } from '../deal-context.js';
import type { PortalProviderSettings } from '../providers.js';
import { dealLanguage, type ScriptLang } from './language.js';
import type { CallScript } from './scripts.js';
import { callScriptVars, type ScriptVars } from './vars.js';

// What a call script needs from the portal before it is shown or written anywhere: the deal with its
// contact and loan (one crm.deal.get + crm.contact.get, doc: api-reference/crm/deals/crm-deal-get.md,
// api-reference/crm/contacts/crm-contact-get.md), and the deal's language read from them.

export interface ScriptContext {
  dc: DealContext;
  /** The client's language from the deal (phone country, currency); undefined when it says nothing. */
  dealLang: ScriptLang | undefined;
}

export async function loadScriptContext(
  b24: PortalClient,
  db: Kysely<Database>,
  portalId: string,
  dealId: number,
  today: string,
): Promise<ScriptContext> {
  const dc = await loadDealContext(b24, db, portalId, dealId, today);
  return { dc, dealLang: dealLanguage(dc.phone, dc.vars.currency ?? '') };
}

const VAR = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** Every {{name}} the script's texts use (declared or not), in order of first use. */
export function variablesUsed(script: CallScript): string[] {
  const texts = [...script.questions.flatMap((q) => [q.text, q.hint ?? '']), ...script.ends.map((e) => e.text)];
  const names = new Set<string>(script.variables);
  for (const t of texts) for (const m of t.matchAll(VAR)) names.add(m[1]!);
  return [...names];
}

export function varsForScript(
  script: CallScript,
  ctx: ScriptContext,
  settings: PortalProviderSettings | undefined,
  properties: Record<string, unknown>,
): ScriptVars {
  return callScriptVars(ctx.dc, script.lang, { companyName: settings?.companyName, properties }, variablesUsed(script));
}
