import { describe, expect, it } from "vitest";
import { CodePointIndex } from "./code-point-index";

/** The slow, obvious conversion: walk the string's code points. */
function reference(text: string): number[] {
  const starts: number[] = [];
  let unit = 0;
  for (const char of text) {
    starts.push(unit);
    unit += char.length;
  }
  starts.push(unit);
  return starts;
}

const family = "👩‍👩‍👧";
const mixed = `Héllo e\u0301 ${family} 😀\n中文字符 and more 😀😀\nend`;

describe("CodePointIndex", () => {
  it("counts code points, not UTF-16 units", () => {
    expect(new CodePointIndex("").codePointLength).toBe(0);
    expect(new CodePointIndex("abc").codePointLength).toBe(3);
    expect(new CodePointIndex("😀").codePointLength).toBe(1);
    expect(new CodePointIndex(family).codePointLength).toBe(5); // three people joined by two ZWJs
    expect(new CodePointIndex("e\u0301").codePointLength).toBe(2);
    expect(new CodePointIndex("中文").codePointLength).toBe(2);
  });

  it("agrees with a code point walk at every offset of a mixed text", () => {
    const index = new CodePointIndex(mixed);
    const starts = reference(mixed);
    expect(index.codePointLength).toBe(starts.length - 1);
    starts.forEach((unit, codePoint) => {
      expect(index.toUtf16(codePoint)).toBe(unit);
      expect(index.toCodePoint(unit)).toBe(codePoint);
    });
  });

  it("rounds an offset inside a surrogate pair down to the pair's start", () => {
    const index = new CodePointIndex("a😀b");
    expect(index.toCodePoint(1)).toBe(1);
    expect(index.toCodePoint(2)).toBe(1);
    expect(index.toCodePoint(3)).toBe(2);
    expect(index.toUtf16(2)).toBe(3);
  });

  it("clamps out-of-range offsets", () => {
    const index = new CodePointIndex("a😀");
    expect(index.toUtf16(-5)).toBe(0);
    expect(index.toUtf16(99)).toBe(3);
    expect(index.toCodePoint(-1)).toBe(0);
    expect(index.toCodePoint(99)).toBe(2);
  });

  it("counts a lone surrogate as one code point, as the server does", () => {
    const index = new CodePointIndex("a\ud83db\ude00c");
    expect(index.codePointLength).toBe(5);
    expect(index.toUtf16(4)).toBe(4);
  });

  it("handles a long text of emoji and ASCII", () => {
    const text = "ab😀".repeat(100_000);
    const index = new CodePointIndex(text);
    expect(index.codePointLength).toBe(300_000);
    expect(index.toUtf16(299_999)).toBe(399_998);
    expect(index.toCodePoint(399_998)).toBe(299_999);
    expect(index.toCodePoint(399_999)).toBe(299_999);
    expect(index.toUtf16(150_001)).toBe(200_001);
  });
});
