// The app's own page: loan products (issue 5 §3). Bitrix24 opens it when someone clicks the app in
// the left menu — placement DEFAULT, POSTed to the app URL set in the app card (there is no
// placement.bind for DEFAULT, so it is not in app.manifest.json "placements"). Set the app URL to
// <PUBLIC_URL>/placements/settings. Outside the portal the same screen is GET /admin/products with
// the cookie session from /auth/login?portal=….
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { requireSession } from '../server/security/session.js';
import type { PlacementDescriptor } from './descriptor.js';
import { DEFAULT_DIST_DIR } from './routes.js';
import { createAssetResolver } from './widget-assets.js';
import { renderWidgetPage } from './widget-page.js';

export const settingsPlacement: PlacementDescriptor = {
  placement: 'DEFAULT',
  widget: 'settings',
  handlerPath: '/placements/settings',
  titles: { en: 'Loan products', ru: 'Кредитные продукты', es: 'Productos de crédito' },
  descriptions: {
    en: 'Products the Loan tab offers',
    ru: 'Продукты, которые предлагает вкладка «Заём»',
    es: 'Productos que ofrece la pestaña Préstamo',
  },
  bindsDeal: false,
};

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function langOf(req: FastifyRequest): string {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const raw = typeof q.lang === 'string' ? q.lang : (req.headers['accept-language'] ?? '');
  const l = raw.slice(0, 2).toLowerCase();
  return l === 'ru' || l === 'es' ? l : 'en';
}

const SIGN_IN: Record<string, { text: string; portal: string; button: string }> = {
  en: { text: 'Open the app from your Bitrix24, or sign in with your portal address.', portal: 'Portal', button: 'Sign in' },
  ru: { text: 'Откройте приложение из Битрикс24 или войдите по адресу портала.', portal: 'Портал', button: 'Войти' },
  es: { text: 'Abra la aplicación desde su Bitrix24 o inicie sesión con la dirección del portal.', portal: 'Portal', button: 'Entrar' },
};

function signInPage(lang: string): string {
  const s = SIGN_IN[lang] ?? SIGN_IN.en!;
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(settingsPlacement.titles.en)}</title></head><body style="font:13px 'Open Sans',Helvetica,Arial,sans-serif;color:#333;padding:16px"><p>${esc(s.text)}</p><form method="get" action="/auth/login"><label>${esc(s.portal)} <input name="portal" placeholder="example.bitrix24.com" required></label> <button type="submit">${esc(s.button)}</button></form></body></html>`;
}

export interface SettingsPageOptions {
  distDir?: string;
}

/** GET /admin/products: the settings screen for a browser signed in through /auth/login (cookie session). */
export const settingsAdminPage: FastifyPluginAsync<SettingsPageOptions> = async (app, opts) => {
  const assetsFor = createAssetResolver(opts.distDir ?? DEFAULT_DIST_DIR);
  const check = requireSession();
  app.get(
    '/admin/products',
    { schema: { querystring: { type: 'object', properties: { lang: { type: 'string', maxLength: 8 } } } } },
    async (req, reply) => {
      const lang = langOf(req);
      reply
        .header('cache-control', 'no-store')
        .header('content-security-policy', "frame-ancestors 'none'")
        .type('text/html; charset=utf-8');
      try {
        await check.call(app, req, reply);
      } catch {
        return reply.code(401).send(signInPage(lang));
      }
      // The session stays in its HttpOnly cookie: the page carries no session token, same-origin API
      // calls send the cookie — and the CSRF token, which only this page (no-store, never framed) has.
      const csrfToken = app.sessions.csrfToken(req.session!);
      const boot = { widget: settingsPlacement.widget, sessionToken: null, csrfToken, dealId: null, lang, apiBase: '' };
      return reply.send(
        renderWidgetPage(assetsFor(settingsPlacement.widget), boot, settingsPlacement.titles[lang as 'en'] ?? 'Loan products'),
      );
    },
  );
};
