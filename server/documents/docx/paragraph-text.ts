// The text of a paragraph as Word stores it: spread over runs (w:r/w:t) that spell-check marks
// (w:proofErr), bookmarks, revision ids and formatting changes split at any character. Joining the
// paragraph's w:t texts and moving each {{…}} whole into the run where it starts gives every later
// step one text node per placeholder; the run keeps the formatting of the placeholder's first
// character, as Word's own mail merge does.
import { TAG, parseTag, type Tag } from './tags.js';
import { descendants, getAttr, setAttr, setText, textOf, type XmlElement } from './xml.js';

/** A text box's paragraphs belong to the text box, not to the paragraph that anchors it. */
const OWN_TEXT_STOP: ReadonlySet<string> = new Set(['w:txbxContent']);

export function ownTextNodes(unit: XmlElement): XmlElement[] {
  return descendants(unit, 'w:t', OWN_TEXT_STOP);
}

export function setNodeText(t: XmlElement, text: string): void {
  setText(t, text);
  if (/^\s|\s$/u.test(text) && getAttr(t, 'xml:space') !== 'preserve') setAttr(t, 'xml:space', 'preserve');
}

/** Moves every placeholder of the paragraph into the text node where it starts. */
export function mergePlaceholders(p: XmlElement): void {
  const nodes = ownTextNodes(p);
  if (nodes.length < 2) return;
  const texts = nodes.map(textOf);
  const joined = texts.join('');
  if (!joined.includes('{')) return;
  const starts: number[] = [];
  let at = 0;
  for (const t of texts) {
    starts.push(at);
    at += t.length;
  }
  const matches = [...joined.matchAll(TAG)];
  // Last to first, so an earlier match still finds its nodes' text where it was.
  for (let k = matches.length - 1; k >= 0; k--) {
    const m = matches[k]!;
    const ms = m.index;
    const me = ms + m[0].length;
    const i = nodeAt(starts, ms);
    const j = nodeAt(starts, me - 1);
    if (i === j) continue;
    setNodeText(nodes[i]!, texts[i]!.slice(0, ms - starts[i]!) + m[0]);
    for (let x = i + 1; x < j; x++) setNodeText(nodes[x]!, '');
    setNodeText(nodes[j]!, texts[j]!.slice(me - starts[j]!));
    texts[i] = textOf(nodes[i]!);
    texts[j] = textOf(nodes[j]!);
    for (let x = i + 1; x < j; x++) texts[x] = '';
  }
}

function nodeAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface TagHit {
  /** The w:t holding the whole placeholder (after mergePlaceholders). */
  node: XmlElement;
  /** Which of the unit's text nodes, in document order. */
  nodeIndex: number;
  start: number;
  end: number;
  tag: Tag;
  raw: string;
  /** The paragraph the placeholder is in (a row holds several). */
  paragraph: XmlElement;
}

/** Every placeholder of a paragraph or a table row, in document order. */
export function tagHits(unit: XmlElement): TagHit[] {
  const paragraphs = unit.name === 'w:p' ? [unit] : descendants(unit, 'w:p', OWN_TEXT_STOP);
  const hits: TagHit[] = [];
  let nodeIndex = 0;
  for (const p of paragraphs) {
    for (const node of ownTextNodes(p)) {
      const text = textOf(node);
      if (text.includes('{{')) {
        for (const m of text.matchAll(TAG)) {
          hits.push({ node, nodeIndex, start: m.index, end: m.index + m[0].length, tag: parseTag(m[1] ?? ''), raw: m[0], paragraph: p });
        }
      }
      nodeIndex++;
    }
  }
  return hits;
}

/** Removes one placeholder's text from its node. */
export function stripHit(hit: TagHit): void {
  const text = textOf(hit.node);
  const at = text.indexOf(hit.raw, Math.max(0, hit.start - 1));
  if (at >= 0) setNodeText(hit.node, text.slice(0, at) + text.slice(at + hit.raw.length));
}

/** Content a paragraph or row keeps even with no text: dropping it would lose a picture or a box. */
const KEEPS: ReadonlySet<string> = new Set(['w:drawing', 'w:pict', 'w:object', 'w:sdt', 'w:fldChar', 'w:br', 'w:tab']);

export function isBlank(unit: XmlElement): boolean {
  for (const t of ownTextNodes(unit)) if (textOf(t).trim() !== '') return false;
  for (const name of KEEPS) if (descendants(unit, name).length > 0) return false;
  return true;
}
