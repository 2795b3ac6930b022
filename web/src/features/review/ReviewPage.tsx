import { useCallback, useEffect, useState } from "react";
import { ErrorAlert } from "../../lib/alert";
import type { Subscribe } from "../../lib/live/types";
import type { Member, ProjectRole } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import { TextDialog } from "../../lib/text-dialog";
import {
  approveBatch,
  approveSuggestion,
  listSuggestions,
  rejectBatch,
  rejectSuggestion,
  type Suggestion,
} from "./api";
import { SuggestionCard } from "./SuggestionCard";

type Rejecting = { kind: "one"; id: string } | { kind: "batch"; batchId: string };
const isSuggestionChange = (type: string) => type.endsWith("_suggested") || type.startsWith("suggestion_");

/** The review queue: what agents suggested, approved or rejected one by one or a batch at a time. */
export function ReviewPage({
  projectId,
  role,
  members,
  subscribe,
}: {
  projectId: string;
  role: ProjectRole;
  members: Member[];
  subscribe: Subscribe;
}) {
  const [status, setStatus] = useState("pending");
  const [list, setList] = useState<Suggestion[]>([]);
  const [rejecting, setRejecting] = useState<Rejecting | null>(null);
  const action = useAction();
  const { run } = action;
  const canReview = role !== "viewer";

  const load = useCallback(
    () => run(() => listSuggestions(projectId, status)).then((l) => l && setList(l)),
    [run, projectId, status],
  );
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(
    () => subscribe((changes) => changes.some((c) => isSuggestionChange(c.type)) && void load()),
    [subscribe, load],
  );

  const batches = new Map<string, Suggestion[]>();
  for (const s of list) if (s.batchId) batches.set(s.batchId, [...(batches.get(s.batchId) ?? []), s]);
  const singles = list.filter((s) => !s.batchId || (batches.get(s.batchId)?.length ?? 0) < 2);
  const grouped = [...batches].filter(([, items]) => items.length > 1);

  const card = (s: Suggestion) => (
    <SuggestionCard
      key={s.id}
      suggestion={s}
      members={members}
      canReview={canReview}
      onApprove={() => void run(() => approveSuggestion(projectId, s.id)).then(load)}
      onReject={() => setRejecting({ kind: "one", id: s.id })}
    />
  );

  return (
    <div className="page review">
      <h2>Review suggestions</h2>
      <label className="inline">
        Show
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="pending">Pending</option>
          <option value="failed">Failed to apply</option>
          <option value="approved">Approved</option>
          <option value="rejected">Rejected</option>
          <option value="all">All</option>
        </select>
      </label>
      <ErrorAlert error={action.error} onDismiss={() => action.setError(null)} />
      {list.length === 0 && <p className="muted">Nothing to review.</p>}
      {grouped.map(([batchId, items]) => (
        <section key={batchId} aria-label={`Batch of ${items.length} suggestions`} className="panel batch">
          <div className="row">
            <h3>Batch of {items.length} suggestions</h3>
            {canReview && status !== "approved" && status !== "rejected" && (
              <>
                <button
                  type="button"
                  onClick={() => void run(() => approveBatch(projectId, batchId)).then(load)}
                >
                  Approve all {items.length}
                </button>
                <button type="button" onClick={() => setRejecting({ kind: "batch", batchId })}>
                  Reject all {items.length}
                </button>
              </>
            )}
          </div>
          <ul className="plain stack">{items.map(card)}</ul>
        </section>
      ))}
      <ul className="plain stack">{singles.map(card)}</ul>
      {rejecting && (
        <TextDialog
          title="Reject suggestion"
          label="Reason (the agent sees it)"
          initial=""
          multiline
          onSave={(reason) =>
            (rejecting.kind === "one"
              ? rejectSuggestion(projectId, rejecting.id, reason)
              : rejectBatch(projectId, rejecting.batchId, reason)
            ).then(load)
          }
          onClose={() => setRejecting(null)}
        />
      )}
    </div>
  );
}
