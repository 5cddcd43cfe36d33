import { describe, expect, it } from 'vitest';
import { smsCount } from './bank-send-model.js';

// The send screen's SMS counter counts by the rule the server's 422 SMS_OVER_LIMIT uses
// (lending/sms-encoding overLimit): GSM-7 160/153, UCS-2 70/67, a character limit before parts.
describe('smsCount', () => {
  it('counts GSM-7 and UCS-2 parts, and names the limit that applies', () => {
    expect(smsCount('a'.repeat(160), null)).toEqual({ units: 160, segments: 1, max: null, over: null });
    expect(smsCount('ж'.repeat(71), { maxSegments: 2 })).toMatchObject({
      units: 71,
      segments: 2,
      max: { unit: 'segments', value: 2 },
      over: null,
    });
    expect(smsCount('ж'.repeat(135), { maxSegments: 2 }).over).toEqual({ unit: 'segments', limit: 2, count: 3, encoding: 'UCS2' });
    expect(smsCount('a'.repeat(151), { maxSegments: 2, maxUnits: 150 })).toMatchObject({
      max: { unit: 'characters', value: 150 },
      over: { unit: 'characters', count: 151 },
    });
  });
});
