import { createHmac, timingSafeEqual } from 'node:crypto';

// X-Twilio-Signature (twilio.com/docs/usage/security#validating-requests): HMAC-SHA1 keyed with
// the auth token over the full URL followed by every POST parameter, sorted by name, as
// name+value with no separators; base64. UNVERIFIED here against a live account
// (integrations.md §2.4); the fake server signs the same way.
export function twilioSignature(authToken: string, url: string, params: Record<string, unknown>): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const v = params[key];
    for (const item of Array.isArray(v) ? v : [v]) data += key + String(item ?? '');
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function verifyTwilioSignature(authToken: string, url: string, params: Record<string, unknown>, signature: string): boolean {
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
