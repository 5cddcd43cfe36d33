// Server-rendered pages of the emulated portal: deal list, deal card with our placements as tabs,
// and a small log view. Deliberately plain: the frames are the point.
import type { Placement } from '../records/bindings.js';
import type { DealView, PortalHost } from './host.js';
import { portalLabels, type PortalLang } from './i18n.js';

export interface FrameConfig {
  id: string;
  container: string;
  mode: 'tab' | 'slider' | 'page';
  handler: string;
  appOrigin: string;
  placement: string;
  placementOptions: Record<string, string> | '';
  lang: PortalLang;
  isAdmin: boolean;
  install: boolean;
  firstRun: boolean;
  appOptions: Record<string, unknown> | unknown[];
  userOptions: Record<string, unknown> | unknown[];
  applicationToken: string;
  scope: string;
  status: string;
  autoload: boolean;
}

export interface PageContext {
  host: PortalHost;
  lang: PortalLang;
  userId: number;
  /** Query kept on links: lang and user. */
  keep: string;
}

export const esc = (v: unknown): string => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function titleOf(p: Placement, lang: PortalLang): string {
  return p.langAll[lang]?.TITLE ?? p.langAll.en?.TITLE ?? p.title ?? p.placement;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

export function frameFor(
  ctx: PageContext,
  p: Placement,
  o: { id: string; mode: FrameConfig['mode']; options: Record<string, string> | ''; autoload: boolean },
): FrameConfig {
  const app = ctx.host.app();
  return {
    id: o.id,
    container: `${o.id}-body`,
    mode: o.mode,
    handler: p.handler,
    appOrigin: originOf(p.handler),
    placement: p.placement,
    placementOptions: o.options,
    lang: ctx.lang,
    isAdmin: ctx.host.user(ctx.userId)?.admin ?? false,
    install: !(app?.installed ?? false),
    firstRun: false,
    appOptions: [],
    userOptions: [],
    applicationToken: app?.applicationToken ?? '',
    scope: app?.scope ?? '',
    status: app?.status ?? 'L',
    autoload: o.autoload,
  };
}

function layout(ctx: PageContext, title: string, body: string, frames: FrameConfig[]): string {
  const L = portalLabels[ctx.lang];
  const config = {
    domain: ctx.host.domain(),
    memberId: ctx.host.memberId(),
    serverEndpoint: `http://${ctx.host.domain()}/rest/`,
    userId: ctx.userId,
    /** Query the portal's own pages keep (lang, user): a path opened in a slider (openPath) carries it. */
    keep: ctx.keep,
    closeLabel: L.close,
    frames,
  };
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const langLinks = (['en', 'ru', 'es'] as const)
    .map((l) => (l === ctx.lang ? `<b>${l}</b>` : `<a href="?lang=${l}&user=${ctx.userId}">${l}</a>`))
    .join(' · ');
  return `<!doctype html>
<html lang="${ctx.lang}">
<head><meta charset="utf-8"><title>${esc(title)}</title><link rel="stylesheet" href="/portal-ui/portal.css"></head>
<body>
<header class="portal-top"><a href="/crm/deal/list/?${ctx.keep}">Bitrix24 · ${esc(L.deals)}</a><span class="portal-top__right"><a href="/marketplace/app/?${ctx.keep}">${esc(L.app)}</a> · <a href="/portal-ui/logs?${ctx.keep}">${esc(L.logs)}</a> · ${langLinks}</span></header>
<main class="portal-main">${body}</main>
<script type="application/json" id="portal-frames">${json}</script>
<script src="/portal-ui/frame-host.js"></script>
</body>
</html>`;
}

function money(d: DealView, lang: PortalLang): string {
  const locale = lang === 'ru' ? 'ru-RU' : lang === 'es' ? 'es-MX' : 'en-US';
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: d.currencyId }).format(Number(d.opportunity));
  } catch {
    return `${d.opportunity} ${d.currencyId}`;
  }
}

