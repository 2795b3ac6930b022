import type { Segment } from "../../lib/live/types";

const importanceWords = ["not marked", "important", "very important"];

export function SegmentDetails({
  segment,
  codeName,
  coderName,
  onMemo,
  onImportance,
  onRemove,
}: {
  segment: Segment;
  codeName: string;
  coderName: string;
  onMemo: () => void;
  onImportance: () => void;
  onRemove: () => void;
}) {
  return (
    <section aria-label="Selected segment" className="panel">
      <h2>Selected segment</h2>
      <dl>
        <dt>Code</dt>
        <dd>{codeName}</dd>
        <dt>Coder</dt>
        <dd>{coderName}</dd>
        <dt>Quote</dt>
        <dd className="quote">{segment.quote}</dd>
        <dt>Memo</dt>
        <dd>{segment.memo || "none"}</dd>
        <dt>Importance</dt>
        <dd>{importanceWords[segment.importance] ?? segment.importance}</dd>
      </dl>
      <div className="row">
        <button type="button" onClick={onMemo}>
          Edit memo
        </button>
        <button type="button" onClick={onImportance}>
          Change importance
        </button>
        <button type="button" onClick={onRemove}>
          Remove this coding
        </button>
      </div>
    </section>
  );
}
