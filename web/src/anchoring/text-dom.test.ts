import { beforeEach, describe, expect, it } from "vitest";
import { chunkText } from "./chunk-text";
import { CodePointIndex } from "./code-point-index";
import { caretToCodePoint, domPointToUtf16, rangeToSpan, spanToRange } from "./text-dom";

const family = "👩‍👩‍👧";
const mixed =
  `Intro e\u0301 café ${family} and 😀.\n` +
  "中文字符，日本語のテキスト。\n" +
  "line three 😀😀 with more words\n" +
  `${family}${family}\n` +
  "plain ascii tail";

/** Renders the text as the app does: a root of chunk <div>s, each with data-start and one Text node. */
function render(text: string, target: number): HTMLElement {
  const root = document.createElement("div");
  for (const { start, end } of chunkText(text, target)) {
    const chunk = document.createElement("div");
    chunk.setAttribute("data-start", String(start));
    chunk.append(text.slice(start, end));
    root.append(chunk);
  }
  document.body.append(root);
  return root;
}

function chunk(root: Element, i: number): Element {
  return root.children[i]!;
}

function textOf(root: Element, i: number): Text {
  return chunk(root, i).firstChild as Text;
}

function codePointSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join("");
}

/** A small deterministic generator, so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe("domPointToUtf16", () => {
  it("adds the offset in a Text node to its chunk's start", () => {
    const root = render("abcdefghij", 4);
    expect(domPointToUtf16(root, textOf(root, 0), 2)).toBe(2);
    expect(domPointToUtf16(root, textOf(root, 1), 0)).toBe(4);
    expect(domPointToUtf16(root, textOf(root, 2), 2)).toBe(10);
  });

  it("reads a chunk element position as a child index", () => {
    const root = render("abcdefghij", 4);
    expect(domPointToUtf16(root, chunk(root, 1), 0)).toBe(4);
    expect(domPointToUtf16(root, chunk(root, 1), 1)).toBe(8);
  });

  it("reads a root position as a chunk index", () => {
    const root = render("abcdefghij", 4);
    expect(domPointToUtf16(root, root, 0)).toBe(0);
    expect(domPointToUtf16(root, root, 2)).toBe(8);
    expect(domPointToUtf16(root, root, 3)).toBe(10);
  });

  it("counts text inside elements nested in a chunk", () => {
    const root = document.createElement("div");
    const piece = document.createElement("div");
    piece.setAttribute("data-start", "0");
    const mark = document.createElement("mark");
    mark.append("cd");
    piece.append("ab", mark, "ef");
    root.append(piece);
    expect(domPointToUtf16(root, mark.firstChild!, 1)).toBe(3);
    expect(domPointToUtf16(root, piece, 2)).toBe(4);
  });

  it("is null outside the root", () => {
    const root = render("abc", 10);
    const other = document.createElement("p");
    other.append("x");
    document.body.append(other);
    expect(domPointToUtf16(root, other.firstChild!, 0)).toBeNull();
    expect(domPointToUtf16(root, document.body, 0)).toBeNull();
  });
});

describe("rangeToSpan", () => {
  it("converts a selection around emoji to code points", () => {
    const text = `a😀b${family}c`;
    const root = render(text, 100);
    const index = new CodePointIndex(text);
    const range = document.createRange();
    range.setStart(textOf(root, 0), 1);
    range.setEnd(textOf(root, 0), 4);
    expect(rangeToSpan(root, range, index)).toEqual({ start: 1, end: 3 });
    range.setStart(textOf(root, 0), 4);
    range.setEnd(textOf(root, 0), 4 + family.length);
    expect(rangeToSpan(root, range, index)).toEqual({ start: 3, end: 8 });
  });

  it("keeps combining characters as separate code points", () => {
    const text = "cafe\u0301 ok";
    const root = render(text, 100);
    const range = document.createRange();
    range.setStart(textOf(root, 0), 3);
    range.setEnd(textOf(root, 0), 5);
    expect(rangeToSpan(root, range, new CodePointIndex(text))).toEqual({ start: 3, end: 5 });
  });

  it("spans several chunks", () => {
    const root = render(mixed, 8);
    const index = new CodePointIndex(mixed);
    const range = document.createRange();
    range.setStart(textOf(root, 1), 2);
    range.setEnd(textOf(root, 5), 1);
    const from = Number(chunk(root, 1).getAttribute("data-start")) + 2;
    const to = Number(chunk(root, 5).getAttribute("data-start")) + 1;
    expect(rangeToSpan(root, range, index)).toEqual({
      start: index.toCodePoint(from),
      end: index.toCodePoint(to),
    });
  });

  it("accepts element and child-index endpoints", () => {
    const text = "abcdefghij";
    const root = render(text, 4);
    const index = new CodePointIndex(text);
    const range = document.createRange();
    range.setStart(root, 1);
    range.setEnd(chunk(root, 2), 1);
    expect(rangeToSpan(root, range, index)).toEqual({ start: 4, end: 10 });
    range.setStart(chunk(root, 0), 0);
    range.setEnd(root, 2);
    expect(rangeToSpan(root, range, index)).toEqual({ start: 0, end: 8 });
  });

  it("clips a range that starts or ends outside the root", () => {
    const text = "abc😀def";
    const before = document.body.appendChild(document.createElement("p"));
    before.append("before");
    const root = render(text, 3);
    const after = document.body.appendChild(document.createElement("p"));
    after.append("after");
    const index = new CodePointIndex(text);
    const range = document.createRange();
    range.setStart(before.firstChild!, 2);
    range.setEnd(textOf(root, 1), 2);
    expect(rangeToSpan(root, range, index)).toEqual({ start: 0, end: 4 });
    range.setStart(textOf(root, 0), 1);
    range.setEnd(after.firstChild!, 3);
    expect(rangeToSpan(root, range, index)).toEqual({ start: 1, end: 7 });
    range.setStart(before.firstChild!, 0);
    expect(rangeToSpan(root, range, index)).toEqual({ start: 0, end: 7 });
  });

  it("is null when collapsed or entirely outside the root", () => {
    const text = "abcdef";
    const root = render(text, 3);
    const after = document.body.appendChild(document.createElement("p"));
    after.append("after");
    const index = new CodePointIndex(text);
    const range = document.createRange();
    range.setStart(textOf(root, 0), 2);
    range.setEnd(textOf(root, 0), 2);
    expect(rangeToSpan(root, range, index)).toBeNull();
    range.setStart(after.firstChild!, 0);
    range.setEnd(after.firstChild!, 3);
    expect(rangeToSpan(root, range, index)).toBeNull();
  });

  it("keeps a whole emoji when the end falls inside its surrogate pair", () => {
    const text = "a😀b";
    const root = render(text, 100);
    const range = document.createRange();
    range.setStart(textOf(root, 0), 0);
    range.setEnd(textOf(root, 0), 2);
    expect(rangeToSpan(root, range, new CodePointIndex(text))).toEqual({ start: 0, end: 2 });
  });
});

describe("spanToRange", () => {
  it("puts both ends in Text nodes, not reaching into the next chunk", () => {
    const text = "abcdefghij";
    const root = render(text, 4);
    const range = spanToRange(root, { start: 4, end: 8 }, new CodePointIndex(text))!;
    expect(range.startContainer).toBe(textOf(root, 1));
    expect(range.startOffset).toBe(0);
    expect(range.endContainer).toBe(textOf(root, 1));
    expect(range.endOffset).toBe(4);
    expect(range.toString()).toBe("efgh");
  });

  it("covers emoji, CJK and line breaks across chunks", () => {
    const root = render(mixed, 8);
    const index = new CodePointIndex(mixed);
    const range = spanToRange(root, { start: 9, end: 40 }, index)!;
    expect(range.toString()).toBe(codePointSlice(mixed, 9, 40));
  });

  it("reaches the very end and the very start of the text", () => {
    const text = "abc😀";
    const root = render(text, 3);
    const index = new CodePointIndex(text);
    expect(spanToRange(root, { start: 0, end: 4 }, index)!.toString()).toBe(text);
    const atEnd = spanToRange(root, { start: 4, end: 4 }, index)!;
    expect(atEnd.collapsed).toBe(true);
    expect(atEnd.startContainer).toBe(textOf(root, 1));
    expect(atEnd.startOffset).toBe(2);
  });

  it("is null out of bounds or when the span is not a span", () => {
    const text = "abcdef";
    const root = render(text, 3);
    const index = new CodePointIndex(text);
    expect(spanToRange(root, { start: 0, end: 7 }, index)).toBeNull();
    expect(spanToRange(root, { start: -1, end: 2 }, index)).toBeNull();
    expect(spanToRange(root, { start: 4, end: 2 }, index)).toBeNull();
    expect(spanToRange(root, { start: 0.5, end: 2 }, index)).toBeNull();
  });

  it("is null when the root does not hold the whole text", () => {
    const text = "abcdef";
    const root = render("abc", 3);
    expect(spanToRange(root, { start: 1, end: 5 }, new CodePointIndex(text))).toBeNull();
  });

  it("steps over chunks without text", () => {
    const text = "abcdef";
    const root = render(text, 3);
    const empty = document.createElement("div");
    empty.setAttribute("data-start", "3");
    root.insertBefore(empty, chunk(root, 1));
    const range = spanToRange(root, { start: 3, end: 6 }, new CodePointIndex(text))!;
    expect(range.startContainer).toBe(textOf(root, 2));
    expect(range.toString()).toBe("def");
    const before = spanToRange(root, { start: 1, end: 3 }, new CodePointIndex(text))!;
    expect(before.endContainer).toBe(textOf(root, 0));
  });

  it("round-trips many random spans on a mixed text", () => {
    const text = mixed.repeat(20);
    const root = render(text, 37);
    const index = new CodePointIndex(text);
    const next = random(42);
    for (let i = 0; i < 500; i++) {
      const a = Math.floor(next() * (index.codePointLength + 1));
      const b = Math.floor(next() * (index.codePointLength + 1));
      const span = { start: Math.min(a, b), end: Math.max(a, b) };
      const range = spanToRange(root, span, index)!;
      expect(range.toString()).toBe(codePointSlice(text, span.start, span.end));
      expect(rangeToSpan(root, range, index)).toEqual(span.start === span.end ? null : span);
    }
  });
});

describe("caretToCodePoint", () => {
  it("gives the code point under a caret position", () => {
    const text = `${family}x😀y`;
    const root = render(text, 5);
    const index = new CodePointIndex(text);
    const offset = text.indexOf("y");
    const last = root.children.length - 1;
    const start = Number(chunk(root, last).getAttribute("data-start"));
    expect(caretToCodePoint(root, textOf(root, last), offset - start, index)).toBe(7);
    expect(caretToCodePoint(root, root, 0, index)).toBe(0);
    expect(caretToCodePoint(root, document.body, 0, index)).toBeNull();
  });
});
