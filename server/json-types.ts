// JSON carries its own types, so a JSON body must match its schema's types as sent. The app's Ajv
// coerces (`coerceTypes: 'array'`) because query strings, path params and the Bitrix24 form bodies
// are all text; for a JSON body the same coercion would turn " 12 ", "0x10" or "1e1" into numbers,
// `true` into "true", null into "" and ["x"] into "x" — accepting malformed input silently. This
// walks the route's body schema beside the body and names the first value whose JSON kind the
// schema does not allow, before Ajv gets the chance to coerce it.

type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';
interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  patternProperties?: Record<string, SchemaNode>;
  items?: SchemaNode | SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
}

function kindOf(v: unknown): Kind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return 'number';
  return typeof v as Kind;
}

function allows(types: string[], k: Kind): boolean {
  return types.includes(k) || (k === 'number' && types.includes('integer'));
}

/** The schema branch that `v` is meant for, or null when the schema says nothing about types. */
function branchFor(schema: SchemaNode, v: unknown): SchemaNode | 'mismatch' | null {
  const k = kindOf(v);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    return allows(types, k) ? schema : 'mismatch';
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches) return null;
  let untyped = false;
  for (const b of branches) {
    if (b.type === undefined) untyped = true;
    else if (allows(Array.isArray(b.type) ? b.type : [b.type], k)) return b;
  }
  return untyped ? null : 'mismatch';
}

/** Looks up a shared schema by `$ref` (the route's `req.server.getSchema`); undefined when unknown. */
export type ResolveRef = (ref: string) => unknown;

/** Path of the first value in `value` whose JSON type `schema` does not allow; null when all fit. */
export function findTypeMismatch(schema: unknown, value: unknown, resolve: ResolveRef, path = 'body', depth = 0): string | null {
  if (!schema || typeof schema !== 'object' || depth > 64) return null;
  const ref = (schema as SchemaNode).$ref;
  if (ref !== undefined) return findTypeMismatch(resolve(ref.replace(/#$/, '')), value, resolve, path, depth + 1);
  const node = branchFor(schema, value);
  if (node === 'mismatch') return path;
  if (node === null) return null;
  if (Array.isArray(value)) {
    const items = node.items;
    if (!items || Array.isArray(items)) return null;
    for (let i = 0; i < value.length; i++) {
      const p = findTypeMismatch(items, value[i], resolve, `${path}[${i}]`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, x] of Object.entries(value as Record<string, unknown>)) {
      const sub =
        node.properties?.[k] ??
        Object.entries(node.patternProperties ?? {}).find(([re]) => new RegExp(re).test(k))?.[1] ??
        (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
      const p = sub ? findTypeMismatch(sub, x, resolve, `${path}.${k}`, depth + 1) : null;
      if (p) return p;
    }
  }
  return null;
}
