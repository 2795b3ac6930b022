import { memo, type Ref } from "react";

/**
 * The source's text as consecutive chunks (each a single Text node, `data-start` = its UTF-16 offset), the form
 * the anchoring module maps offsets on. Chunks off screen skip layout and paint (content-visibility), so a long
 * source opens and scrolls as if only the visible part existed, while selections and highlights still see it all.
 * Memoised: codings change, the text does not, and re-rendering 300,000 characters would be wasted work.
 */
export const SourceText = memo(function SourceText({
  text,
  chunks,
  rootRef,
}: {
  text: string;
  chunks: ReadonlyArray<{ start: number; end: number }>;
  rootRef: Ref<HTMLDivElement>;
}) {
  return (
    <div ref={rootRef} className="source-text">
      {chunks.map((c) => (
        <div key={c.start} data-start={c.start} className="chunk">
          {text.slice(c.start, c.end)}
        </div>
      ))}
    </div>
  );
});
