import type { Member } from "../../lib/types";
import type { Suggestion } from "./api";

/** What an agent proposed, why, how sure it was, and (for codings) the quote in its context. */
export function SuggestionCard({
  suggestion,
  members,
  canReview,
  onApprove,
  onReject,
}: {
  suggestion: Suggestion;
  members: Member[];
  canReview: boolean;
  onApprove: () => void;
  onReject: () => void;
}) {
  const { code, coding, merge, sourceMetadata, suggestedBy } = suggestion;
  const person = members.find((m) => m.accountId === suggestedBy.accountId)?.displayName ?? "a former member";
  const by = suggestedBy.agent
    ? `${suggestedBy.agent.clientName} ${suggestedBy.agent.clientVersion} for ${person}`
    : person;
  const what = code
    ? `New code “${code.name}”`
    : coding
      ? `Code “${coding.codeName}” in ${coding.sourceName}`
      : merge
        ? `Merge “${merge.sourceCodeName}” into “${merge.targetCodeName}”`
        : sourceMetadata
          ? `Metadata for ${sourceMetadata.sourceName}`
          : "Suggestion";
  return (
    <li className="card suggestion" aria-label={what}>
      <h3>
        {code && <span className="swatch" style={{ background: code.color }} aria-hidden="true" />}
        {what}
      </h3>
      {coding && (
        <blockquote className="context">
          {coding.contextBefore}
          <mark>{coding.quote}</mark>
          {coding.contextAfter}
        </blockquote>
      )}
      {sourceMetadata && (
        <p>
          {[
            sourceMetadata.language && `Language: ${sourceMetadata.language}`,
            sourceMetadata.topics.length > 0 && `Topics: ${sourceMetadata.topics.join(", ")}`,
            sourceMetadata.folderName && `Folder: ${sourceMetadata.folderName}`,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      )}
      {code?.description && <p>{code.description}</p>}
      {code && code.sampleContexts.length > 0 && (
        <ul>
          {code.sampleContexts.map((c, i) => (
            <li key={i} className="quote">
              {c}
            </li>
          ))}
        </ul>
      )}
      <p>
        <strong>Why:</strong> {suggestion.rationale || "no rationale given"}
      </p>
      <p className="muted">
        Confidence {suggestion.confidence}% · suggested by {by} ·{" "}
        {new Date(suggestion.suggestedAt).toLocaleString()} · {suggestion.status}
        {suggestion.rejectionReason && ` (${suggestion.rejectionReason})`}
      </p>
      {canReview && (suggestion.status === "pending" || suggestion.status === "failed") && (
        <div className="row">
          <button type="button" onClick={onApprove}>
            Approve
          </button>
          <button type="button" onClick={onReject}>
            Reject
          </button>
        </div>
      )}
    </li>
  );
}
