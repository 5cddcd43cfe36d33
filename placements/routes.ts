// Placement handlers: the portal POSTs the iframe (contract.md §1.2, §4.3; b24jssdk.md §4.1), we
// verify the POST against the portal, bind a short-lived session to portal, user and (for the deal
// tab) the deal, and answer the widget's HTML. Also serves the built bundles under /widgets/.
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { calculatorPlacement } from './calculator.js';
import { dealRefusalMessage } from './deal-access.js';
import type { PlacementDescriptor } from './descriptor.js';
import { dealIdOf, parseFramePost, type FramePost } from './frame-post.js';
import { loanTabPlacement } from './loan-tab.js';
import { createAssetResolver } from './widget-assets.js';
import { renderErrorPage, renderWidgetPage } from './widget-page.js';

export interface VerifiedFrame {
  portalId: string;
  userId: number;
  isAdmin: boolean;
  /** The user's name (profile), for what they sign from a tab; absent when unknown. */
  userName?: string;
}

export interface SessionRequest {
  portalId: string;
  userId: number;
  isAdmin: boolean;
  dealId?: number;
  ttlSec?: number;
}

export interface PlacementRouteOptions {
  /** Throws (AppError-like, with status + userMessage) unless the portal accepts the POSTed AUTH_ID for member_id. */
  verifyPlacement: (post: FramePost) => Promise<VerifiedFrame>;
  /**
   * Deal tabs only: does the portal show THIS user the deal in PLACEMENT_OPTIONS.ID (read with the
   * user's own POSTed token, so the portal's CRM permissions decide)? Started together with
   * verifyPlacement (`verifying`), so the two portal round trips overlap; its answer counts only
   * once verification has passed. The deal as seen (the tab starts from it), or null = denied or no
   * such deal; throws when the portal did not answer (or when `verifying` rejects).
   */
  canReadDeal: (post: FramePost, verifying: Promise<VerifiedFrame>, dealId: number) => Promise<DealSeen | null>;
  /** Signs the widget session (server/security/session.ts in the app). */
  issueSession: (claims: SessionRequest) => string;
  /** widgets/dist by default. */
  distDir?: string;
  /** Prefix of our API as seen from the widget page; '' = same origin. */
  apiBase?: string;
  descriptors?: readonly PlacementDescriptor[];
  /** Session lifetime; by default the signer's own (SESSION_TTL_SEC in the app). The widget renews it silently. */
  sessionTtlSec?: number;
  /** Active loan products of the portal, in the widget's shape (widgets/loan-tab/product.ts). */
  listProducts?: (portalId: string) => Promise<unknown[]>;
  /**
   * The deal's saved loan as GET /api/v1/deals/:dealId/loan answers it (null: none yet), put in
   * the page so the tab renders without a second round trip. Absent: the widget fetches it.
   */
  initialLoan?: (portalId: string, dealId: number) => Promise<unknown>;
}

/** The deal as the user's own crm.deal.get showed it (server/security/deal-origin.ts). */
export interface DealSeen {
  id: number;
  currencyId: string | null;
  opportunity: string | null;
}

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_DIST_DIR = resolve(here, '../widgets/dist');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const SAFE_ASSET = /^[a-z0-9-]+\/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(?:js|css|svg|png|woff2)$/;

const frameQuery = {
  type: 'object',
  properties: {
    DOMAIN: { type: 'string', maxLength: 255 },
    PROTOCOL: { type: 'string', maxLength: 1 },
    LANG: { type: 'string', maxLength: 8 },
    APP_SID: { type: 'string', maxLength: 128 },
  },
} as const;
const frameBody = {
  type: 'object',
  properties: {
    AUTH_ID: { type: 'string', maxLength: 512 },
    AUTH_EXPIRES: { type: 'string', maxLength: 16 },
    REFRESH_ID: { type: 'string', maxLength: 512 },
    APPLICATION_TOKEN: { type: 'string', maxLength: 256 },
    member_id: { type: 'string', maxLength: 64 },
    status: { type: 'string', maxLength: 2 },
    PLACEMENT: { type: 'string', maxLength: 128 },
    PLACEMENT_OPTIONS: { type: 'string', maxLength: 8192 },
  },
} as const;

function statusOf(e: unknown): number {
  const s = (e as { status?: unknown; statusCode?: unknown }).status ?? (e as { statusCode?: unknown }).statusCode;
  return typeof s === 'number' && s >= 400 && s < 600 ? s : 500;
}
function userMessageOf(e: unknown): string {
  const m = (e as { userMessage?: unknown }).userMessage;
  return typeof m === 'string' ? m : 'Could not open the app. Reopen the page.';
}

/** The dictionary a widget loads for LANG, as widgets/loan-tab/i18n.ts toLang picks it. */
function dictionaryLang(lang: string): string {
  const l = lang.slice(0, 2).toLowerCase();
  if (l === 'la') return 'es'; // Bitrix24's Latin-American Spanish
  return l === 'ru' || l === 'es' ? l : 'en';
}

