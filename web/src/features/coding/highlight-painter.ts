// Paints codings with the CSS Custom Highlight API: one Highlight per code ("qc-<codeId>"), holding a Range per
// segment. The text's DOM is never rewritten, so overlapping codings simply layer their translucent colours and a
// live change never moves what the reader is looking at. Updates are incremental: a new coding adds one Range.
import type { CodePointIndex } from "../../anchoring/code-point-index";
import { spanToRange } from "../../anchoring/text-dom";
import type { Segment } from "../../lib/live/types";

const supported = () => typeof CSS !== "undefined" && "highlights" in CSS;

export const highlightName = (codeId: string) => `qc-${codeId}`;

interface Painted {
  segment: Segment;
  range: Range;
}

export class HighlightPainter {
  private readonly painted = new Map<string, Painted>();
  private readonly byCode = new Map<string, Highlight>();
  private readonly root: Element;
  private readonly index: CodePointIndex;

  constructor(root: Element, index: CodePointIndex) {
    this.root = root;
    this.index = index;
  }

  get count() {
    return this.painted.size;
  }

  /** Brings the painted ranges in line with `segments`; answers the ids newly painted. */
  sync(segments: ReadonlyMap<string, Segment>): string[] {
    const added: string[] = [];
    for (const [id, was] of this.painted) {
      const now = segments.get(id);
      if (now === was.segment) continue;
      if (
        now &&
        now.start === was.segment.start &&
        now.end === was.segment.end &&
        now.codeId === was.segment.codeId
      ) {
        was.segment = now;
        continue;
      }
      this.highlightOf(was.segment.codeId).delete(was.range);
      this.painted.delete(id);
    }
    for (const [id, segment] of segments) {
      if (this.painted.has(id)) continue;
      const range = spanToRange(this.root, segment, this.index);
      if (!range) continue;
      this.highlightOf(segment.codeId).add(range);
      this.painted.set(id, { segment, range });
      added.push(id);
    }
    return added;
  }

  /** Codes' colours, as translucent backgrounds so that overlaps stay visible as darker, mixed layers. */
  static styleFor(codes: ReadonlyArray<{ id: string; color: string }>): string {
    return codes
      .map((c) => `::highlight(${highlightName(c.id)}) { background-color: ${c.color}59; }`)
      .join("\n");
  }

  /** The segments covering a code point, innermost (shortest) first. */
  covering(at: number): Segment[] {
    const hits: Segment[] = [];
    for (const { segment } of this.painted.values()) {
      if (segment.start <= at && at < segment.end) hits.push(segment);
    }
    return hits.sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  rangeOf(segmentId: string): Range | undefined {
    return this.painted.get(segmentId)?.range;
  }

  dispose() {
    if (supported()) for (const name of this.byCode.keys()) CSS.highlights.delete(highlightName(name));
    this.byCode.clear();
    this.painted.clear();
  }

  private highlightOf(codeId: string): Highlight {
    let highlight = this.byCode.get(codeId);
    if (!highlight) {
      highlight = new Highlight();
      this.byCode.set(codeId, highlight);
      if (supported()) CSS.highlights.set(highlightName(codeId), highlight);
    }
    return highlight;
  }
}

/** Marks a moment after the browser has painted the current frame (one animation frame, then a task). */
export function markAfterPaint(name: string) {
  requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
}
