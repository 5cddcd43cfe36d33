// The HTML around a widget bundle. The boot JSON is what widgets/loan-tab/boot.ts reads; `<` is
// escaped so no value can close the script element.
import type { WidgetAssets } from './widget-assets.js';

export interface WidgetBoot {
  widget: string;
  sessionToken: string | null;
  /** Cookie sessions only (/admin/products): sent back as X-CSRF-Token (server/security/session.ts). */
  csrfToken?: string | null;
  dealId: string | null;
  lang: string;
  apiBase: string;
  products?: unknown[];
  /** Deal tabs: the deal as the placement's access check read it (currency, amount). */
  deal?: { currencyId: string | null; opportunity: string | null };
  /** Deal tabs: the saved loan (null: none yet), so the tab renders without fetching it first. */
  loan?: unknown;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderWidgetPage(assets: WidgetAssets, boot: WidgetBoot, title: string): string {
  const json = JSON.stringify(boot)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return [
    '<!doctype html>',
    `<html lang="${esc(boot.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    ...assets.styles.map((h) => `<link rel="stylesheet" href="${esc(h)}">`),
    ...assets.preloads.map((h) => `<link rel="modulepreload" href="${esc(h)}">`),
    ...assets.scripts.map((h) => `<script type="module" src="${esc(h)}"></script>`),
    '</head>',
    '<body>',
    '<div id="app"></div>',
    `<script type="application/json" id="widget-boot">${json}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

export function renderErrorPage(message: string, lang: string): string {
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"></head><body style="font:13px 'Open Sans',Helvetica,Arial,sans-serif;color:#333;padding:16px"><p>${esc(message)}</p></body></html>`;
}
