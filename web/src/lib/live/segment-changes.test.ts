import { describe, expect, it } from "vitest";
import { applySegmentChange, type SegmentsUpdate } from "./segment-changes";
import type { ProjectChange, Segment } from "./types";

const projectId = "p1";
const sourceId = "s1";
const coder = "a1";
const at = "2025-05-01T10:00:00+00:00";

function change(type: string, data: Record<string, unknown>, sequence = 1): ProjectChange {
  return {
    sequence,
    projectId,
    streamId: sourceId,
    type,
    actor: coder,
    at: "2025-05-01T10:00:00Z",
    data: { projectId, sourceId, actor: { accountId: coder }, at, ...data },
  };
}

function segment(id: string, fields: Partial<Segment> = {}): Segment {
  return {
    id,
    projectId,
    sourceId,
    codeId: "c1",
    coderId: coder,
    start: 0,
    end: 5,
    quote: "hello",
    memo: "",
    importance: 0,
    createdAt: "2025-01-01T00:00:00+00:00",
    updatedAt: "2025-01-01T00:00:00+00:00",
    ...fields,
  };
}

function mapOf(...segments: Segment[]): ReadonlyMap<string, Segment> {
  return new Map(segments.map((s) => [s.id, s]));
}

function segmentsOf(update: SegmentsUpdate): ReadonlyMap<string, Segment> {
  if (update?.kind !== "segments") {
    throw new Error(`expected new segments, got ${JSON.stringify(update)}`);
  }
  return update.segments;
}

const coded = {
  segmentId: "g1",
  codeId: "c1",
  start: 3,
  end: 8,
  quote: "lo wo",
  memo: "note",
  importance: 1,
};

