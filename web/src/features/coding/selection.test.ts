import { describe, expect, it } from "vitest";
import { spanHash, spanOfHash } from "./selection";

describe("a passage named in the address", () => {
  it("round-trips with and without the flash", () => {
    expect(spanOfHash(spanHash({ start: 6, end: 15 }, true))).toEqual({ start: 6, end: 15, flash: true });
    expect(spanOfHash(spanHash({ start: 0, end: 3 }, false))).toEqual({ start: 0, end: 3, flash: false });
  });

  it("ignores any other address fragment", () => {
    expect(spanOfHash("#segment-abc")).toBeNull();
    expect(spanOfHash("#span--1-3")).toBeNull();
    expect(spanOfHash("")).toBeNull();
  });
});
