// A small XML tree for OOXML parts. Word's parts have no DTD, no entities beyond the five and numeric
// references, and attributes we never need to understand except a few: so attributes stay one raw
// string and text stays escaped until asked for, and an untouched part serialises back byte for byte.

export interface XmlElement {
  kind: 'el';
  name: string;
  /** The raw attribute text after the name, leading space included. */
  attrs: string;
  children: XmlNode[];
  selfClosing: boolean;
}

/** Escaped text, or a comment / declaration / CDATA kept verbatim. */
export interface XmlRaw {
  kind: 'raw';
  raw: string;
}

export type XmlNode = XmlElement | XmlRaw;

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/gu;

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

/** Parses a part into a synthetic root whose children are the prolog and the document element. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { kind: 'el', name: '#root', attrs: '', children: [], selfClosing: false };
  const stack: XmlElement[] = [root];
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m !== null; m = TOKEN.exec(xml)) {
    const top = stack[stack.length - 1]!;
    if (m.index > last) top.children.push({ kind: 'raw', raw: xml.slice(last, m.index) });
    last = TOKEN.lastIndex;
    const name = m[2];
    if (name === undefined) {
      if (m[0].startsWith('<!DOCTYPE')) throw new XmlSyntaxError('DOCTYPE is not allowed');
      top.children.push({ kind: 'raw', raw: m[0] });
    } else if (m[1] === '/') {
      if (top.name !== name || stack.length === 1) throw new XmlSyntaxError(`unexpected </${name}>`);
      stack.pop();
    } else {
      const el: XmlElement = { kind: 'el', name, attrs: m[3] ?? '', children: [], selfClosing: m[4] === '/' };
      top.children.push(el);
      if (!el.selfClosing) stack.push(el);
    }
  }
  if (stack.length !== 1) throw new XmlSyntaxError(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (last < xml.length) root.children.push({ kind: 'raw', raw: xml.slice(last) });
  return root;
}

export function serializeXml(root: XmlElement): string {
  const out: string[] = [];
  for (const child of root.children) write(child, out);
  return out.join('');
}

function write(node: XmlNode, out: string[]): void {
  if (node.kind === 'raw') {
    out.push(node.raw);
    return;
  }
  if (node.selfClosing && node.children.length === 0) {
    out.push(`<${node.name}${node.attrs}/>`);
    return;
  }
  out.push(`<${node.name}${node.attrs}>`);
  for (const child of node.children) write(child, out);
  out.push(`</${node.name}>`);
}

export function element(name: string, attrs = '', children: XmlNode[] = []): XmlElement {
  return { kind: 'el', name, attrs, children, selfClosing: children.length === 0 };
}

export function cloneNode<T extends XmlNode>(node: T): T {
  if (node.kind === 'raw') return { ...node };
  return { ...node, children: node.children.map(cloneNode) };
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.kind === 'el' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (c.kind === 'el' && c.name === name) return c;
  return undefined;
}

/** Every descendant element named `name`, in document order, not descending into `stopAt` elements. */
export function descendants(el: XmlElement, name: string, stopAt?: ReadonlySet<string>): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (node: XmlElement): void => {
    for (const c of node.children) {
      if (c.kind !== 'el') continue;
      if (c.name === name) out.push(c);
      if (stopAt?.has(c.name)) continue;
      visit(c);
    }
  };
  visit(el);
  return out;
}

export function getAttr(el: XmlElement, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace('.', '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'u').exec(el.attrs);
  return m === null ? undefined : unescapeXml(m[1] ?? m[2] ?? '');
}

export function setAttr(el: XmlElement, name: string, value: string): void {
  const re = new RegExp(`(\\s${name})\\s*=\\s*(?:"[^"]*"|'[^']*')`, 'u');
  const quoted = `"${escapeXml(value)}"`;
  el.attrs = re.test(el.attrs) ? el.attrs.replace(re, `$1=${quoted}`) : `${el.attrs} ${name}=${quoted}`;
}

/** The decoded text directly inside `el` (a w:t, w:instrText …). */
export function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) if (c.kind === 'raw' && !c.raw.startsWith('<')) s += c.raw;
  return unescapeXml(s);
}

export function setText(el: XmlElement, text: string): void {
  el.children = text === '' ? [] : [{ kind: 'raw', raw: escapeXml(text) }];
  el.selfClosing = false;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/gu;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole: string, hex?: string, dec?: string, named?: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(parseInt(dec, 10)) : (NAMED[named ?? ''] ?? whole),
  );
}

// Characters XML 1.0 forbids: a value pasted from elsewhere must not make the part unreadable.

const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

export function escapeXml(s: string): string {
  return s.replace(NOT_XML, '').replace(/[&<>"]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
