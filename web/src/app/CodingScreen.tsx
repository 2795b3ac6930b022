import { CodebookPanel } from "../features/codebook/CodebookPanel";
import { CodingWorkspace } from "../features/coding/CodingWorkspace";
import type { Subscribe } from "../lib/live/types";
import { Link } from "../lib/link";
import type { SegmentNavigation } from "../lib/live/types";
import type { Account } from "../lib/types";
import type { ProjectData } from "./use-project-data";

/** The coding screen: sources on the left with the codebook, the open source in the middle. */
export function CodingScreen({
  data,
  me,
  sourceId,
  activeCodeId,
  onActiveCode,
  subscribe,
  epoch,
  navigation,
  onNavigated,
}: {
  data: ProjectData;
  me: Account;
  sourceId: string | null;
  activeCodeId: string | null;
  onActiveCode: (codeId: string | null) => void;
  subscribe: Subscribe;
  epoch: number;
  /** The latest passage an agent asked to show in this project. */
  navigation: SegmentNavigation | null;
  onNavigated: () => void;
}) {
  const { project, codebook, sources, members } = data;
  const source = sources.find((s) => s.id === sourceId) ?? null;
  const activeCode = codebook.codes.find((c) => c.id === activeCodeId) ?? null;
  return (
    <div className="coding-screen">
      <div className="coding-left">
        <nav aria-label="Sources list" className="panel sources-list">
          <h2>Sources</h2>
          {sources.length === 0 && (
            <p className="muted">
              No sources yet: <Link href={`/projects/${project.id}/library`}>add one</Link>.
            </p>
          )}
          <ul className="plain">
            {[...sources]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((s) => (
                <li key={s.id}>
                  <Link
                    href={`/projects/${project.id}/sources/${s.id}`}
                    aria-current={s.id === sourceId ? "page" : undefined}
                  >
                    {s.name}
                  </Link>
                  <span className="muted"> {s.codingCount}</span>
                </li>
              ))}
          </ul>
        </nav>
        <CodebookPanel
          projectId={project.id}
          codebook={codebook}
          role={project.myRole}
          activeCodeId={activeCodeId}
          onActiveCode={onActiveCode}
        />
      </div>
      {source ? (
        <CodingWorkspace
          key={source.id}
          projectId={project.id}
          me={me}
          role={project.myRole}
          source={source}
          codes={codebook.codes}
          members={members}
          activeCode={activeCode}
          onActiveCode={onActiveCode}
          subscribe={subscribe}
          epoch={epoch}
          navigation={navigation?.sourceId === source.id ? navigation : null}
          onNavigated={onNavigated}
        />
      ) : (
        <div className="workspace empty">
          <p className="muted">
            {sourceId ? "This source no longer exists." : "Open a source from the list to code it."}
          </p>
        </div>
      )}
    </div>
  );
}