export function dealListPage(ctx: PageContext): string {
  const L = portalLabels[ctx.lang];
  const installed = ctx.host.app()?.installed ?? false;
  const menu = installed ? ctx.host.placements('CRM_DEAL_LIST_MENU') : [];
  const frames: FrameConfig[] = [];
  const rows = ctx.host.deals().map((d) => {
    const items = menu.map((p) => {
      const f = frameFor(ctx, p, { id: `menu-${p.id}-${d.id}`, mode: 'slider', options: { ID: String(d.id) }, autoload: false });
      frames.push(f);
      return `<button type="button" class="portal-link" data-open-frame="${f.id}">${esc(titleOf(p, ctx.lang))}</button>`;
    });
    return `<tr><td>${d.id}</td><td><a href="/crm/deal/details/${d.id}/?${ctx.keep}">${esc(d.title)}</a></td><td class="num">${esc(money(d, ctx.lang))}</td><td>${esc(d.stageId)}</td><td>${items.join(' ')}</td></tr>`;
  });
  const sliders = frames
    .map(
      (f) =>
        `<div class="portal-slider" hidden><div class="portal-slider__panel"><button type="button" class="portal-link" data-close-slider>${esc(L.close)}</button><div id="${f.container}"></div></div></div>`,
    )
    .join('');
  const table = rows.length
    ? `<table class="portal-table"><thead><tr><th>ID</th><th>${esc(L.title)}</th><th>${esc(L.amount)}</th><th>${esc(L.stage)}</th><th>${esc(L.actions)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : `<p>${esc(L.noDeals)}</p>`;
  return layout(
    ctx,
    L.deals,
    `<h1>${esc(L.deals)}</h1>${installed ? '' : `<p class="portal-note">${esc(L.notInstalled)}</p>`}${table}${sliders}`,
    frames,
  );
}

export function dealCardPage(ctx: PageContext, deal: DealView, openTab: string | undefined): string {
  const L = portalLabels[ctx.lang];
  const installed = ctx.host.app()?.installed ?? false;
  // Widgets stay hidden until installFinish (contract.md §1.1, fact 15).
  const tabs = installed ? ctx.host.placements('CRM_DEAL_DETAIL_TAB') : [];
  const uri = `/crm/deal/details/${deal.id}/`;
  // ?tab= names a placement id, a placement code or a handler path ending; the first match opens.
  const open = tabs.findIndex(
    (p) => openTab !== undefined && (openTab === String(p.id) || openTab === p.placement || p.handler.endsWith(openTab)),
  );
  const frames = tabs.map((p, i) =>
    frameFor(ctx, p, {
      id: `tab-${p.id}`,
      mode: 'tab',
      options: { ID: String(deal.id), URI: uri },
      autoload: i === open,
    }),
  );
  const buttons = [
    `<button type="button" class="portal-tab${frames.some((f) => f.autoload) ? '' : ' is-active'}" data-tab="general">${esc(L.general)}</button>`,
    ...tabs.map(
      (p, i) =>
        `<button type="button" class="portal-tab" data-tab="${frames[i]?.id}" data-placement-id="${p.id}">${esc(titleOf(p, ctx.lang))}</button>`,
    ),
  ].join('');
  const general = `<div data-panel="general"${frames.some((f) => f.autoload) ? ' hidden' : ''}><table class="portal-table portal-table--fields">
<tr><th>ID</th><td>${deal.id}</td></tr><tr><th>${esc(L.title)}</th><td>${esc(deal.title)}</td></tr>
<tr><th>${esc(L.amount)}</th><td>${esc(money(deal, ctx.lang))}</td></tr><tr><th>${esc(L.stage)}</th><td>${esc(deal.stageId)}</td></tr>
<tr><th>${esc(L.pipeline)}</th><td data-field="pipeline">${esc(deal.pipeline)}</td></tr><tr><th>${esc(L.contact)}</th><td data-field="contact">${esc(deal.contacts.join(', '))}</td></tr></table></div>`;
  const panels = frames.map((f) => `<div data-panel="${f.id}" id="${f.container}" hidden></div>`).join('');
  return layout(
    ctx,
    `${L.deal} ${deal.title}`,
    `<p><a href="/crm/deal/list/?${ctx.keep}">${esc(L.backToList)}</a></p><h1>${esc(deal.title)}</h1>${installed ? '' : `<p class="portal-note">${esc(L.notInstalled)}</p>`}<nav class="portal-tabs">${buttons}</nav><section class="portal-card">${general}${panels}</section>`,
    frames,
  );
}

/** The app's own page (DEFAULT placement), e.g. its install page before installFinish. */
export function appPage(ctx: PageContext, handler: string): string {
  const L = portalLabels[ctx.lang];
  const p: Placement = {
    id: 0,
    placement: 'DEFAULT',
    handler,
    title: L.app,
    description: '',
    groupName: '',
    langAll: {},
    options: {},
    userId: 0,
  };
  const f = frameFor(ctx, p, { id: 'app', mode: 'page', options: '', autoload: true });
  f.firstRun = f.install;
  return layout(ctx, L.app, `<h1>${esc(L.app)}</h1><div id="${f.container}"></div>`, [f]);
}

export function logsPage(ctx: PageContext): string {
  const L = portalLabels[ctx.lang];
  const calls = Object.entries(ctx.host.restCalls()).sort((a, b) => b[1] - a[1]);
  const callRows = calls.map(([m, n]) => `<tr><td>${esc(m)}</td><td class="num">${n}</td></tr>`).join('');
  const events = ctx.host
    .deliveries()
    .slice()
    .reverse()
    .map(
      (d) =>
        `<tr><td>${esc(d.at)}</td><td>${esc(d.event)}</td><td>${esc(d.handler)}</td><td>${d.dropped ? 'dropped' : esc(d.status ?? d.error ?? '')}</td></tr>`,
    )
    .join('');
  return layout(
    ctx,
    L.logs,
    `<h1>${esc(L.logs)}</h1><h2>${esc(L.restCalls)}</h2><table class="portal-table"><thead><tr><th>${esc(L.method)}</th><th>${esc(L.count)}</th></tr></thead><tbody>${callRows}</tbody></table>
<h2>${esc(L.events)}</h2><table class="portal-table"><tbody>${events}</tbody></table>`,
    [],
  );
}
