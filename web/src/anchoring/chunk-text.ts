/**
 * Splits a long text into chunks to render as separate elements, so that a 300,000-character source is not one
 * huge Text node and DOM offsets can be found by chunk. Chunks are UTF-16 ranges that cover the text in order.
 * A cut falls just after a line break: one in the chunk's last half, else the next one within eight targets (chunks
 * render as blocks, so a cut inside a line would show as a line break). Only a line longer than that is cut at the
 * target length, and never between the two halves of a surrogate pair.
 */
export function chunkText(text: string, target = 2000): Array<{ start: number; end: number }> {
  if (!Number.isInteger(target) || target < 1) {
    throw new RangeError(`chunkText needs a positive integer target, not ${target}`);
  }
  const chunks: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (start < text.length) {
    const end = start + target >= text.length ? text.length : cutAfter(text, start, target);
    chunks.push({ start, end });
    start = end;
  }
  return chunks;
}

function cutAfter(text: string, start: number, target: number): number {
  const limit = start + target;
  const lineBreak = text.lastIndexOf("\n", limit - 1);
  if (lineBreak >= start && lineBreak + 1 > start + target / 2) {
    return lineBreak + 1;
  }
  const nextBreak = text.indexOf("\n", limit);
  if (nextBreak >= 0 && nextBreak < start + target * 8) {
    return nextBreak + 1;
  }
  if (splitsPair(text, limit)) {
    // Move back before the pair, or past it when the pair is the whole chunk (target 1).
    return limit - 1 > start ? limit - 1 : limit + 1;
  }
  return limit;
}

function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