export const placementRoutes: FastifyPluginAsync<PlacementRouteOptions> = async (app: FastifyInstance, opts) => {
  const distDir = opts.distDir ?? DEFAULT_DIST_DIR;
  const assetsFor = createAssetResolver(distDir);
  const descriptors = opts.descriptors ?? [loanTabPlacement, calculatorPlacement];

  for (const d of descriptors) {
    app.post(d.handlerPath, { schema: { querystring: frameQuery, body: frameBody } }, async (req, reply) => {
      const post: FramePost = { query: (req.query ?? {}) as Record<string, unknown>, body: (req.body ?? {}) as Record<string, unknown> };
      const frame = parseFramePost(post);
      const html = (status: number, message: string): FastifyReply =>
        reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderErrorPage(message, frame.lang));
      const dealId = d.bindsDeal ? dealIdOf(frame.placementOptions) : null;
      const verifying = opts.verifyPlacement(post);
      // The POSTed deal id is only a claim until the portal shows this user that deal: a session
      // bound to it may save a loan there. Asked beside the verification, not after it.
      const dealCheck = dealId === null ? null : opts.canReadDeal(post, verifying, dealId);
      dealCheck?.catch(() => undefined); // a refused verification answers first; this result is then unused
      let verified: VerifiedFrame;
      try {
        verified = await verifying;
      } catch (e) {
        const status = statusOf(e);
        if (status >= 500) req.log.error({ err: e }, 'placement verification failed');
        else req.log.warn({ placement: d.placement, memberId: frame.memberId }, 'placement POST refused');
        return html(status, userMessageOf(e));
      }
      if (d.bindsDeal && dealId === null) return html(400, dealRefusalMessage('no-deal', frame.lang));
      // Read beside the deal check; used only when the check passes.
      const products = opts.listProducts ? opts.listProducts(verified.portalId) : Promise.resolve([]);
      const loan = dealId !== null && d.carriesLoan && opts.initialLoan ? opts.initialLoan(verified.portalId, dealId) : undefined;
      products.catch(() => undefined);
      loan?.catch(() => undefined);
      let deal: DealSeen | null = null;
      if (dealCheck) {
        try {
          deal = await dealCheck;
        } catch (e) {
          req.log.warn({ err: e, placement: d.placement }, 'deal access check got no answer');
          return html(502, dealRefusalMessage('unverified', frame.lang));
        }
        if (!deal) {
          req.log.warn({ placement: d.placement, portalId: verified.portalId, userId: verified.userId, dealId }, 'deal tab refused');
          return html(403, dealRefusalMessage('denied', frame.lang));
        }
      }
      const sessionToken = opts.issueSession({
        portalId: verified.portalId,
        userId: verified.userId,
        isAdmin: verified.isAdmin,
        ...(dealId === null ? {} : { dealId }),
        ...(opts.sessionTtlSec === undefined ? {} : { ttlSec: opts.sessionTtlSec }),
      });
      // A loan that could not be read is left to the widget's own GET (it shows that error itself).
      const initialLoan = loan ? await loan.catch(() => undefined) : undefined;
      const page = renderWidgetPage(
        assetsFor(d.widget, dictionaryLang(frame.lang)),
        {
          widget: d.widget,
          sessionToken,
          dealId: dealId === null ? null : String(dealId),
          lang: frame.lang || 'en',
          apiBase: opts.apiBase ?? '',
          products: await products,
          ...(deal ? { deal: { currencyId: deal.currencyId, opportunity: deal.opportunity } } : {}),
          ...(verified.userName ? { user: { name: verified.userName } } : {}),
          ...(initialLoan === undefined ? {} : { loan: initialLoan }),
        },
        d.titles.en,
      );
      const portalOrigin = `${frame.protocol === 1 ? 'https' : 'http'}://${frame.domain}`;
      return (
        reply
          .header('cache-control', 'no-store')
          .header('referrer-policy', 'no-referrer')
          // Only the verified portal may frame the page that carries a session.
          .header('content-security-policy', `frame-ancestors ${portalOrigin}`)
          .type('text/html; charset=utf-8')
          .send(page)
      );
    });
  }

  // Hashed bundles: immutable for a year. The manifest itself is not public.
  app.get('/widgets/*', async (req, reply) => {
    const rel = (req.params as { '*': string })['*'] ?? '';
    if (!SAFE_ASSET.test(rel)) return reply.code(404).send({ error: 'NOT_FOUND', message: 'No such asset' });
    try {
      const body = await readFile(join(distDir, rel));
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('access-control-allow-origin', '*')
        .type(TYPES[extname(rel)] ?? 'application/octet-stream')
        .send(body);
    } catch {
      return reply.code(404).send({ error: 'NOT_FOUND', message: 'No such asset' });
    }
  });
};
