// Where the person is pointing in the text: the current selection as a span, the spot under the mouse, and
// putting a span back on screen as a selection.
import type { CodePointIndex } from "../../anchoring/code-point-index";
import { caretToCodePoint, rangeToSpan, spanToRange } from "../../anchoring/text-dom";

export interface Span {
  start: number;
  end: number;
}

export function selectedSpan(root: Element, index: CodePointIndex): Span | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  return rangeToSpan(root, selection.getRangeAt(0), index);
}

/** The code point of the caret: the selection's start, collapsed or not. */
export function caretCodePoint(root: Element, index: CodePointIndex): number | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return caretToCodePoint(root, range.startContainer, range.startOffset, index);
}

export function codePointAt(root: Element, index: CodePointIndex, x: number, y: number): number | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return caretToCodePoint(root, position.offsetNode, position.offset, index);
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? caretToCodePoint(root, range.startContainer, range.startOffset, index) : null;
}

/** Selects a span and scrolls it to the middle of the scrolling text pane. */
export function revealSpan(root: Element, scroller: Element, index: CodePointIndex, span: Span) {
  const range = spanToRange(root, span, index);
  if (!range) return;
  const chunk = range.startContainer.parentElement;
  // A chunk that skips layout has no real geometry yet: bring it on screen first, then centre the exact range.
  chunk?.scrollIntoView({ block: "center" });
  requestAnimationFrame(() => {
    const rect = range.getBoundingClientRect();
    const pane = scroller.getBoundingClientRect();
    scroller.scrollTop += rect.top - pane.top - pane.height / 2 + rect.height / 2;
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  });
}

/** How long a passage an agent points at stays flashed. */
const flashFor = 2000;

/** Flashes a span with the "qc-flash" highlight for about two seconds; answers a function that ends it sooner. */
export function flashSpan(root: Element, index: CodePointIndex, span: Span): () => void {
  const range = spanToRange(root, span, index);
  if (!range || typeof CSS === "undefined" || !("highlights" in CSS)) return () => {};
  CSS.highlights.set("qc-flash", new Highlight(range));
  const end = () => CSS.highlights.delete("qc-flash");
  const timer = setTimeout(end, flashFor);
  return () => {
    clearTimeout(timer);
    end();
  };
}

/**
 * A passage to show, named in the address as #span-<start>-<end> (with -flash to flash it): how a request to show a
 * passage in another project reaches that project's page.
 */
export function spanHash(span: Span, flash: boolean): string {
  return `#span-${span.start}-${span.end}${flash ? "-flash" : ""}`;
}

export function spanOfHash(hash: string): (Span & { flash: boolean }) | null {
  const found = /^#span-(\d+)-(\d+)(-flash)?$/.exec(hash);
  return found ? { start: Number(found[1]), end: Number(found[2]), flash: found[3] !== undefined } : null;
}
