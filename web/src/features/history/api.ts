import { get, post } from "../../lib/api";
import type { ProjectVersion } from "../../lib/live/types";

/** A page of the history, newest first; `next` is the `before` of the next (older) page, null at the start. */
export interface HistoryPage {
  versions: ProjectVersion[];
  next: number | null;
}

export type DiffArea = "codes" | "categories" | "sources" | "folders" | "codings" | "memos" | "project";
export type DiffKind = "added" | "removed" | "renamed" | "recoloured" | "moved" | "merged" | "changed";

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
}

export interface TextDiffPart {
  op: "equal" | "insert" | "delete";
  text: string;
}

/** One change in the project's terms: a code added, a source renamed, a coding removed, a memo edited ... */
export interface DiffChange {
  area: DiffArea;
  kind: DiffKind;
  id: string;
  /** The code's or source's name; for a coding "<code> in <source>". */
  name: string;
  /** The old and new name, colour, category or folder name; for memos the memo's text. */
  before: string | null;
  after: string | null;
  /** A coding's quote, "merged into X", ... */
  detail: string | null;
  /** Memos only: the word-level diff of before and after. */
  textDiff: TextDiffPart[] | null;
}

export interface RawEvent {
  sequence: number;
  type: string;
  streamId: string;
  actor: string | null;
  at: string;
  data: Readonly<Record<string, unknown>>;
}

/** What changed between two versions (`from` 0 is the empty project); lists are capped, the totals are not. */
export interface VersionDiff {
  from: number;
  to: number;
  stats: DiffCounts;
  areas: Partial<Record<DiffArea, DiffCounts>>;
  changes: DiffChange[];
  changesTotal: number;
  events: RawEvent[];
  eventsTotal: number;
}

export interface RestoreReply {
  preview: boolean;
  version: number;
  /** Only when confirmed: how many compensating events the restore appended (0: the project already matched). */
  eventsAppended?: number;
  diff: VersionDiff;
  /** What a restore leaves alone (members, suggestions), or why nothing was appended. */
  note: string;
}

const base = (projectId: string) => `/api/projects/${projectId}/history`;

export function listVersions(
  projectId: string,
  options: { before?: number | null; actor?: string | null; limit?: number } = {},
) {
  const query = new URLSearchParams({ limit: String(options.limit ?? 50) });
  if (options.before != null) query.set("before", String(options.before));
  if (options.actor) query.set("actor", options.actor);
  return get<HistoryPage>(`${base(projectId)}?${query}`);
}

/** The diff that led to version `to` (from its predecessor), or from version `from` when given. */
export function getDiff(projectId: string, to: number, from?: number | null) {
  const query = new URLSearchParams({ to: String(to) });
  if (from != null) query.set("from", String(from));
  return get<VersionDiff>(`${base(projectId)}/diff?${query}`);
}

export const restoreVersion = (projectId: string, version: number, confirm: boolean) =>
  post<RestoreReply>(`${base(projectId)}/restore`, { version, confirm });
