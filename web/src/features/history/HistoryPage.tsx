import { useCallback, useEffect, useRef, useState } from "react";
import { ErrorAlert } from "../../lib/alert";
import { messageOf } from "../../lib/api";
import type { LiveStatus } from "../../lib/live/live-project";
import type { SubscribeVersions } from "../../lib/live/types";
import type { Member, ProjectRole } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import { getDiff, listVersions, type RestoreReply, type VersionDiff } from "./api";
import { DiffView } from "./DiffView";
import { RestoreDialog } from "./RestoreDialog";
import { closed, emptyTimeline, firstPage, olderPage, type Timeline } from "./timeline";
import { VersionList } from "./VersionList";

/**
 * The project's history: the timeline of versions (newest first, paged, filterable by who acted) and the selected
 * version's diff, compared with its predecessor or any version picked as the base; editors and owners restore from
 * here. Versions closing live go on top; after a reconnect or a resync the timeline is read again, since pushes
 * may have been missed meanwhile.
 */
export function HistoryPage({
  projectId,
  role,
  members,
  subscribeVersions,
  status,
  epoch,
}: {
  projectId: string;
  role: ProjectRole;
  members: Member[];
  subscribeVersions: SubscribeVersions;
  status: LiveStatus;
  epoch: number;
}) {
  const [actor, setActor] = useState<string | null>(null);
  const [timeline, setTimeline] = useState<Timeline>(emptyTimeline);
  const [chosen, setChosen] = useState<number | null>(null);
  const [base, setBase] = useState<number | null>(null);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [diffError, setDiffError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [notice, setNotice] = useState("");
  const [reloads, setReloads] = useState(0);
  const { error, setError, run } = useAction();
  const canRestore = role === "editor" || role === "owner";
  // Until someone picks a version, the newest one is shown, also as new ones close.
  const shown = chosen ?? timeline.versions[0]?.number ?? null;
  const latest = useRef(timeline);
  latest.current = timeline;

  const lastStatus = useRef(status);
  useEffect(() => {
    if (status === "live" && lastStatus.current !== "live") setReloads((n) => n + 1);
    lastStatus.current = status;
  }, [status]);

  // Read again after a resync (epoch) and a rejoin or a missed version (reloads), not only when the filter changes.
  useEffect(() => {
    void run(() => listVersions(projectId, { actor })).then((page) => page && setTimeline(firstPage(page)));
  }, [run, projectId, actor, epoch, reloads]);

  useEffect(
    () =>
      subscribeVersions((version) => {
        const next = closed(latest.current, version, actor);
        if (next === "reload") {
          setReloads((n) => n + 1);
        } else {
          latest.current = next;
          setTimeline(next);
        }
      }),
    [subscribeVersions, actor],
  );

  useEffect(() => {
    setDiff(null);
    setDiffError(null);
    if (shown === null) return;
    let current = true;
    getDiff(projectId, shown, base).then(
      (d) => current && setDiff(d),
      (e: unknown) => current && setDiffError(messageOf(e)),
    );
    return () => {
      current = false;
    };
  }, [projectId, shown, base]);

  const loadOlder = useCallback(
    (before: number) =>
      run(() => listVersions(projectId, { actor, before })).then(
        (page) => page && setTimeline((t) => olderPage(t, page)),
      ),
    [run, projectId, actor],
  );

  const restored = (reply: RestoreReply) => {
    setRestoring(null);
    setNotice(
      reply.eventsAppended === 0
        ? `Nothing to restore: the project already matches version ${reply.version}.`
        : `Restored to version ${reply.version} (${reply.eventsAppended} events appended). The restore appears in the timeline as a new version.`,
    );
  };

  const diffTitle =
    shown === null
      ? "Changes"
      : base === null
        ? `Changes in version ${shown}`
        : `Changes from ${base === 0 ? "the empty project" : `version ${base}`} to version ${shown}`;

  return (
    <div className="history-page">
      <h2>History</h2>
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
      <p role="status" className="notice">
        {notice}
      </p>
      <div className="history-columns">
        <section aria-label="Timeline" className="history-timeline">
          <label className="inline">
            Changes by
            <select value={actor ?? ""} onChange={(e) => setActor(e.target.value || null)}>
              <option value="">Everyone</option>
              {members.map((m) => (
                <option key={m.accountId} value={m.accountId}>
                  {m.displayName}
                </option>
              ))}
            </select>
          </label>
          {timeline.loaded && timeline.versions.length === 0 && (
            <p className="muted">
              {actor === null
                ? "No versions yet. Changes become a version once they pause for a moment."
                : "No versions with changes by this person."}
            </p>
          )}
          <VersionList versions={timeline.versions} selected={shown} members={members} onSelect={setChosen} />
          {timeline.next !== null && (
            <button type="button" onClick={() => timeline.next !== null && void loadOlder(timeline.next)}>
              Load older
            </button>
          )}
        </section>
        <section aria-label={diffTitle} className="history-diff">
          <div className="row">
            <h3>{diffTitle}</h3>
            {shown !== null && (
              <label className="inline">
                Compare with
                <select
                  value={base ?? ""}
                  onChange={(e) => setBase(e.target.value === "" ? null : Number(e.target.value))}
                >
                  <option value="">The version before</option>
                  <option value="0">The empty project</option>
                  {timeline.versions.map((v) => (
                    <option key={v.number} value={v.number}>
                      Version {v.number}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          {shown !== null &&
            (canRestore ? (
              <button type="button" className="danger" onClick={() => setRestoring(shown)}>
                Restore to version {shown}
              </button>
            ) : (
              <p className="muted">Only editors and owners can restore a version.</p>
            ))}
          <ErrorAlert error={diffError} />
          {shown !== null && !diff && !diffError && <p className="muted">Loading the changes…</p>}
          {diff && <DiffView diff={diff} members={members} level={4} />}
        </section>
      </div>
      {restoring !== null && (
        <RestoreDialog
          projectId={projectId}
          version={restoring}
          members={members}
          onRestored={restored}
          onClose={() => setRestoring(null)}
        />
      )}
    </div>
  );
}
