import { describe, expect, it } from 'vitest';
import { runUnderTsx } from './tsx-child/run-under-tsx.js';

// Issue 10: under tsx/Node ESM a refused bind or submit threw inside the smpp socket callback and
// ended the process (vitest's transform hid it). The child runs the real client, the real job path
// and the demo's fake SMSC under tsx; see test/tsx-child/smpp-refusals.ts.
describe('SMPP under tsx (the runtime of npm start and npm run demo)', () => {
  it('a refused bind and a refused submit become failed/retried jobs with a reason; the process lives on and delivers', async () => {
    const r = await runUnderTsx('test/tsx-child/smpp-refusals.ts', [], 110_000); // its receipt wait is bounded at 60 s
    expect(r.stderr).not.toMatch(/Uncaught|TypeError|Unhandled/);
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 0, signal: null });
    const byStep = Object.fromEntries(r.json.map((l) => [l.step, l]));
    expect(byStep['bind-refused']).toMatchObject({
      status: 'failed',
      lastError: expect.stringMatching(/^SMPP_BIND_REFUSED: .*ESME_RINVPASWD \(0x0000000e\)/) as unknown,
    });
    expect(byStep['submit-throttled']).toMatchObject({
      status: 'requested', // retried later with back-off: throttling heals
      lastError: expect.stringMatching(/ESME_RTHROTTLED \(0x00000058\)/) as unknown,
    });
    // The fake SMSC's receipt (smpp.ESM_CLASS, which the namespace import lacked) reaches the job.
    expect(byStep.delivered).toMatchObject({ status: 'delivered', lastError: null });
    expect(byStep.alive).toEqual({ step: 'alive', messagesAtSmsc: 1 });
  });
});
