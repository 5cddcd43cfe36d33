// Shape comparison for the contract replay: keys, value types and nesting — never values.

export interface ShapeOptions {
  /** Dotted paths (with [] for array items) whose contents are data-dependent and not compared. */
  ignore?: string[];
}

/** Keys whose presence depends on the portal's data (user fields, parent links). */
const DYNAMIC_KEY = /^(UF_|PARENT_ID_\d+$|ufCrm|parentId\d+$)/;

function kind(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

export function shapeDiff(expected: unknown, actual: unknown, opts: ShapeOptions = {}, path = '$'): string[] {
  if (opts.ignore?.includes(path)) return [];
  const ek = kind(expected);
  const ak = kind(actual);
  if (ek === 'null') return [];
  // PHP serialises an empty map as []: an empty array in the fixture stands for "empty list or map".
  if (ek === 'array' && (expected as unknown[]).length === 0)
    return ak === 'array' || ak === 'object' ? [] : [`${path}: expected array, got ${ak}`];
  if (ek === 'object' && Object.keys(expected as object).length === 0)
    return ak === 'object' || ak === 'array' ? [] : [`${path}: expected object, got ${ak}`];
  if (ak === 'null' && ek !== 'object' && ek !== 'array') return [];
  if (ek !== ak) return [`${path}: expected ${ek}, got ${ak}`];
  if (ek === 'array') {
    const a = actual as unknown[];
    // A list of ids/values may be empty for our data; a list of records must not be.
    const first = (expected as unknown[])[0];
    if (a.length === 0) return typeof first === 'object' && first !== null ? [`${path}: fixture has items, emulator returned none`] : [];
    return shapeDiff((expected as unknown[])[0], a[0], opts, `${path}[]`);
  }
  if (ek === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const out: string[] = [];
    for (const key of Object.keys(e)) {
      if (!(key in a)) {
        if (!DYNAMIC_KEY.test(key)) out.push(`${path}.${key}: missing`);
        continue;
      }
      out.push(...shapeDiff(e[key], a[key], opts, `${path}.${key}`));
    }
    return out;
  }
  return [];
}

/** Error bodies must have exactly the documented keys. */
export function sameKeys(expected: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  const e = Object.keys(expected).sort().join(',');
  const a = Object.keys(actual).sort().join(',');
  return e === a ? [] : [`keys: expected [${e}], got [${a}]`];
}

/** "HTTP 400 per doc" → 400. */
export function statusFromNote(note: string | undefined): number | undefined {
  const m = note ? /HTTP (\d{3})/.exec(note) : null;
  return m ? Number(m[1]) : undefined;
}
