import { useEffect, useRef, useState } from "react";
import type { ChangeArea } from "../lib/live/change-areas";
import { HistoryPage } from "../features/history/HistoryPage";
import { LibraryPage } from "../features/library/LibraryPage";
import { ReviewPage } from "../features/review/ReviewPage";
import { SettingsPage } from "../features/settings/SettingsPage";
import { ErrorAlert } from "../lib/alert";
import { Link } from "../lib/link";
import { match, navigate } from "../lib/router";
import { spanHash } from "../features/coding/selection";
import type { Account } from "../lib/types";
import { CodingScreen } from "./CodingScreen";
import { PresenceList } from "./PresenceList";
import { useLiveProject } from "./use-live-project";
import { useProjectData } from "./use-project-data";

/** One project: its header (name, navigation, who is here, live state) and the screen the address asks for. */
export function ProjectPage({ projectId, path, me }: { projectId: string; path: string; me: Account }) {
  const sourceId = match("/projects/:projectId/sources/:sourceId", path)?.sourceId ?? null;
  // The live channel comes first (the data loads once it has joined), so it reaches the loaders through a ref.
  const loaders = useRef<{ refresh: (areas: Iterable<ChangeArea>) => void; reloadAll: () => void }>({
    refresh: () => {},
    reloadAll: () => {},
  });
  const live = useLiveProject(
    projectId,
    (areas) => loaders.current.refresh(areas),
    () => loaders.current.reloadAll(),
    sourceId,
  );
  const { data, error, refresh, reloadAll } = useProjectData(projectId, live.status !== "connecting");
  loaders.current = { refresh, reloadAll };
  const [activeCodeId, setActiveCodeId] = useState<string | null>(null);
  const { epoch, navigation } = live;
  // An agent of this account asked to show a passage: open its source here, or its project's page (see spanHash).
  useEffect(() => {
    if (!navigation) return;
    const here = navigation.projectId === projectId;
    navigate(
      `/projects/${navigation.projectId}/sources/${navigation.sourceId}${here ? "" : spanHash(navigation, navigation.highlight)}`,
    );
  }, [navigation, projectId]);
  const screen =
    (["library", "review", "history", "settings"] as const).find((s) => path.endsWith(`/${s}`)) ?? "coding";

  if (!data) {
    return (
      <div className="page">
        <ErrorAlert error={error} />
        {!error && <p className="muted">Loading the project…</p>}
      </div>
    );
  }

  const nav = [
    ["coding", "Coding", `/projects/${projectId}`],
    ["library", "Sources", `/projects/${projectId}/library`],
    ["review", "Review", `/projects/${projectId}/review`],
    ["history", "History", `/projects/${projectId}/history`],
    ["settings", "Settings", `/projects/${projectId}/settings`],
  ] as const;

  return (
    <div className="project">
      <section aria-label="Project bar" className="project-bar">
        <Link href="/">My projects</Link>
        <h1>{data.project.name}</h1>
        <nav aria-label="Project">
          {nav.map(([key, label, href]) => (
            <Link key={key} href={href} aria-current={screen === key ? "page" : undefined}>
              {label}
            </Link>
          ))}
        </nav>
        <PresenceList presence={live.presence} sources={data.sources} />
        <span aria-label="Live status" className={`live-status ${live.status}`}>
          {live.status}
        </span>
      </section>
      <ErrorAlert error={error ?? live.error} />
      {screen === "library" && (
        <LibraryPage
          projectId={projectId}
          role={data.project.myRole}
          sources={data.sources}
          folders={data.folders}
        />
      )}
      {screen === "review" && (
        <ReviewPage
          projectId={projectId}
          role={data.project.myRole}
          members={data.members}
          subscribe={live.subscribe}
        />
      )}
      {screen === "history" && (
        <HistoryPage
          projectId={projectId}
          role={data.project.myRole}
          members={data.members}
          subscribeVersions={live.subscribeVersions}
          status={live.status}
          epoch={epoch}
        />
      )}
      {screen === "settings" && <SettingsPage project={data.project} me={me} members={data.members} />}
      {screen === "coding" && (
        <CodingScreen
          data={data}
          me={me}
          sourceId={sourceId}
          activeCodeId={activeCodeId}
          onActiveCode={setActiveCodeId}
          subscribe={live.subscribe}
          epoch={epoch}
          navigation={navigation?.projectId === projectId ? navigation : null}
          onNavigated={live.clearNavigation}
        />
      )}
    </div>
  );
}
