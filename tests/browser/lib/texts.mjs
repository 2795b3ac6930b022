// Texts for the tests and the benchmark.

/** A long interview (many paragraphs) so that the source text scrolls. */
export function longInterview(paragraphs = 60) {
  const lines = [];
  for (let i = 1; i <= paragraphs; i++) {
    lines.push(
      `Paragraph ${i}. The interviewer asked about week ${i} after the move, and the answer came slowly: ` +
        `some days were full of hope, others of worry about work, rent and the children's school. ` +
        `Marker${i} stands here so that each paragraph can be found again.`,
    );
  }
  return lines.join('\n\n');
}
