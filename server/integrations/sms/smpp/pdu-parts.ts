import { createHash } from 'node:crypto';
import { analyzeSms, encodeGsm7, encodeUcs2, type SmsEncoding } from '../encoding/index.js';

// Turns a message into submit_sm short_message payloads. We encode ourselves and hand the
// library Buffers, so it never guesses: data_coding 0 = SMSC default alphabet (GSM 03.38,
// unpacked, one septet per octet, the usual SMPP form), 8 = UCS-2 big-endian. Parts of a long
// message carry a 6-octet UDH (IEI 0x00, 8-bit reference) and esm_class 0x40 (UDHI).

export const DATA_CODING: Readonly<Record<SmsEncoding, number>> = { GSM7: 0x00, UCS2: 0x08 };
export const ESM_CLASS_UDHI = 0x40;

export interface SubmitPart {
  shortMessage: Buffer;
  dataCoding: number;
  esmClass: number;
}

/** Reference number stable for a given message key, so a resent part belongs to the same message. */
export function concatReference(idempotencyKey: string): number {
  return createHash('sha256').update(idempotencyKey).digest()[0] as number;
}

export function buildSubmitParts(text: string, idempotencyKey: string): { parts: SubmitPart[]; encoding: SmsEncoding } {
  const a = analyzeSms(text);
  const dataCoding = DATA_CODING[a.encoding];
  const encode = (s: string) => Buffer.from(a.encoding === 'GSM7' ? encodeGsm7(s) : encodeUcs2(s));
  if (a.segments <= 1) return { encoding: a.encoding, parts: [{ shortMessage: encode(a.text), dataCoding, esmClass: 0 }] };
  if (a.segments > 255) throw new RangeError('A concatenated SMS has at most 255 parts');
  const ref = concatReference(idempotencyKey);
  const parts = a.parts.map((p, i) => ({
    shortMessage: Buffer.concat([Buffer.from([0x05, 0x00, 0x03, ref, a.segments, i + 1]), encode(p)]),
    dataCoding,
    esmClass: ESM_CLASS_UDHI,
  }));
  return { encoding: a.encoding, parts };
}