describe("applySegmentChange", () => {
  it("adds a coded segment as the read model has it, in a new map", () => {
    const before = mapOf();
    const after = segmentsOf(applySegmentChange(before, change("segment_coded", coded), sourceId));
    expect(after).not.toBe(before);
    expect(before.size).toBe(0);
    expect(after.get("g1")).toEqual({
      id: "g1",
      projectId,
      sourceId,
      codeId: "c1",
      coderId: coder,
      start: 3,
      end: 8,
      quote: "lo wo",
      memo: "note",
      importance: 1,
      createdAt: at,
      updatedAt: at,
    });
  });

  it("keeps the coder a restored coding names, not the person who restored it", () => {
    const restored = change("segment_coded", { ...coded, coderId: "a2" });
    expect(segmentsOf(applySegmentChange(mapOf(), restored, sourceId)).get("g1")?.coderId).toBe("a2");
  });

  it("adds each coding of a batch (one event each) in turn", () => {
    let segments = mapOf();
    for (const [i, start] of [0, 10, 20].entries()) {
      const event = change("segment_coded", { ...coded, segmentId: `g${i}`, start, end: start + 2 }, i + 1);
      segments = segmentsOf(applySegmentChange(segments, event, sourceId));
    }
    expect([...segments.keys()]).toEqual(["g0", "g1", "g2"]);
  });

  it("asks for a reload when a coding's data is incomplete", () => {
    const partial: Record<string, unknown> = { ...coded };
    delete partial.quote;
    expect(applySegmentChange(mapOf(), change("segment_coded", partial), sourceId)).toEqual({
      kind: "reload",
    });
  });

  it("removes an uncoded segment, and ignores one it does not have", () => {
    const before = mapOf(segment("g1"), segment("g2"));
    const after = segmentsOf(
      applySegmentChange(before, change("segment_uncoded", { segmentId: "g1" }), sourceId),
    );
    expect([...after.keys()]).toEqual(["g2"]);
    expect(before.size).toBe(2);
    expect(applySegmentChange(after, change("segment_uncoded", { segmentId: "g1" }), sourceId)).toBeNull();
  });

  it("changes a memo", () => {
    const update = applySegmentChange(
      mapOf(segment("g1")),
      change("segment_memo_changed", { segmentId: "g1", memo: "new memo" }),
      sourceId,
    );
    expect(segmentsOf(update).get("g1")).toEqual(segment("g1", { memo: "new memo", updatedAt: at }));
  });

  it("sets importance", () => {
    const update = applySegmentChange(
      mapOf(segment("g1")),
      change("segment_importance_set", { segmentId: "g1", importance: 2 }),
      sourceId,
    );
    expect(segmentsOf(update).get("g1")).toEqual(segment("g1", { importance: 2, updatedAt: at }));
  });

  it("resizes, with the new quote", () => {
    const update = applySegmentChange(
      mapOf(segment("g1")),
      change("segment_resized", { segmentId: "g1", start: 1, end: 9, quote: "ello 😀 w" }),
      sourceId,
    );
    expect(segmentsOf(update).get("g1")).toEqual(
      segment("g1", { start: 1, end: 9, quote: "ello 😀 w", updatedAt: at }),
    );
  });

  it("recodes (in place, or because its code was merged into another)", () => {
    const update = applySegmentChange(
      mapOf(segment("g1"), segment("g2")),
      change("segment_recoded", { segmentId: "g1", codeId: "c2" }),
      sourceId,
    );
    expect(segmentsOf(update).get("g1")).toEqual(segment("g1", { codeId: "c2", updatedAt: at }));
    expect(segmentsOf(update).get("g2")).toEqual(segment("g2"));
  });

  it("follows a merge's joining of overlapping codings, event by event", () => {
    let segments = mapOf(
      segment("kept", { codeId: "from", start: 0, end: 5 }),
      segment("joined", { codeId: "into", start: 3, end: 9, memo: "m2", importance: 2 }),
    );
    const plan = [
      change("segment_recoded", { segmentId: "kept", codeId: "into" }, 1),
      change("segment_resized", { segmentId: "kept", start: 0, end: 9, quote: "0123456789" }, 2),
      change("segment_memo_changed", { segmentId: "kept", memo: "m2" }, 3),
      change("segment_importance_set", { segmentId: "kept", importance: 2 }, 4),
      change("segment_uncoded", { segmentId: "joined" }, 5),
    ];
    for (const event of plan) {
      segments = segmentsOf(applySegmentChange(segments, event, sourceId));
    }
    expect([...segments.values()]).toEqual([
      segment("kept", {
        codeId: "into",
        start: 0,
        end: 9,
        quote: "0123456789",
        memo: "m2",
        importance: 2,
        updatedAt: at,
      }),
    ]);
  });

  it("removes the codings of a deleted code as they are uncoded, and ignores the code event itself", () => {
    const segments = mapOf(segment("g1"));
    expect(applySegmentChange(segments, change("code_deleted", { codeId: "c1" }), sourceId)).toBeNull();
    expect(
      applySegmentChange(
        segments,
        change("codes_merged", { sourceCodeId: "c1", targetCodeId: "c2" }),
        sourceId,
      ),
    ).toBeNull();
    const after = applySegmentChange(segments, change("segment_uncoded", { segmentId: "g1" }), sourceId);
    expect(segmentsOf(after).size).toBe(0);
  });

  it("empties the source's codings when the source is deleted", () => {
    const event = change("source_deleted", { segmentsRemoved: 2 });
    expect(segmentsOf(applySegmentChange(mapOf(segment("g1"), segment("g2")), event, sourceId)).size).toBe(0);
    expect(applySegmentChange(mapOf(), event, sourceId)).toBeNull();
  });

  it("asks for a reload when the source is restored, as its codings come back with it", () => {
    expect(applySegmentChange(mapOf(), change("source_restored", {}), sourceId)).toEqual({ kind: "reload" });
  });

  it("asks for a reload when an edit names a coding it does not have", () => {
    const segments = mapOf(segment("g1"));
    for (const [type, data] of [
      ["segment_memo_changed", { memo: "x" }],
      ["segment_importance_set", { importance: 1 }],
      ["segment_resized", { start: 0, end: 1, quote: "h" }],
      ["segment_recoded", { codeId: "c9" }],
    ] as const) {
      expect(applySegmentChange(segments, change(type, { segmentId: "other", ...data }), sourceId)).toEqual({
        kind: "reload",
      });
    }
  });

  it("asks for a reload when an edit's data is malformed", () => {
    const segments = mapOf(segment("g1"));
    const bad = change("segment_importance_set", { segmentId: "g1", importance: "high" });
    expect(applySegmentChange(segments, bad, sourceId)).toEqual({ kind: "reload" });
    const noId = change("segment_uncoded", {});
    expect(applySegmentChange(segments, noId, sourceId)).toEqual({ kind: "reload" });
  });

  it("ignores changes of other sources and events that do not touch codings", () => {
    const segments = mapOf(segment("g1"));
    expect(applySegmentChange(segments, change("segment_uncoded", { segmentId: "g1" }), "s2")).toBeNull();
    expect(applySegmentChange(segments, change("source_renamed", { name: "x" }), sourceId)).toBeNull();
    expect(applySegmentChange(segments, change("code_created", { codeId: "c3" }), sourceId)).toBeNull();
  });
});
