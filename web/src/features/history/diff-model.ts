/**
 * How a diff reads on screen: changes grouped by area in a fixed order, each told in words with a sign (+ added,
 * − removed, ~ changed) so that colour is never the only signal, and memo edits as word runs with long unchanged
 * stretches shortened.
 */
import type { Member } from "../../lib/types";
import type { VersionActor } from "../../lib/live/types";
import type { DiffChange, DiffCounts, DiffKind, TextDiffPart, VersionDiff } from "./api";

const areaTitles: Readonly<Record<string, { title: string; noun: string }>> = {
  project: { title: "Project", noun: "Project" },
  codes: { title: "Codes", noun: "Code" },
  categories: { title: "Categories", noun: "Category" },
  sources: { title: "Sources", noun: "Source" },
  folders: { title: "Folders", noun: "Folder" },
  codings: { title: "Codings", noun: "Coding" },
  memos: { title: "Memos", noun: "Memo" },
};
const areaOrder = Object.keys(areaTitles);

export type Tone = "added" | "removed" | "changed";

export interface ChangeGroup {
  area: string;
  title: string;
  changes: DiffChange[];
}

/** The changes by area, areas in a fixed order (an area this client does not know comes last, as the server named it). */
export function groupChanges(changes: readonly DiffChange[]): ChangeGroup[] {
  const byArea = new Map<string, DiffChange[]>();
  for (const change of changes) byArea.set(change.area, [...(byArea.get(change.area) ?? []), change]);
  const rank = (area: string) => (areaOrder.includes(area) ? areaOrder.indexOf(area) : areaOrder.length);
  return [...byArea]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([area, list]) => ({ area, title: areaTitles[area]?.title ?? area, changes: list }));
}

export function toneOf(kind: DiffKind | string): Tone {
  if (kind === "added") return "added";
  if (kind === "removed" || kind === "merged") return "removed";
  return "changed";
}

const signs: Readonly<Record<Tone, string>> = { added: "+", removed: "−", changed: "~" };

/**
 * One change in words: "Code added: Worry", "Code renamed: Worry → Concern", "Coding removed: Worry in A — “the
 * quote”", "Coding changed (recoded): Worry in A: Worry → Concern". Memo edits leave the text to their word diff.
 */
export function describeChange(change: DiffChange): { sign: string; tone: Tone; text: string } {
  const tone = toneOf(change.kind);
  const noun = areaTitles[change.area]?.noun ?? change.area;
  const { kind, name, before, after, detail } = change;
  const none = kind === "moved" ? "top level" : "none";
  const fromTo = `${before ?? none} → ${after ?? none}`;
  let text: string;
  if (kind === "renamed") text = `${noun} renamed: ${before ?? name} → ${after ?? name}`;
  else if (kind === "moved" || kind === "recoloured") text = `${noun} ${kind}: ${name}: ${fromTo}`;
  else if (kind === "changed" && !change.textDiff && (before !== null || after !== null))
    text = `${noun} changed${detail ? ` (${detail})` : ""}: ${name}: ${fromTo}`;
  else if (detail && change.area === "codings") text = `${noun} ${kind}: ${name} — “${detail}”`;
  else text = `${noun} ${kind}: ${name}${detail ? ` — ${detail}` : ""}`;
  return { sign: signs[tone], tone, text };
}

/** The stats bar's parts, sign first: ["+3 added", "−1 removed", "~2 changed"]. */
export function countParts(counts: DiffCounts): Array<{ tone: Tone; text: string }> {
  return [
    { tone: "added", text: `${signs.added}${counts.added} added` },
    { tone: "removed", text: `${signs.removed}${counts.removed} removed` },
    { tone: "changed", text: `${signs.changed}${counts.changed} changed` },
  ];
}

/** How many changes the server counted but did not list. */
export const changesNotShown = (diff: Pick<VersionDiff, "changes" | "changesTotal">) =>
  Math.max(0, diff.changesTotal - diff.changes.length);

/** What a restore to `version` would do, from its preview diff. */
export function restoreSummary(version: number, stats: DiffCounts): string {
  const total = stats.added + stats.removed + stats.changed;
  if (total === 0) return `The project already matches version ${version}: restoring would change nothing.`;
  return (
    `Restoring adds ${stats.added}, removes ${stats.removed} and changes ${stats.changed} ` +
    `${total === 1 ? "thing" : "things"}, as listed below. Nothing is lost: the restore becomes a new version, ` +
    `and the versions after ${version} stay in the history.`
  );
}

export interface WordRun {
  op: TextDiffPart["op"];
  text: string;
  /** An unchanged stretch shortened to its edges. */
  elided: boolean;
}

/**
 * The word diff as runs to show: neighbouring parts of one kind joined, and long unchanged text cut to the
 * `context` characters next to the changes (only the end of the first run, only the start of the last).
 */
export function wordRuns(parts: readonly TextDiffPart[], context = 60): WordRun[] {
  const runs: WordRun[] = [];
  for (const part of parts) {
    if (part.text === "") continue;
    const last = runs.at(-1);
    if (last && last.op === part.op) last.text += part.text;
    else runs.push({ op: part.op, text: part.text, elided: false });
  }
  return runs.map((run, i) => {
    const first = i === 0;
    const final = i === runs.length - 1;
    const keep = (first ? 0 : context) + (final ? 0 : context);
    if (run.op !== "equal" || runs.length === 1 || run.text.length <= keep + context) return run;
    const head = first ? "" : run.text.slice(0, context);
    const tail = final ? "" : run.text.slice(-context);
    return { op: run.op, text: `${head}…${tail}`, elided: true };
  });
}

/** Who acted, for the timeline: a person by name, an agent session as its client acting for its person. */
export function actorLabel(
  actor: VersionActor,
  members: readonly Member[],
): { kind: "person" | "agent"; text: string } {
  const person =
    actor.displayName ??
    members.find((m) => m.accountId === actor.accountId)?.displayName ??
    "a former member";
  return actor.agent
    ? { kind: "agent", text: `${actor.agent.clientName ?? "an agent"} (agent) for ${person}` }
    : { kind: "person", text: person };
}

/** A version's event counts per area: "coding 3 · sources 1". */
export function areaCounts(areas: Readonly<Record<string, number>>): string {
  return Object.entries(areas)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([area, count]) => `${area} ${count}`)
    .join(" · ");
}
