/**
 * Which of the data the app holds a change makes stale, by event type, so screens refetch only that. The areas
 * follow what the server's views show: the codebook shows coding counts per code, the source list shows coding
 * counts and each source stream's version (which every coding event bumps), and the project shows its member count
 * and the caller's role. A type this client does not know (a newer server) marks everything stale.
 */
import type { ProjectChange } from "./types";

export type ChangeArea = "codebook" | "sources" | "folders" | "members" | "project" | "segments";

const allAreas: readonly ChangeArea[] = ["codebook", "sources", "folders", "members", "project", "segments"];

const areasByType: Readonly<Record<string, readonly ChangeArea[]>> = {
  project_created: ["project"],
  project_renamed: ["project"],
  project_described: ["project"],
  project_deleted: ["project"],
  member_added: ["members", "project"],
  member_role_changed: ["members", "project"],
  member_removed: ["members", "project"],
  folder_created: ["folders"],
  folder_renamed: ["folders"],
  folder_moved: ["folders"],
  folder_deleted: ["folders"],
  source_added: ["sources"],
  source_renamed: ["sources"],
  source_memo_changed: ["sources"],
  source_origin_changed: ["sources"],
  source_moved_to_folder: ["sources"],
  // A restore brings a deleted source back with its codings, which count in the codebook too.
  source_restored: ["sources", "segments", "codebook"],
  // A deleted source's codings go with it, without an event each: the codebook's counts change too.
  source_deleted: ["sources", "segments", "codebook"],
  code_created: ["codebook"],
  code_renamed: ["codebook"],
  code_recoloured: ["codebook"],
  code_memo_changed: ["codebook"],
  code_moved: ["codebook"],
  // The codings these touch change through their own segment events, which follow in the same commit.
  codes_merged: ["codebook"],
  code_deleted: ["codebook"],
  category_created: ["codebook"],
  category_renamed: ["codebook"],
  category_moved: ["codebook"],
  category_memo_changed: ["codebook"],
  category_deleted: ["codebook"],
  segment_coded: ["segments", "codebook", "sources"],
  segment_uncoded: ["segments", "codebook", "sources"],
  segment_recoded: ["segments", "codebook", "sources"],
  segment_memo_changed: ["segments", "sources"],
  segment_importance_set: ["segments", "sources"],
  segment_resized: ["segments", "sources"],
  // Suggestions change no shared data; the review queue listens for them itself. What an approval makes (a code,
  // codings, a merge) arrives as its own events.
  code_suggested: [],
  coding_suggested: [],
  merge_suggested: [],
  source_metadata_suggested: [],
  suggestion_approved: [],
  suggestion_approval_failed: [],
  suggestion_rejected: [],
  // Only marks where a restore happened: what it changed arrives as its own compensating events.
  project_restored: [],
};

export function areasOf(change: Pick<ProjectChange, "type">): Set<ChangeArea> {
  return new Set(Object.hasOwn(areasByType, change.type) ? areasByType[change.type] : allAreas);
}
