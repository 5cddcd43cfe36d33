// One walk over a part's tree that both the filler and the linter use, so what the linter accepts is
// exactly what the filler can do. The walk knows Word's structure (paragraphs, table rows, content
// controls, form fields); what a placeholder means is asked of the caller's hooks.
import { mergePlaceholders, isBlank, ownTextNodes, setNodeText, stripHit, tagHits, type TagHit } from './paragraph-text.js';
import { TAG, parseTag, type Tag } from './tags.js';
import type { TemplateProblem } from './template-problem.js';
import { cloneNode, descendants, element, firstChild, getAttr, setAttr, setText, textOf, type XmlElement, type XmlNode } from './xml.js';

export interface FillHooks<S> {
  /** The text a {{code|format}} becomes. */
  value(tag: Extract<Tag, { kind: 'value' }>, raw: string, scope: S): string;
  /** The scopes of a list's items, one per repetition. */
  items(tag: Extract<Tag, { kind: 'each' }>, raw: string, scope: S): S[];
  test(tag: Extract<Tag, { kind: 'if' }>, raw: string, scope: S): boolean;
  /** Whether a checkbox named `id` (code or code=value) is ticked; undefined leaves it as it is. */
  checkbox(id: string, scope: S): boolean | undefined;
  problem(p: TemplateProblem): void;
}

export function fillTree<S>(root: XmlElement, scope: S, hooks: FillHooks<S>): void {
  for (const p of descendants(root, 'w:p')) mergePlaceholders(p);
  root.children = fillChildren(root.children, scope, hooks);
}

function fillChildren<S>(children: XmlNode[], scope: S, h: FillHooks<S>): XmlNode[] {
  const out: XmlNode[] = [];
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.kind !== 'el') {
      out.push(node);
      continue;
    }
    if (node.name === 'w:p' || node.name === 'w:tr') {
      const block = openBlock(children, i, h);
      if (block) {
        out.push(...expandBlock(children, i, block, scope, h));
        i = block.closeIndex;
        continue;
      }
      if (node.name === 'w:p') fillParagraphText(node, scope, h);
    } else if (node.name === 'w:sdt') {
      setContentControlCheckbox(node, scope, h);
    } else if (node.name === 'w:fldChar') {
      setLegacyCheckbox(node, scope, h);
    }
    node.children = fillChildren(node.children, scope, h);
    out.push(node);
  }
  return out;
}

interface Block {
  open: TagHit & { tag: Extract<Tag, { kind: 'each' | 'if' }> };
  close: TagHit;
  closeIndex: number;
}

/**
 * A block opens in unit `i` when one of its {{#each}}/{{#if}} closes outside the paragraph it opens
 * in: in a later sibling (paragraphs or rows between repeat or go), or — in a row — in another cell
 * of the same row (the row repeats). Blocks opened and closed in one paragraph are inline.
 */
function openBlock<S>(children: XmlNode[], i: number, h: FillHooks<S>): Block | undefined {
  const unit = children[i] as XmlElement;
  const hits = tagHits(unit);
  if (!hits.some((x) => x.tag.kind === 'each' || x.tag.kind === 'if')) return undefined;
  const stack: TagHit[] = [];
  for (const hit of hits) {
    if (hit.tag.kind === 'each' || hit.tag.kind === 'if') stack.push(hit);
    else if (hit.tag.kind === 'end') {
      const open = stack.pop();
      // In a row, {{#each}} … {{/each}} repeats the row even when both sit in one cell's paragraph.
      const rowLoop = unit.name === 'w:tr' && open?.tag.kind === 'each';
      if (open && (open.paragraph !== hit.paragraph || rowLoop) && stack.length === 0) return checked(open, hit, i, h);
    }
  }
  if (stack.length === 0) return undefined;
  const open = stack[0]!;
  let depth = 0;
  for (let j = i; j < children.length; j++) {
    const sibling = children[j]!;
    if (sibling.kind !== 'el' || sibling.name !== unit.name) continue;
    const siblingHits = j === i ? hits : tagHits(sibling);
    for (const hit of j === i ? hits.slice(hits.indexOf(open)) : siblingHits) {
      if (hit.tag.kind === 'each' || hit.tag.kind === 'if') depth++;
      else if (hit.tag.kind === 'end' && --depth === 0) return checked(open, hit, j, h);
    }
  }
  h.problem({ kind: 'unclosed-block', text: open.raw });
  stripHit(open);
  return undefined;
}

