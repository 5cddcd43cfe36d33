import { randomBytes } from 'node:crypto';

// RFC 9562 UUIDv7: 48-bit Unix ms timestamp, then random bits. Time-ordered ids keep B-tree inserts
// local and let ids be generated before the side effect they name.
// Random bytes are drawn from a pooled buffer: one syscall per 256 ids instead of one per id.
const POOL_IDS = 256;
let pool = Buffer.alloc(0);
let offset = 0;

export function uuidv7(now: number = Date.now()): string {
  if (offset + 16 > pool.length) {
    pool = randomBytes(16 * POOL_IDS);
    offset = 0;
  }
  const b = Buffer.from(pool.subarray(offset, offset + 16));
  offset += 16;
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
