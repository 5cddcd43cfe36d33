import { describe, expect, it } from 'vitest';
import type { JobContext } from '../jobs/job.js';
import type { BatchCommand, PortalClient } from '../portal-client/portal-client.js';
import { BatchedCallError, portalWrites } from './write-batch.js';

// The reminder sends' writes share a batch per portal; each caller gets its own command's answer.
function fakePortal() {
  const batches: BatchCommand[][] = [];
  const portal = {
    async batch(commands: BatchCommand[]) {
      batches.push(commands);
      const results: Record<string, unknown> = {};
      const errors: Record<string, { code: string; description: string }> = {};
      commands.forEach((c, i) => {
        if (c.params?.USER_ID === 0) errors[String(i)] = { code: 'USER_NOT_FOUND', description: 'no such user' };
        else results[String(i)] = i + 100;
      });
      return { results, errors, total: {}, next: {} };
    },
  } as unknown as PortalClient;
  const ctx = { portal: async () => portal } as unknown as JobContext;
  return { batches, ctx };
}

describe('reminder writes in batches', () => {
  it('calls made side by side go as one batch; each resolves with its own result or rejects with its own error', async () => {
    const { batches, ctx } = fakePortal();
    const w = portalWrites({ windowMs: 0 });
    const a = w.call(ctx, 'p1', 'crm.timeline.comment.add', { fields: { ENTITY_ID: 1 } });
    const b = w.call(ctx, 'p1', 'im.notify.system.add', { USER_ID: 0, MESSAGE: 'x' });
    const c = w.call(ctx, 'p1', 'im.notify.system.add', { USER_ID: 7, MESSAGE: 'y' });
    await expect(a).resolves.toBe(100);
    await expect(b).rejects.toBeInstanceOf(BatchedCallError);
    await expect(c).resolves.toBe(102);
    expect(batches.map((x) => x.map((y) => y.method))).toEqual([
      ['crm.timeline.comment.add', 'im.notify.system.add', 'im.notify.system.add'],
    ]);
  });

  it('portals are batched apart, and at most 50 commands go in one batch', async () => {
    const { batches, ctx } = fakePortal();
    const w = portalWrites({ windowMs: 0 });
    const calls = Array.from({ length: 51 }, (_, i) => w.call(ctx, 'p1', 'crm.timeline.comment.add', { n: i }));
    calls.push(w.call(ctx, 'p2', 'crm.timeline.comment.add', { n: 0 }));
    await Promise.all(calls);
    expect(batches.map((x) => x.length).sort((x, y) => x - y)).toEqual([1, 1, 50]);
  });
});
