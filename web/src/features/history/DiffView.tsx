import { useState } from "react";
import type { Member } from "../../lib/types";
import type { DiffChange, VersionDiff } from "./api";
import { changesNotShown, countParts, describeChange, groupChanges, wordRuns } from "./diff-model";

/**
 * A diff in the project's terms: the stats bar, the changes by area (under headings of `level`, one below the
 * heading the diff sits under), and on request the raw events.
 */
export function DiffView({
  diff,
  members,
  level,
}: {
  diff: VersionDiff;
  members: readonly Member[];
  level: 3 | 4;
}) {
  const Heading = level === 3 ? "h3" : "h4";
  const [raw, setRaw] = useState(false);
  const more = changesNotShown(diff);
  return (
    <div className="diff">
      <p className="diff-stats" aria-label="Change counts">
        {countParts(diff.stats).map((part) => (
          <span key={part.tone} className={`tone-${part.tone}`}>
            {part.text}
          </span>
        ))}
      </p>
      {diff.changesTotal === 0 && <p className="muted">Nothing changed.</p>}
      {groupChanges(diff.changes).map((group) => (
        <section key={group.area} className="diff-group">
          <Heading>{group.title}</Heading>
          <ul className="plain diff-list">
            {group.changes.map((change, i) => (
              <ChangeItem key={`${change.id}-${change.kind}-${i}`} change={change} />
            ))}
          </ul>
        </section>
      ))}
      {more > 0 && <p className="muted">{more} more not shown</p>}
      <button type="button" aria-expanded={raw} onClick={() => setRaw(!raw)}>
        {raw ? "Hide raw events" : `Show raw events (${diff.eventsTotal})`}
      </button>
      {raw && <RawEvents diff={diff} members={members} />}
    </div>
  );
}

function ChangeItem({ change }: { change: DiffChange }) {
  const { sign, tone, text } = describeChange(change);
  return (
    <li className={`diff-item tone-${tone}`}>
      <span className="sign" aria-hidden="true">
        {sign}
      </span>
      <span>{text}</span>
      {change.textDiff && (
        <p className="word-diff">
          {wordRuns(change.textDiff).map((run, i) =>
            run.op === "insert" ? (
              <ins key={i}>{run.text}</ins>
            ) : run.op === "delete" ? (
              <del key={i}>{run.text}</del>
            ) : (
              <span key={i} className={run.elided ? "muted" : undefined}>
                {run.text}
              </span>
            ),
          )}
        </p>
      )}
    </li>
  );
}

function RawEvents({ diff, members }: { diff: VersionDiff; members: readonly Member[] }) {
  const who = (actor: string | null) =>
    actor === null ? "no one" : (members.find((m) => m.accountId === actor)?.displayName ?? actor);
  const more = Math.max(0, diff.eventsTotal - diff.events.length);
  return (
    <section aria-label="Raw events" className="raw-events">
      <ol className="plain">
        {diff.events.map((e) => (
          <li key={e.sequence}>
            <p>
              <strong>{e.type}</strong> #{e.sequence} · {new Date(e.at).toLocaleString()} · {who(e.actor)}
            </p>
            <pre>{JSON.stringify(e.data, null, 2)}</pre>
          </li>
        ))}
      </ol>
      {more > 0 && <p className="muted">{more} more not shown</p>}
    </section>
  );
}
