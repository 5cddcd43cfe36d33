import { findPortalById } from '../portals/portal-repo.js';
import { readPortalTokens } from '../portals/portal-token-repo.js';
import { ReinstallNeeded } from './errors.js';
import { PortalClient, type RateParams } from './portal-client.js';
import type { RefreshDeps } from './token-refresh.js';
import { FrameGate } from './frame-gate.js';

// One long-lived PortalClient per portal, least-recently-used eviction. Long-lived matters: the
// SDK's rate limiter and refresh coalescing live inside an instance (b24jssdk.md §3.4).

export interface PortalClientsOptions extends RefreshDeps {
  rate: RateParams;
  maxSize: number;
}

export class PortalClients {
  private readonly cache = new Map<string, Promise<PortalClient>>();
  /** Frames being opened, per portal: the clients' requests to that portal hold back meanwhile (frame-gate.ts). */
  readonly frames = new FrameGate();
  constructor(private readonly o: PortalClientsOptions) {}

  /** The client for a portal; throws ReinstallNeeded when the portal is not active. */
  async get(portalId: string): Promise<PortalClient> {
    const hit = this.cache.get(portalId);
    if (hit) {
      this.cache.delete(portalId);
      this.cache.set(portalId, hit);
      return hit;
    }
    const p = this.create(portalId);
    this.cache.set(portalId, p);
    p.catch(() => this.cache.delete(portalId));
    while (this.cache.size > this.o.maxSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return p;
  }

  /** Drop a cached client (install, uninstall, reinstall_needed) so the next get() re-reads the row. */
  evict(portalId: string): void {
    this.cache.delete(portalId);
  }

  get size(): number {
    return this.cache.size;
  }

  private async create(portalId: string): Promise<PortalClient> {
    const portal = await findPortalById(this.o.db, portalId);
    if (!portal || portal.status !== 'active') throw new ReinstallNeeded(portalId, `portal is ${portal?.status ?? 'missing'}`);
    const tokens = await readPortalTokens(this.o.db, this.o.box, portalId);
    if (!tokens?.refreshToken) throw new ReinstallNeeded(portalId, 'no tokens stored');
    return new PortalClient(portal, tokens, { ...this.o, frames: this.frames, onReinstallNeeded: (id) => this.evict(id) });
  }
}
