import { useEffect, useState } from "react";
import { ErrorAlert } from "../../lib/alert";
import type { UncodedReport } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import { uncodedRanges } from "./api";
import type { Span } from "./selection";

/** The parts of the source no one has coded yet; clicking one selects it in the text. */
export function UncodedList({
  projectId,
  sourceId,
  text,
  revision,
  toUtf16,
  onSelect,
}: {
  projectId: string;
  sourceId: string;
  text: string;
  revision: unknown;
  toUtf16: (codePoint: number) => number;
  onSelect: (span: Span) => void;
}) {
  const [report, setReport] = useState<UncodedReport | null>(null);
  const { error, run } = useAction();

  useEffect(() => {
    void run(() => uncodedRanges(projectId, sourceId)).then((r) => r && setReport(r));
  }, [projectId, sourceId, revision, run]);

  return (
    <section aria-label="Uncoded ranges" className="panel">
      <h2>Uncoded ranges</h2>
      <ErrorAlert error={error} />
      {report && (
        <p className="muted">
          {report.uncodedPercentage.toFixed(1)}% of {report.totalLength.toLocaleString()} characters uncoded
        </p>
      )}
      <ul className="plain">
        {report?.ranges.slice(0, 200).map((r) => {
          const preview = text.slice(toUtf16(r.start), toUtf16(Math.min(r.end, r.start + 60))).trim();
          return (
            <li key={r.start}>
              <button type="button" className="segment-link" onClick={() => onSelect(r)}>
                {preview || "(blank)"}
              </button>
              <span className="muted"> {r.length} chars</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