function checked<S>(open: TagHit, close: TagHit, closeIndex: number, h: FillHooks<S>): Block {
  const kind = open.tag.kind as 'each' | 'if';
  if (close.tag.kind === 'end' && close.tag.block !== kind) h.problem({ kind: 'mismatched-close', text: `${open.raw} … ${close.raw}` });
  return { open: open as Block['open'], close, closeIndex };
}

function expandBlock<S>(children: XmlNode[], i: number, block: Block, scope: S, h: FillHooks<S>): XmlNode[] {
  stripHit(block.open);
  stripHit(block.close);
  const units = children.slice(i, block.closeIndex + 1);
  // A paragraph or row that only carried the {{#each}} or {{/each}} is not part of the content.
  const body = units.filter((u, k) => !((k === 0 || k === units.length - 1) && u.kind === 'el' && isBlank(u)));
  const { tag, raw } = block.open;
  const scopes = tag.kind === 'each' ? h.items(tag, raw, scope) : h.test(tag, raw, scope) ? [scope] : [];
  const out: XmlNode[] = [];
  for (const s of scopes) out.push(...fillChildren(scopes.length === 1 ? body : body.map(cloneNode), s, h));
  return out;
}

function fillParagraphText<S>(p: XmlElement, scope: S, h: FillHooks<S>): void {
  const nodes = ownTextNodes(p);
  if (!nodes.some((t) => textOf(t).includes('{{'))) return;
  applyInlineBlocks(p, nodes, scope, h);
  for (const t of nodes) {
    const text = textOf(t);
    if (!text.includes('{{')) continue;
    const filled = text.replace(TAG, (raw: string, inner: string) => {
      const tag = parseTag(inner);
      if (tag.kind === 'value') return h.value(tag, raw, scope);
      if (tag.kind === 'bad') h.problem({ kind: 'bad-placeholder', text: raw });
      else h.problem({ kind: tag.kind === 'end' ? 'stray-close' : 'unclosed-block', text: raw });
      return '';
    });
    writeWithBreaks(t, filled);
  }
}

/** A value with line breaks (an address) becomes text and w:br in the same run. */
function writeWithBreaks(t: XmlElement, text: string): void {
  const lines = text.split(/\r?\n/u);
  setNodeText(t, lines[0] ?? '');
  if (lines.length === 1) return;
  const extra: XmlElement[] = [];
  for (const line of lines.slice(1)) {
    extra.push(element('w:br'));
    const next = element('w:t', t.attrs);
    setNodeText(next, line);
    extra.push(next);
  }
  pendingBreaks.set(t, extra);
}

/** Inserted after the walk of the paragraph's runs (the w:t does not know its run). */
const pendingBreaks = new WeakMap<XmlElement, XmlElement[]>();

export function insertPendingBreaks(root: XmlElement): void {
  const visit = (el: XmlElement): void => {
    for (let k = 0; k < el.children.length; k++) {
      const c = el.children[k]!;
      if (c.kind !== 'el') continue;
      const extra = c.name === 'w:t' ? pendingBreaks.get(c) : undefined;
      if (extra) {
        el.children.splice(k + 1, 0, ...extra);
        k += extra.length;
      } else visit(c);
    }
  };
  visit(root);
}

interface InlinePair {
  open: TagHit;
  close: TagHit;
}

