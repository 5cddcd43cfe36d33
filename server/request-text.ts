// What no text that reaches a route may hold — body, query string, path params, and the keys of
// each (checked once for every route by input-guard.ts, before schema validation):
// - NUL and the other C0/C1 control characters (tab, LF and CR excepted): PostgreSQL refuses NUL in
//   text (a 500 after half a request's work), an SMSC or a portal refuses them later (a dead letter);
// - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make a stored name or
//   reference display as something else in the deal card;
// - lone UTF-16 surrogates and the non-characters U+FFFE/U+FFFF: not text in any encoding we store;
// - nesting deeper than MAX_DEPTH: no payload we accept is deeper, and walking one costs stack.

export const MAX_DEPTH = 32;

const UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isSafeText(s: string): boolean {
  return !UNSAFE.test(s);
}

export type TextProblem = { kind: 'control'; path: string } | { kind: 'depth'; path: string };

/** The first problem in `value` (depth-first, iterative so a hostile depth cannot overflow the stack). */
export function findTextProblem(value: unknown, root = ''): TextProblem | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (!isSafeText(v)) return { kind: 'control', path };
      continue;
    }
    // A binary body (a payment file as application/octet-stream) is bytes, not text.
    if (v === null || typeof v !== 'object' || v instanceof Uint8Array) continue;
    if (depth >= MAX_DEPTH) return { kind: 'depth', path };
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const p = path ? `${path}.${k}` : k;
      if (!isSafeText(k)) return { kind: 'control', path: path || '(key)' };
      stack.push({ v: x, path: p, depth: depth + 1 });
    }
  }
  return null;
}
