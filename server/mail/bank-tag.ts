// A bank's id as it travels in a reply token. The token must keep the Reply-To local part within
// RFC 5321's 64 octets (server/mail/reply-token.ts allows the bank [a-z0-9-], at most 24 characters),
// and bank ids are UUIDv7 (36 characters). The tag is the id's first 60 bits — the 48-bit creation
// millisecond and the 12 random bits after the version — in base 36, 12 characters: enough to tell a
// portal's banks apart (two would share it only if created in the same millisecond AND drew the same
// 12 bits), and it names the id's first 18 characters, so the bank is found by that prefix. The MAC
// around it, not the tag, is what makes a token unforgeable. An id that is not a UUIDv7 (test
// fixtures' "banco-norte") travels as it is. Pure.

const UUID_V7 = /^([0-9a-f]{8})-([0-9a-f]{4})-7([0-9a-f]{3})-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TAG = /^[0-9a-z]{12}$/;

export function bankTagOf(bankId: string): string {
  const m = UUID_V7.exec(bankId.toLowerCase());
  if (!m) return bankId;
  const [, a, b, c] = m as unknown as [string, string, string, string];
  return BigInt(`0x${a}${b}${c}`).toString(36).padStart(12, '0');
}

/** The first 18 characters of the UUIDv7 a tag stands for ("0193a1b2-c3d4-7e5f"), or null when it is no tag. */
export function bankIdPrefixOfTag(tag: string): string | null {
  if (!TAG.test(tag)) return null;
  let n = 0n;
  for (const ch of tag) n = n * 36n + BigInt(parseInt(ch, 36));
  if (n >> 60n !== 0n) return null;
  const hex = n.toString(16).padStart(15, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(12)}`;
}
