import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, fakeSessionServer } from '../../test/fakes/session-server.js';
import { createPlanLimits, planLimitText } from './plan-limits.js';

// The app page's plan notice: read once; unknown codes and a failed read show nothing.
describe('plan limits on the app page', () => {
  it('reads the limits of the portal and keeps only the ones it can explain', async () => {
    const s = fakeSessionServer({ valid: ['t1'], answer: () => ({ status: 200, json: { limits: ['smart_process', 'something_new'] } }) });
    const m = createPlanLimits({ baseUrl: APP_ORIGIN, sessionToken: 't1' }, s.fetchFn);
    await m.load();
    expect(m.limits.value).toEqual(['smart_process']);
    expect(s.seen[0]).toMatchObject({ method: 'GET', path: '/api/v1/portal/plan-limits' });
  });

  it('a failed read shows no notice', async () => {
    const s = fakeSessionServer({ valid: ['t1'], answer: () => ({ status: 500, json: { error: 'INTERNAL', message: 'Internal error' } }) });
    const m = createPlanLimits({ baseUrl: APP_ORIGIN, sessionToken: 't1' }, s.fetchFn);
    await m.load();
    expect(m.limits.value).toEqual([]);
  });

  it('says what is unavailable in each language', () => {
    expect(planLimitText('en').smart_process).toContain('“Payment schedule” smart process was not created');
    expect(planLimitText('ru').smart_process).toContain('смарт-процесс «График платежей» не создан');
    expect(planLimitText('es').smart_process).toContain('no se creó el proceso inteligente «Calendario de pagos»');
    for (const l of ['en', 'ru', 'es'] as const) expect(planLimitText(l).smart_process_items.length).toBeGreaterThan(40);
  });
});
