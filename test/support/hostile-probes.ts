import qs from 'qs';

// Hostile request bodies, generated (no randomness: the same table every run) from a route's valid
// base body, and the app's routes read from Fastify itself so a new route is probed without anyone
// remembering to add it. Used by hostile-bodies.db.test.ts; the security suite may reuse it.

export type ProbeClass =
  'json-syntax' | 'wrong-types' | 'nul-bytes' | 'unicode-controls' | 'padded-numbers' | 'deep-nesting' | 'oversized' | 'media-type';

export interface Probe {
  cls: ProbeClass;
  contentType: string;
  payload: string;
  /** What the probe changed, for a failure message (never the whole payload: it can be 1 MB). */
  label: string;
}

export interface RouteEntry {
  method: string;
  url: string;
}

/** Every route from `app.printRoutes({ commonPrefix: false })`: a tree whose lines nest by 4 columns. */
export function parseRouteTree(tree: string): RouteEntry[] {
  const out: RouteEntry[] = [];
  const prefixes: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    const url = (prefixes[depth - 1] ?? '') + (m[2] ?? '');
    prefixes.length = depth;
    prefixes.push(url);
    for (const method of (m[3] ?? '').split(',').map((x) => x.trim()))
      if (method && method !== 'HEAD' && method !== 'OPTIONS') out.push({ method, url });
  }
  return out;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Leaf = { path: (string | number)[]; value: string | number | boolean | null };

function leaves(v: Json, path: (string | number)[] = []): Leaf[] {
  if (v === null || typeof v !== 'object') return [{ path, value: v }];
  const entries: [string | number, Json][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
  return entries.flatMap(([k, x]) => leaves(x, [...path, k]));
}

function setAt(v: Json, path: (string | number)[], value: Json): Json {
  const copy = structuredClone(v);
  let cur = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, Json>;
  cur[path[path.length - 1]!] = value;
  return copy;
}

const CONTROLS = ['\u202E', '\u0007', '\uD800', '\u0085', '\u001B[2J', '\u2066', '\uFFFF', '\u000B'];
const PADDINGS = (v: string) => [` ${v} `, `${v} `, `\t${v}`, `${v}\u00A0`, `+${v}`, `${v}e0`, `${v},00`, `0x${v}`];
const DECIMALISH = /^-?\d+(\.\d+)?$/;
const RAW_JSON = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '[1,2',
  'nul',
  '{"a":1}}',
  '',
  '{"__proto__":{"polluted":1}}',
  '\u0000',
  '"\\ud800"',
];
const MAX_LEAVES = 16;

export interface ProbeOptions {
  /** Bitrix24-facing route: bodies go form-encoded (PHP brackets), as a portal sends them. */
  form: boolean;
  /** Larger than the route's body limit. */
  oversizeBytes: number;
}

/** The hostile bodies for one route, derived from a valid `base` body. */
export function hostileProbes(base: Record<string, Json>, opts: ProbeOptions): Probe[] {
  const encode = (b: Json): { contentType: string; payload: string } =>
    opts.form
      ? { contentType: 'application/x-www-form-urlencoded', payload: qs.stringify(b, { encodeValuesOnly: false }) }
      : { contentType: 'application/json', payload: JSON.stringify(b) };
  const probes: Probe[] = [];
  const add = (cls: ProbeClass, label: string, body: Json) => probes.push({ cls, label, ...encode(body) });
  const ls = leaves(base)
    .filter((l) => l.path.length > 0)
    .slice(0, MAX_LEAVES);
  const name = (l: Leaf) => l.path.join('.');

  for (const raw of RAW_JSON)
    probes.push({ cls: 'json-syntax', label: JSON.stringify(raw), contentType: 'application/json', payload: raw });

  for (const whole of [[], 'text', 123, null, true] as Json[])
    probes.push({
      cls: 'wrong-types',
      label: `body ${JSON.stringify(whole)}`,
      contentType: 'application/json',
      payload: JSON.stringify(whole),
    });
  for (const l of ls) {
    add('wrong-types', `${name(l)} = object`, setAt(base, l.path, { x: { y: 1 } }));
    // In a form every value is text and PHP brackets make arrays, so an array is only a wrong type in JSON.
    if (!opts.form) add('wrong-types', `${name(l)} = two-item array`, setAt(base, l.path, [1, 2]));
  }

  ls.forEach((l, i) => {
    if (typeof l.value === 'string') add('nul-bytes', `${name(l)} + NUL`, setAt(base, l.path, `${l.value}\u0000`));
    // A lone surrogate cannot be form-encoded (it arrives as U+FFFD, which is text): JSON only.
    const controls = opts.form ? CONTROLS.filter((x) => x !== '\uD800') : CONTROLS;
    const c = controls[i % controls.length]!;
    add('unicode-controls', `${name(l)} + ${JSON.stringify(c)}`, setAt(base, l.path, `${String(l.value ?? '')}${c}`));
  });
  add('nul-bytes', 'new key with NUL', { ...base, ['na\u0000me']: 'x' });
  add('nul-bytes', 'new field name = NUL', { ...base, name: '\u0000' });

  for (const l of ls) {
    const v = typeof l.value === 'number' ? String(l.value) : typeof l.value === 'string' && DECIMALISH.test(l.value) ? l.value : null;
    if (v === null) continue;
    for (const padded of PADDINGS(v)) add('padded-numbers', `${name(l)} = ${JSON.stringify(padded)}`, setAt(base, l.path, padded));
  }

  let deep: Json = 'x';
  for (let i = 0; i < 40; i++) deep = { a: deep };
  add('deep-nesting', 'objects 40 deep', { ...base, nested: deep });
  const n = 20_000;
  probes.push({
    cls: 'deep-nesting',
    label: `arrays ${n} deep`,
    contentType: 'application/json',
    payload: `{"a":${'['.repeat(n)}${']'.repeat(n)}}`,
  });
  probes.push({
    cls: 'deep-nesting',
    label: 'form brackets 50 deep',
    contentType: 'application/x-www-form-urlencoded',
    payload: `a${'[b]'.repeat(50)}=1`,
  });

  probes.push({
    cls: 'oversized',
    label: `${opts.oversizeBytes} bytes`,
    contentType: 'application/json',
    payload: JSON.stringify({ ...base, pad: 'x'.repeat(opts.oversizeBytes) }),
  });

  if (!opts.form) {
    probes.push({
      cls: 'media-type',
      label: 'form-encoded',
      contentType: 'application/x-www-form-urlencoded',
      payload: qs.stringify(base),
    });
  }
  probes.push({ cls: 'media-type', label: 'text/plain', contentType: 'text/plain', payload: JSON.stringify(base) });
  probes.push({ cls: 'media-type', label: 'multipart', contentType: 'multipart/form-data; boundary=x', payload: '--x\r\n\r\n--x--' });
  return probes;
}
