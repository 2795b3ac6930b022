/**
 * Maps between DOM positions in a rendered source text and offsets in the text. The root element holds the text
 * as consecutive chunk elements (see chunk-text.ts), each with `data-start` = the UTF-16 offset of its first
 * character and its slice of the text as Text content, in order and covering the text. A DOM position is
 * resolved through its chunk (its offset plus the text before the position inside it), and an offset is found
 * by a binary search over the chunks' starts. Spans are in code points, as codings are stored.
 */
import type { CodePointIndex } from "./code-point-index";

/** A span of the text in code points, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

type Bias = "start" | "end";

/**
 * The UTF-16 offset in the text of the DOM position (node, offset): node may be a Text node in a chunk, a chunk
 * (or an element inside one, offset = child index), or the root (offset = chunk index). Null outside the root.
 */
export function domPointToUtf16(root: Element, node: Node, offset: number): number | null {
  if (node === root) {
    const chunk = root.children.item(clampInt(offset, root.children.length));
    return chunk === null ? textLength(root) : chunkStart(chunk);
  }
  const chunk = chunkOf(root, node);
  if (chunk === null) {
    return null;
  }
  const before = root.ownerDocument.createRange();
  before.setStart(chunk, 0);
  before.setEnd(node, clampInt(offset, nodeLength(node)));
  return chunkStart(chunk) + before.toString().length;
}

/**
 * The code-point span a DOM range selects, clipped to the root when it starts or ends outside it. An end in the
 * middle of a surrogate pair keeps the whole character. Null when it selects nothing of the root's text.
 */
export function rangeToSpan(root: Element, range: Range, index: CodePointIndex): Span | null {
  if (range.collapsed) {
    return null;
  }
  const from = clippedUtf16(root, range.startContainer, range.startOffset);
  const to = clippedUtf16(root, range.endContainer, range.endOffset);
  if (from === null || to === null || from >= to) {
    return null;
  }
  const start = index.toCodePoint(from);
  const end = index.toCodePoint(to) + (index.toUtf16(index.toCodePoint(to)) < to ? 1 : 0);
  return start < end ? { start, end } : null;
}

/**
 * A DOM range over the span, with both ends in Text nodes: a start on a chunk boundary is placed at the start of
 * the next chunk, an end at the end of the previous one, so the range does not reach into a chunk it does not
 * cover. Null when the span is not a valid span of the index's text or the root does not hold that text.
 */
export function spanToRange(root: Element, span: Span, index: CodePointIndex): Range | null {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end) {
    return null;
  }
  if (end > index.codePointLength) {
    return null;
  }
  const from = locate(root, index.toUtf16(start), "start");
  const to = locate(root, index.toUtf16(end), "end");
  if (from === null || to === null) {
    return null;
  }
  const range = root.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The code point at a caret position (e.g. from caretPositionFromPoint), or null outside the root. */
export function caretToCodePoint(
  root: Element,
  node: Node,
  offset: number,
  index: CodePointIndex,
): number | null {
  const utf16 = domPointToUtf16(root, node, offset);
  return utf16 === null ? null : index.toCodePoint(utf16);
}

/** Like domPointToUtf16, but a position outside the root counts as its start or end, whichever side it is on. */
function clippedUtf16(root: Element, node: Node, offset: number): number | null {
  if (root.contains(node)) {
    return domPointToUtf16(root, node, offset);
  }
  if (node.getRootNode() !== root.getRootNode()) {
    return null;
  }
  const inside = root.ownerDocument.createRange();
  inside.selectNodeContents(root);
  return inside.comparePoint(node, offset) < 0 ? 0 : textLength(root);
}

function locate(root: Element, utf16: number, bias: Bias): { node: Text; offset: number } | null {
  const chunks = root.children;
  const found =
    bias === "start" ? lastChunkWhere(chunks, (s) => s <= utf16) : lastChunkWhere(chunks, (s) => s < utf16);
  // A chunk without text has no Text node to hold the point; the point then belongs to a neighbour.
  const step = bias === "start" ? 1 : -1;
  for (let at = Math.max(found, 0); ; at += step) {
    const chunk = at < 0 ? null : chunks.item(at);
    if (chunk === null) {
      return null;
    }
    const point = pointIn(chunk, utf16 - chunkStart(chunk), bias);
    if (point !== null || chunk.textContent !== "") {
      return point;
    }
  }
}

/** The index of the last chunk whose start satisfies `test` (a prefix of the chunks does), -1 if none. */
function lastChunkWhere(chunks: HTMLCollection, test: (start: number) => boolean): number {
  let low = 0;
  let high = chunks.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const chunk = chunks.item(mid);
    if (chunk !== null && test(chunkStart(chunk))) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** The Text node and offset at `local` UTF-16 units into a chunk; between two Text nodes, `bias` picks the side. */
function pointIn(chunk: Element, local: number, bias: Bias): { node: Text; offset: number } | null {
  const walker = chunk.ownerDocument.createTreeWalker(chunk, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  let rest = local;
  for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
    if (rest < node.length || (rest === node.length && bias === "end")) {
      return { node, offset: rest };
    }
    rest -= node.length;
    last = node;
  }
  return last !== null && rest === 0 ? { node: last, offset: last.length } : null;
}

function chunkOf(root: Element, node: Node): Element | null {
  let current: Node | null = node;
  while (current !== null && current.parentNode !== root) {
    current = current.parentNode;
  }
  return current !== null && current.nodeType === Node.ELEMENT_NODE ? (current as Element) : null;
}

function chunkStart(chunk: Element): number {
  return Number(chunk.getAttribute("data-start"));
}

function textLength(root: Element): number {
  const last = root.lastElementChild;
  return last === null ? 0 : chunkStart(last) + (last.textContent ?? "").length;
}

/** The largest offset a position in the node can have: characters in character data, children in the others. */
function nodeLength(node: Node): number {
  return "length" in node && typeof node.length === "number" ? node.length : node.childNodes.length;
}

function clampInt(value: number, max: number): number {
  return Math.min(Math.max(Math.trunc(value), 0), max);
}
