import { describe, expect, it } from "vitest";
import { chunkText } from "./chunk-text";

function expectCovers(text: string, chunks: Array<{ start: number; end: number }>): void {
  expect(chunks.map((c) => text.slice(c.start, c.end)).join("")).toBe(text);
  chunks.forEach((chunk, i) => {
    expect(chunk.end).toBeGreaterThan(chunk.start);
    expect(chunk.start).toBe(i === 0 ? 0 : chunks[i - 1]!.end);
  });
}

describe("chunkText", () => {
  it("gives no chunk for an empty text and one for a short text", () => {
    expect(chunkText("")).toEqual([]);
    expect(chunkText("hello")).toEqual([{ start: 0, end: 5 }]);
    expect(chunkText("x".repeat(2000))).toEqual([{ start: 0, end: 2000 }]);
  });

  it("cuts at the target when there is no line break in the chunk's last half", () => {
    expect(chunkText("abcdefghij", 4)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 8 },
      { start: 8, end: 10 },
    ]);
    expect(chunkText("a\ncdefghij", 4)[0]).toEqual({ start: 0, end: 4 });
  });

  it("cuts just after a line break in the chunk's last half", () => {
    const text = "abcdef\nhijklmnop\nrs";
    const chunks = chunkText(text, 10);
    expect(chunks[0]).toEqual({ start: 0, end: 7 });
    expect(text.slice(chunks[1]!.start, chunks[1]!.end)).toBe("hijklmnop\n");
    expectCovers(text, chunks);
  });

  it("prefers the last line break in range", () => {
    const chunks = chunkText("ab\ncd\nef\ngh\nij", 10);
    expect(chunks[0]).toEqual({ start: 0, end: 9 });
  });

  it("never cuts inside a surrogate pair", () => {
    const text = "abc😀defg😀hij";
    for (let target = 1; target <= 8; target++) {
      const chunks = chunkText(text, target);
      expectCovers(text, chunks);
      for (const { start, end } of chunks) {
        expect(/^[\udc00-\udfff]/.test(text.slice(start, end))).toBe(false);
        expect(/[\ud800-\udbff]$/.test(text.slice(start, end))).toBe(false);
      }
    }
  });

  it("covers a long mixed text with chunks near the target", () => {
    const line = "Das ist 中文 😀 e\u0301 👩‍👩‍👧 line of text\n";
    const text = line.repeat(5000);
    const chunks = chunkText(text);
    expectCovers(text, chunks);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.end - chunk.start).toBeLessThanOrEqual(2000);
      expect(chunk.end - chunk.start).toBeGreaterThan(1000);
      expect(text[chunk.end - 1]).toBe("\n");
    }
  });

  it("keeps a line longer than the target whole when it ends within eight targets", () => {
    const text = `${"a".repeat(25)}\n${"b".repeat(100)}`;
    const chunks = chunkText(text, 10);
    expectCovers(text, chunks);
    expect(chunks[0]).toEqual({ start: 0, end: 26 });
  });

  it("refuses a target below one", () => {
    expect(() => chunkText("abc", 0)).toThrow(RangeError);
  });
});
