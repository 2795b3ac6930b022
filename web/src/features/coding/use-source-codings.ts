import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { chunkText } from "../../anchoring/chunk-text";
import { CodePointIndex } from "../../anchoring/code-point-index";
import { messageOf } from "../../lib/api";
import { applySegmentChange } from "../../lib/live/segment-changes";
import type { ProjectChange, Segment, Subscribe } from "../../lib/live/types";
import { readSourceText, segmentsOfSource } from "./api";

interface Loaded {
  sourceId: string;
  text: string;
}

/**
 * A source's text and every coding on it, kept current by the live channel: changes for this source are applied
 * as they arrive (a change the client cannot apply exactly triggers a reload of the codings).
 */
export function useSourceCodings(
  projectId: string,
  sourceId: string,
  length: number,
  subscribe: Subscribe,
  epoch: number,
) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [segments, setSegments] = useState<ReadonlyMap<string, Segment>>(new Map());
  const [error, setError] = useState<string | null>(null);
  // Live changes are folded in synchronously, as they arrive, so the latest map is kept beside the state.
  const latest = useRef(segments);
  const commit = useCallback((next: ReadonlyMap<string, Segment>) => {
    latest.current = next;
    setSegments(next);
  }, []);

  const reloadSegments = useCallback(async () => {
    try {
      const list = await segmentsOfSource(projectId, sourceId);
      commit(new Map(list.map((s) => [s.id, s])));
    } catch (e) {
      setError(messageOf(e));
    }
  }, [projectId, sourceId, commit]);

  // Changes that arrive while the codings load are held and replayed on top of them (applying is idempotent), so a
  // coding committed while the list was in flight is not lost.
  const held = useRef<ProjectChange[] | null>(null);
  const apply = useCallback(
    (changes: ProjectChange[]) => {
      let next = latest.current;
      let reload = false;
      for (const change of changes) {
        const result = applySegmentChange(next, change, sourceId);
        if (result?.kind === "segments") next = result.segments;
        else if (result?.kind === "reload") reload = true;
      }
      if (next !== latest.current) commit(next);
      if (reload) void reloadSegments();
    },
    [sourceId, commit, reloadSegments],
  );

  useEffect(() => {
    let cancelled = false;
    held.current = [];
    setLoaded(null);
    setError(null);
    Promise.all([readSourceText(projectId, sourceId, length), segmentsOfSource(projectId, sourceId)]).then(
      ([text, list]) => {
        if (cancelled) return;
        commit(new Map(list.map((s) => [s.id, s])));
        const replay = held.current ?? [];
        held.current = null;
        apply(replay);
        setLoaded({ sourceId, text });
      },
      (e: unknown) => !cancelled && setError(messageOf(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [projectId, sourceId, length, commit, apply]);

  // The live channel asks for a fresh list (first join, resync); the first epoch is the load itself.
  const seenEpoch = useRef(epoch);
  useEffect(() => {
    if (epoch === seenEpoch.current) return;
    seenEpoch.current = epoch;
    void reloadSegments();
  }, [epoch, reloadSegments]);

  useEffect(
    () =>
      subscribe((changes) => {
        if (held.current) held.current.push(...changes);
        else apply(changes);
      }),
    [subscribe, apply],
  );

  /** Shows one's own coding at once, before its live echo arrives (which then changes nothing). */
  const put = useCallback(
    (segment: Segment) => commit(new Map(latest.current).set(segment.id, segment)),
    [commit],
  );
  const drop = useCallback(
    (segmentId: string) => {
      if (!latest.current.has(segmentId)) return;
      const next = new Map(latest.current);
      next.delete(segmentId);
      commit(next);
    },
    [commit],
  );

  const text = loaded?.sourceId === sourceId ? loaded.text : null;
  const index = useMemo(() => (text === null ? null : new CodePointIndex(text)), [text]);
  const chunks = useMemo(() => (text === null ? [] : chunkText(text)), [text]);
  return { text, index, chunks, segments, error, put, drop };
}
