/**
 * Converts offsets between UTF-16 code units (what JS strings and the DOM count) and Unicode code points (what
 * the server stores codings in). The two differ only at surrogate pairs, so the index keeps just the sorted UTF-16
 * positions of the pairs: built in one pass, each conversion is a binary search over them. A lone surrogate counts
 * as one code point, as the server counts it.
 */
export class CodePointIndex {
  readonly codePointLength: number;
  private readonly utf16Length: number;
  /** UTF-16 offset of the high surrogate of every surrogate pair, ascending. */
  private readonly pairs: Uint32Array;

  constructor(text: string) {
    const found: number[] = [];
    for (let i = 0; i < text.length - 1; i++) {
      if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
        found.push(i);
        i++;
      }
    }
    this.pairs = Uint32Array.from(found);
    this.utf16Length = text.length;
    this.codePointLength = text.length - found.length;
  }

  /** The UTF-16 offset where code point `codePoint` starts (the text's length at the end); clamped to the text. */
  toUtf16(codePoint: number): number {
    const cp = clamp(codePoint, this.codePointLength);
    // Pair i starts at code point pairs[i] - i; count the pairs that start before cp, each adding one unit.
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.pairs[mid]! - mid < cp) low = mid + 1;
      else high = mid;
    }
    return cp + low;
  }

  /** The code point at UTF-16 offset `utf16`, clamped to the text; the middle of a pair rounds down to its start. */
  toCodePoint(utf16: number): number {
    const unit = clamp(utf16, this.utf16Length);
    // Every pair that starts before the offset counts one unit too many, including one the offset splits.
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.pairs[mid]! < unit) low = mid + 1;
      else high = mid;
    }
    return unit - low;
  }
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function clamp(value: number, max: number): number {
  return Number.isNaN(value) ? 0 : Math.min(Math.max(Math.floor(value), 0), max);
}
