// What the portal page needs from the emulator, in one place, so the pages do not reach into the
// state's layout. Built from the emulator's Core.
import type { Core } from '../core.js';
import { finishInstall, issueUserToken } from '../install.js';
import type { Placement } from '../records/bindings.js';
import type { PortalUser } from '../records/users.js';
import { ENTITY_CONTACT, ENTITY_DEAL, itemsOf } from '../state.js';
import type { DeliveryRecord } from '../stats.js';

export interface DealView {
  id: number;
  title: string;
  opportunity: string;
  currencyId: string;
  stageId: string;
  /** The pipeline's name (crm.category.list), '' when unknown. */
  pipeline: string;
  /** Names of the linked contacts. */
  contacts: string[];
}

export interface FrameAuth {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface PortalHost {
  /** 127.0.0.1:PORT — the portal's DOMAIN. */
  domain(): string;
  memberId(): string;
  defaultLang(): string;
  app(): {
    installed: boolean;
    status: string;
    applicationToken: string;
    scope: string;
    installUrl?: string | undefined;
    appUrl?: string | undefined;
  } | null;
  deals(): DealView[];
  deal(id: number): DealView | undefined;
  placements(code: string): Placement[];
  user(id: number): PortalUser | undefined;
  issueToken(userId: number): FrameAuth;
  refresh(refreshToken: string): FrameAuth | undefined;
  finishInstall(): void;
  restCalls(): Record<string, number>;
  deliveries(): DeliveryRecord[];
}

const s = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function dealView(core: Core, r: Record<string, unknown> & { id: number }): DealView {
  const categoryId = typeof r.categoryId === 'number' ? r.categoryId : 0;
  const ids = Array.isArray(r.contactIds) ? r.contactIds : typeof r.contactId === 'number' ? [r.contactId] : [];
  const contacts = itemsOf(core.state, ENTITY_CONTACT)
    .filter((c) => ids.includes(c.id))
    .map((c) => [s(c.name), s(c.lastName)].filter(Boolean).join(' ') || `#${c.id}`);
  return {
    id: r.id,
    title: s(r.title) || `#${r.id}`,
    opportunity: s(r.opportunity) || '0',
    currencyId: s(r.currencyId) || 'RUB',
    stageId: s(r.stageId),
    pipeline: core.state.categories.find((c) => c.entityTypeId === ENTITY_DEAL && c.id === categoryId)?.name ?? '',
    contacts,
  };
}

export function hostFromCore(core: Core): PortalHost {
  return {
    domain: () => core.domain,
    memberId: () => core.state.portal.memberId,
    defaultLang: () => core.state.app?.languageId ?? core.state.portal.languageId,
    app: () => {
      const a = core.state.app;
      return a
        ? {
            installed: a.installed,
            status: a.status,
            applicationToken: a.applicationToken,
            scope: a.scope.join(','),
            installUrl: a.installUrl,
            appUrl: a.appUrl,
          }
        : null;
    },
    deals: () => itemsOf(core.state, ENTITY_DEAL).map((d) => dealView(core, d)),
    deal: (id) => {
      const r = itemsOf(core.state, ENTITY_DEAL).find((d) => d.id === id);
      return r ? dealView(core, r) : undefined;
    },
    placements: (code) => core.state.placements.filter((p) => p.placement === code),
    user: (id) => core.state.users.find((u) => u.id === id),
    issueToken: (userId) => {
      const a = issueUserToken(core, userId);
      return { accessToken: a.accessToken, refreshToken: a.refreshToken, expiresIn: a.expiresIn };
    },
    refresh: (rt) => {
      const p = core.tokens.refresh(rt);
      if (!p) return undefined;
      core.changed();
      return { accessToken: p.accessToken, refreshToken: p.refreshToken, expiresIn: p.expiresIn };
    },
    finishInstall: () => finishInstall(core),
    restCalls: () => ({ ...core.stats.restCalls }),
    deliveries: () => core.stats.events.deliveries.slice(-50),
  };
}
