/**
 * The timeline's paging state: pages of versions newest first, merged by number; a version closing live goes on
 * top and becomes the current one. A live version that leaves a gap above the loaded ones (pushes were missed)
 * asks for a reload instead.
 */
import type { ProjectVersion } from "../../lib/live/types";
import type { HistoryPage } from "./api";

export interface Timeline {
  versions: ProjectVersion[];
  /** The `before` of the next older page; null when the oldest is loaded. */
  next: number | null;
  loaded: boolean;
}

export const emptyTimeline: Timeline = { versions: [], next: null, loaded: false };

function merged(versions: readonly ProjectVersion[], more: readonly ProjectVersion[]): ProjectVersion[] {
  const byNumber = new Map(versions.map((v) => [v.number, v]));
  for (const v of more) byNumber.set(v.number, v);
  return [...byNumber.values()].sort((a, b) => b.number - a.number);
}

/** The newest page: what was loaded before is dropped, since it may be stale. */
export const firstPage = (page: HistoryPage): Timeline => ({
  versions: merged([], page.versions),
  next: page.next,
  loaded: true,
});

/** An older page, below the loaded ones. */
export const olderPage = (timeline: Timeline, page: HistoryPage): Timeline => ({
  versions: merged(timeline.versions, page.versions),
  next: page.next,
  loaded: true,
});

/**
 * A version that closed just now. `actor` is the account the timeline is filtered by (null: everyone): a version
 * without them is not listed, but still makes the listed ones not current.
 */
export function closed(
  timeline: Timeline,
  version: ProjectVersion,
  actor: string | null,
): Timeline | "reload" {
  if (!timeline.loaded) return timeline;
  const newest = timeline.versions[0]?.number ?? 0;
  if (actor === null && version.number > newest + 1) return "reload";
  const older = timeline.versions.map((v) =>
    v.current && v.number !== version.number ? { ...v, current: false } : v,
  );
  const listed = actor === null || version.actors.some((a) => a.accountId === actor);
  return { ...timeline, versions: listed ? merged(older, [{ ...version, current: true }]) : older };
}
