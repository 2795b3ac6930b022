/**
 * Applies a live change to the codings shown for one source, as the server's SegmentProjection does to its rows.
 * Every change to a source's codings is an event in that source's stream that names the source and the segment:
 * coding (one SegmentCoded per coding, also for a batch), uncoding, memo, importance, resize, recode. Codebook
 * operations act through the same events: merging codes recodes, resizes, re-memos and uncodes the joined codings,
 * and deleting a code uncodes its codings, each as its own event; so CodesMerged and CodeDeleted themselves change
 * nothing here. Deleting a source (SourceDeleted) takes all its codings; restoring it (SourceRestored, from a version
 * restore) brings back codings its event does not list, so they are fetched again.
 *
 * The answer is a new map when the codings changed, null when the change does not alter them, and "reload" when
 * the change cannot be applied exactly (it edits a coding this map does not have, or its data is not as expected),
 * so the caller should fetch the source's codings again.
 */
import type { ProjectChange, Segment } from "./types";

export type SegmentsUpdate =
  { kind: "segments"; segments: ReadonlyMap<string, Segment> } | { kind: "reload" } | null;

type Data = ProjectChange["data"];

const reload = { kind: "reload" } as const;

export function applySegmentChange(
  segments: ReadonlyMap<string, Segment>,
  change: ProjectChange,
  sourceId: string,
): SegmentsUpdate {
  if (change.data.sourceId !== sourceId) {
    return null;
  }
  switch (change.type) {
    case "segment_coded":
      return coded(segments, change);
    case "segment_uncoded":
      return uncoded(segments, change.data);
    case "segment_memo_changed":
      return edit(segments, change, (s, d) => withField(s, "memo", text(d, "memo")));
    case "segment_importance_set":
      return edit(segments, change, (s, d) => withField(s, "importance", int(d, "importance")));
    case "segment_recoded":
      return edit(segments, change, (s, d) => withField(s, "codeId", text(d, "codeId")));
    case "segment_resized":
      return edit(segments, change, (s, d) => {
        const [start, end, quote] = [int(d, "start"), int(d, "end"), text(d, "quote")];
        return start === undefined || end === undefined || quote === undefined
          ? undefined
          : { ...s, start, end, quote };
      });
    case "source_deleted":
      return segments.size === 0 ? null : { kind: "segments", segments: new Map() };
    case "source_restored":
      return reload;
    default:
      return null;
  }
}

function coded(segments: ReadonlyMap<string, Segment>, change: ProjectChange): SegmentsUpdate {
  const d = change.data;
  const at = instant(change);
  const segment = {
    id: text(d, "segmentId"),
    projectId: text(d, "projectId"),
    sourceId: text(d, "sourceId"),
    codeId: text(d, "codeId"),
    // A restore re-creates someone else's coding: the event names its coder, and the actor is who restored it.
    coderId: text(d, "coderId") ?? change.actor ?? undefined,
    start: int(d, "start"),
    end: int(d, "end"),
    quote: text(d, "quote"),
    memo: text(d, "memo"),
    importance: int(d, "importance"),
    createdAt: at,
    updatedAt: at,
  };
  return isComplete(segment) ? updated(segments, segment) : reload;
}

function uncoded(segments: ReadonlyMap<string, Segment>, d: Data): SegmentsUpdate {
  const id = text(d, "segmentId");
  if (id === undefined) {
    return reload;
  }
  if (!segments.has(id)) {
    return null;
  }
  const next = new Map(segments);
  next.delete(id);
  return { kind: "segments", segments: next };
}

/** Changes one field set of a coding this map has; `change` answers undefined when the data lacks the fields. */
function edit(
  segments: ReadonlyMap<string, Segment>,
  event: ProjectChange,
  change: (segment: Segment, data: Data) => Segment | undefined,
): SegmentsUpdate {
  const id = text(event.data, "segmentId");
  const existing = id === undefined ? undefined : segments.get(id);
  const edited = existing === undefined ? undefined : change(existing, event.data);
  return edited === undefined ? reload : updated(segments, { ...edited, updatedAt: instant(event) });
}

function updated(segments: ReadonlyMap<string, Segment>, segment: Segment): SegmentsUpdate {
  return { kind: "segments", segments: new Map(segments).set(segment.id, segment) };
}

function withField<K extends keyof Segment>(
  segment: Segment,
  key: K,
  value: Segment[K] | undefined,
): Segment | undefined {
  return value === undefined ? undefined : { ...segment, [key]: value };
}

function isComplete(segment: { [K in keyof Segment]: Segment[K] | undefined }): segment is Segment {
  return Object.values(segment).every((value) => value !== undefined);
}

/** The event's own timestamp, which the read model copies into createdAt and updatedAt. */
function instant(change: ProjectChange): string {
  return text(change.data, "at") ?? change.at;
}

function text(data: Data, key: string): string | undefined {
  const value = data[key];
  return typeof value === "string" ? value : undefined;
}

function int(data: Data, key: string): number | undefined {
  const value = data[key];
  return Number.isInteger(value) ? (value as number) : undefined;
}