/** {{#if}} … {{/if}} inside one paragraph: the text between stays or goes. */
function applyInlineBlocks<S>(p: XmlElement, nodes: XmlElement[], scope: S, h: FillHooks<S>): void {
  const hits = tagHits(p);
  const pairs: InlinePair[] = [];
  const stack: TagHit[] = [];
  for (const hit of hits) {
    if (hit.tag.kind === 'each' || hit.tag.kind === 'if') stack.push(hit);
    else if (hit.tag.kind === 'end') {
      const open = stack.pop();
      if (open) pairs.push({ open, close: hit });
    }
  }
  if (pairs.length === 0) return;
  pairs.sort((a, b) => key(a.open) - key(b.open));
  const cuts = new Map<number, [number, number][]>();
  const cut = (nodeIndex: number, from: number, to: number): void => {
    const list = cuts.get(nodeIndex) ?? [];
    list.push([from, to]);
    cuts.set(nodeIndex, list);
  };
  const gone: [number, number][] = [];
  for (const { open, close } of pairs) {
    if (gone.some(([a, b]) => key(open) >= a && key(open) < b)) continue;
    if (open.tag.kind === 'each') h.problem({ kind: 'inline-each', text: open.raw });
    const keep = open.tag.kind === 'if' && h.test(open.tag, open.raw, scope);
    if (close.tag.kind === 'end' && close.tag.block !== open.tag.kind)
      h.problem({ kind: 'mismatched-close', text: `${open.raw} … ${close.raw}` });
    if (keep) {
      cut(open.nodeIndex, open.start, open.end);
      cut(close.nodeIndex, close.start, close.end);
      continue;
    }
    gone.push([key(open), key(close) + close.end - close.start]);
    if (open.nodeIndex === close.nodeIndex) cut(open.nodeIndex, open.start, close.end);
    else {
      cut(open.nodeIndex, open.start, Number.MAX_SAFE_INTEGER);
      for (let x = open.nodeIndex + 1; x < close.nodeIndex; x++) cut(x, 0, Number.MAX_SAFE_INTEGER);
      cut(close.nodeIndex, 0, close.end);
    }
  }
  for (const [nodeIndex, list] of cuts) {
    const node = nodes[nodeIndex]!;
    const text = textOf(node);
    let kept = '';
    let at = 0;
    for (const [from, to] of list.sort((a, b) => a[0] - b[0])) {
      if (from > at) kept += text.slice(at, from);
      at = Math.max(at, to);
    }
    setNodeText(node, kept + text.slice(Math.min(at, text.length)));
  }
}

/** Document order of a hit inside its paragraph (a node never holds a million characters). */
function key(hit: TagHit): number {
  return hit.nodeIndex * 1_000_000 + hit.start;
}

const CHECKED_GLYPH = '2612';
const UNCHECKED_GLYPH = '2610';

/** Word 2010+ check box content control: w14:checkbox in the properties, a glyph in the content. */
function setContentControlCheckbox<S>(sdt: XmlElement, scope: S, h: FillHooks<S>): void {
  const pr = firstChild(sdt, 'w:sdtPr');
  const box = pr && firstChild(pr, 'w14:checkbox');
  if (!pr || !box) return;
  const id = attrOf(pr, 'w:tag') ?? attrOf(pr, 'w:alias');
  if (!id) {
    h.problem({ kind: 'bad-checkbox', text: textOf(sdt).trim(), note: 'checkbox-no-tag' });
    return;
  }
  const on = h.checkbox(id, scope);
  if (on === undefined) return;
  let state = firstChild(box, 'w14:checked');
  if (!state) {
    state = element('w14:checked');
    box.children.unshift(state);
    box.selfClosing = false;
  }
  setAttr(state, 'w14:val', on ? '1' : '0');
  const glyphHex = attrOf(box, on ? 'w14:checkedState' : 'w14:uncheckedState', 'w14:val') ?? (on ? CHECKED_GLYPH : UNCHECKED_GLYPH);
  const content = firstChild(sdt, 'w:sdtContent');
  const t = content && descendants(content, 'w:t')[0];
  if (t) setText(t, String.fromCodePoint(parseInt(glyphHex, 16)));
}

/** The legacy form field: fldChar begin → ffData → checkBox; Word draws the box from w:checked. */
function setLegacyCheckbox<S>(fldChar: XmlElement, scope: S, h: FillHooks<S>): void {
  const data = firstChild(fldChar, 'w:ffData');
  const box = data && firstChild(data, 'w:checkBox');
  if (!data || !box) return;
  const status = attrOf(data, 'w:statusText');
  const id = status && status.trim() !== '' ? status.trim() : attrOf(data, 'w:name');
  if (!id) {
    h.problem({ kind: 'bad-checkbox', text: 'FORMCHECKBOX', note: 'formcheckbox-no-name' });
    return;
  }
  const on = h.checkbox(id, scope);
  if (on === undefined) return;
  box.children = box.children.filter((c) => !(c.kind === 'el' && c.name === 'w:checked'));
  box.children.push(element('w:checked', ` w:val="${on ? '1' : '0'}"`));
  box.selfClosing = false;
}

function attrOf(parent: XmlElement, child: string, attr = 'w:val'): string | undefined {
  const el = firstChild(parent, child);
  return el && getAttr(el, attr);
}
