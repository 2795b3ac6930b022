import { useEffect, useState } from "react";
import { ErrorAlert } from "../../lib/alert";
import type { Segment } from "../../lib/live/types";
import { useAction } from "../../lib/use-action";
import { segmentsOfCode, type CodeSegment } from "./api";

/** Every segment of the selected code, across sources; reloaded when the codings of the open source change. */
export function CodeSegmentsList({
  projectId,
  codeId,
  codeName,
  revision,
  onJump,
}: {
  projectId: string;
  codeId: string;
  codeName: string;
  revision: unknown;
  onJump: (segment: Segment) => void;
}) {
  const [list, setList] = useState<CodeSegment[]>([]);
  const { error, run } = useAction();

  useEffect(() => {
    void run(() => segmentsOfCode(projectId, codeId)).then((l) => l && setList(l));
  }, [projectId, codeId, revision, run]);

  return (
    <section aria-label="Segments of selected code" className="panel">
      <h2>Segments of “{codeName}”</h2>
      <ErrorAlert error={error} />
      {list.length === 0 && <p className="muted">No segments yet.</p>}
      <ul className="plain">
        {list.map(({ segment, sourceName }) => (
          <li key={segment.id}>
            <button type="button" className="segment-link" onClick={() => onJump(segment)}>
              {segment.quote.length > 120 ? `${segment.quote.slice(0, 120)}…` : segment.quote}
            </button>
            <span className="muted"> {sourceName}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
