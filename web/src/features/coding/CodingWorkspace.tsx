import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { ErrorAlert } from "../../lib/alert";
import { createCode, nextColour } from "../../lib/codebook-api";
import { Dialog } from "../../lib/dialog";
import type { Segment, SegmentNavigation } from "../../lib/live/types";
import { navigate } from "../../lib/router";
import type { Account, Code, Member, ProjectRole, Source } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import { applyCode, applyInVivo, changeSegmentMemo, removeCoding, setImportance } from "./api";
import { codingKeyOf, type CodingKey } from "./coding-keys";
import { CodeSegmentsList } from "./CodeSegmentsList";
import { FindBox } from "./FindBox";
import { HighlightPainter, markAfterPaint } from "./highlight-painter";
import { SegmentDetails } from "./SegmentDetails";
import {
  caretCodePoint,
  codePointAt,
  flashSpan,
  revealSpan,
  selectedSpan,
  spanOfHash,
  type Span,
} from "./selection";
import { SourceText } from "./SourceText";
import { UncodedList } from "./UncodedList";
import { useSourceCodings } from "./use-source-codings";
import type { Subscribe } from "../../lib/live/types";

interface Props {
  projectId: string;
  me: Account;
  role: ProjectRole;
  source: Source;
  codes: Code[];
  members: Member[];
  activeCode: Code | null;
  onActiveCode: (codeId: string) => void;
  subscribe: Subscribe;
  /** Changes when the codings must be reloaded from the server (see useLiveProject). */
  epoch: number;
  /** A passage of this source an agent asked to show, if any; taken over, then cleared with onNavigated. */
  navigation: SegmentNavigation | null;
  onNavigated: () => void;
}

type Pending =
  { kind: "newCode"; span: Span; name: string } | { kind: "memo"; segment: Segment; memo: string };
interface Tip {
  x: number;
  y: number;
  lines: string[];
}

export function CodingWorkspace({
  projectId,
  me,
  role,
  source,
  codes,
  members,
  activeCode,
  onActiveCode,
  subscribe,
  epoch,
  navigation,
  onNavigated,
}: Props) {
  const {
    text,
    index,
    chunks,
    segments,
    error: loadError,
    put,
    drop,
  } = useSourceCodings(projectId, source.id, source.length, subscribe, epoch);
  const [filter, setFilter] = useState("all");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const [findOpen, setFindOpen] = useState(false);
  const [showUncoded, setShowUncoded] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [status, setStatus] = useState("");
  const [painted, setPainted] = useState(0);
  const action = useAction();
  const root = useRef<HTMLDivElement | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const painter = useRef<HighlightPainter | null>(null);
  const findFrom = useRef(0);
  const canCode = role !== "viewer";

  const codeById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const nameOf = useMemo(() => new Map(members.map((m) => [m.accountId, m.displayName])), [members]);
  const visible = useMemo(() => {
    if (filter === "all") return segments;
    const coder = filter === "mine" ? me.id : filter;
    return new Map([...segments].filter(([, s]) => s.coderId === coder));
  }, [segments, filter, me.id]);
  const selected = selectedId ? (segments.get(selectedId) ?? null) : null;
  // The code's segment list reloads only when this source's codings of that code change, not on every live change.
  const activeCodeRevision = useMemo(
    () =>
      [...segments.values()]
        .filter((s) => s.codeId === activeCode?.id)
        .map((s) => `${s.id}:${s.start}-${s.end}`)
        .join(),
    [segments, activeCode?.id],
  );

  // One painter per loaded text; it follows the visible codings incrementally.
  useLayoutEffect(() => {
    if (!index || !root.current) return;
    let current = painter.current;
    const first = !current;
    if (!current) current = painter.current = new HighlightPainter(root.current, index);
    const added = current.sync(visible);
    setPainted(current.count);
    if (first) markAfterPaint(`qc:source-open:${source.id}`);
    else for (const id of added) markAfterPaint(`qc:painted:${id}`);
  }, [index, visible, source.id]);

  useLayoutEffect(
    () => () => {
      painter.current?.dispose();
      painter.current = null;
    },
    [index],
  );

  useEffect(() => {
    if (typeof CSS === "undefined" || !("highlights" in CSS)) return;
    const range = selectedId ? painter.current?.rangeOf(selectedId) : undefined;
    if (range) CSS.highlights.set("qc-selected", new Highlight(range));
    else CSS.highlights.delete("qc-selected");
  }, [selectedId, painted]);

  const reveal = useCallback(
    (span: Span) => {
      if (root.current && scroller.current && index) revealSpan(root.current, scroller.current, index, span);
    },
    [index],
  );

  // A jump from another source arrives as #segment-<id> in the address.
  useEffect(() => {
    const wanted = /^#segment-(.+)$/.exec(window.location.hash)?.[1];
    const segment = wanted ? segments.get(wanted) : undefined;
    if (!segment || !index) return;
    window.history.replaceState(null, "", window.location.pathname);
    setSelectedId(segment.id);
    reveal(segment);
  }, [segments, index, reveal]);

  // A passage an agent asked to show: from the live channel, or as #span-… when it came from another project's page.
  const [shown, setShown] = useState<(Span & { flash: boolean }) | null>(() =>
    spanOfHash(window.location.hash),
  );
  useEffect(() => {
    if (!navigation) return;
    setShown({ start: navigation.start, end: navigation.end, flash: navigation.highlight });
    onNavigated();
  }, [navigation, onNavigated]);
  useEffect(() => {
    if (!shown || !index || !root.current) return;
    if (spanOfHash(window.location.hash)) window.history.replaceState(null, "", window.location.pathname);
    reveal(shown);
    setStatus(`Showing characters ${shown.start}–${shown.end}, as your agent asked.`);
    return shown.flash ? flashSpan(root.current, index, shown) : undefined;
  }, [shown, index, reveal]);

  const spanOrComplain = (): Span | null => {
    const span = root.current && index ? selectedSpan(root.current, index) : null;
    if (!span) action.setError("Select a passage in the source text first.");
    return span;
  };

  const target = (): Segment | null => {
    if (selected) return selected;
    const at = root.current && index ? caretCodePoint(root.current, index) : null;
    const under = at === null ? [] : (painter.current?.covering(at) ?? []);
    const hit = under.find((s) => s.codeId === activeCode?.id) ?? under[0] ?? null;
    if (!hit) action.setError("Put the cursor on a coded passage, or click a highlight, first.");
    return hit;
  };

  const apply = async (codeId: string, span: Span) => {
    const segment = await action.run(() => applyCode(projectId, source.id, codeId, span.start, span.end));
    if (segment) {
      put(segment);
      setStatus(`Coded with ${codeById.get(codeId)?.name ?? "the code"}.`);
    }
  };

  const act = async (what: CodingKey) => {
    if (what === "find") return setFindOpen(true);
    if (!canCode) return action.setError("Viewers cannot change codings; ask an owner for the coder role.");
    if (what === "apply") {
      if (!activeCode) return action.setError("Choose the code to apply in the codebook first.");
      const span = spanOrComplain();
      if (span) await apply(activeCode.id, span);
    } else if (what === "newCode") {
      const span = spanOrComplain();
      if (span) setPending({ kind: "newCode", span, name: sliceOf(span).trim().slice(0, 60) });
    } else if (what === "inVivo") {
      const span = spanOrComplain();
      const reply = span && (await action.run(() => applyInVivo(projectId, source.id, span.start, span.end)));
      if (reply) {
        put(reply.segment);
        onActiveCode(reply.segment.codeId);
        setStatus(reply.codeCreated ? "New in-vivo code created and applied." : "In-vivo code applied.");
      }
    } else {
      const segment = target();
      if (!segment) return;
      if (what === "remove") {
        const removed = await action.run(async () => {
          await removeCoding(projectId, segment.id);
          return true;
        });
        if (removed) {
          drop(segment.id);
          setSelectedId(null);
          setStatus("Coding removed.");
        }
      } else if (what === "memo") setPending({ kind: "memo", segment, memo: segment.memo });
      else {
        const updated = await action.run(() =>
          setImportance(projectId, segment.id, (segment.importance + 1) % 3),
        );
        if (updated) put(updated);
      }
    }
  };

  const sliceOf = (span: Span) =>
    text && index ? text.slice(index.toUtf16(span.start), index.toUtf16(span.end)) : "";

  const onKey = useRef<(e: KeyboardEvent) => void>(() => {});
  onKey.current = (e: KeyboardEvent) => {
    const key = codingKeyOf(e);
    if (!key) return;
    e.preventDefault();
    void act(key);
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  const hoverFrame = useRef(0);
  const hover = (x: number, y: number) => {
    cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = requestAnimationFrame(() => {
      const at = root.current && index ? codePointAt(root.current, index, x, y) : null;
      const under = at === null ? [] : (painter.current?.covering(at) ?? []);
      setTip(
        under.length === 0
          ? null
          : {
              x,
              y,
              lines: under.map(
                (s) =>
                  `${codeById.get(s.codeId)?.name ?? "deleted code"} — ${nameOf.get(s.coderId) ?? "unknown coder"}`,
              ),
            },
      );
    });
  };

  const clickText = () => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return setSelectedId(null);
    const at = root.current && index ? caretCodePoint(root.current, index) : null;
    const under = at === null ? [] : (painter.current?.covering(at) ?? []);
    setSelectedId(under[0]?.id ?? null);
  };

  const find = (query: string): boolean => {
    if (!text || !index) return false;
    const haystack = text.toLowerCase();
    const needle = query.toLowerCase();
    let at = haystack.indexOf(needle, findFrom.current);
    if (at < 0) at = haystack.indexOf(needle);
    if (at < 0) return false;
    findFrom.current = at + needle.length;
    reveal({ start: index.toCodePoint(at), end: index.toCodePoint(at + needle.length) });
    return true;
  };

  const jump = (segment: Segment) => {
    if (segment.sourceId !== source.id)
      return navigate(`/projects/${projectId}/sources/${segment.sourceId}#segment-${segment.id}`);
    setSelectedId(segment.id);
    reveal(segment);
  };

  const tools: Array<[CodingKey, string, string]> = [
    ["apply", "Apply code (Q)", "q"],
    ["newCode", "New code from selection (N)", "n"],
    ["inVivo", "In-vivo code (V)", "v"],
    ["remove", "Remove coding (U)", "u"],
    ["memo", "Memo (M)", "m"],
    ["importance", "Importance (I)", "i"],
    ["find", "Find (Ctrl+F)", "Control+F"],
  ];

  return (
    <div className="workspace">
      <style>{HighlightPainter.styleFor(codes)}</style>
      <div className="workspace-main">
        <div role="toolbar" aria-label="Coding tools" className="toolbar">
          {tools.map(([key, label, shortcut]) => (
            <button
              key={key}
              type="button"
              aria-keyshortcuts={shortcut}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void act(key)}
              disabled={key !== "find" && !canCode}
            >
              {label}
            </button>
          ))}
          <label className="inline">
            Show codings
            <select value={filter} onChange={(e) => setFilter(e.target.value)}>
              <option value="all">Everyone's</option>
              <option value="mine">Mine</option>
              {members
                .filter((m) => m.accountId !== me.id)
                .map((m) => (
                  <option key={m.accountId} value={m.accountId}>
                    {m.displayName}
                  </option>
                ))}
            </select>
          </label>
        </div>
        <p className="muted active-code">
          Active code:{" "}
          {activeCode ? (
            <span>
              <span className="swatch" style={{ background: activeCode.color }} aria-hidden="true" />{" "}
              {activeCode.name}
            </span>
          ) : (
            "none — choose one in the codebook"
          )}
        </p>
        {findOpen && <FindBox onFind={find} onClose={() => setFindOpen(false)} />}
        <ErrorAlert error={loadError ?? action.error} onDismiss={() => action.setError(null)} />
        <p role="status" className="visually-hidden">
          {status}
        </p>
        <div
          ref={scroller}
          role="region"
          aria-label="Source text"
          tabIndex={0}
          className="text-pane"
          data-segment-count={painted}
          onMouseMove={(e) => hover(e.clientX, e.clientY)}
          onMouseLeave={() => setTip(null)}
          onMouseUp={clickText}
        >
          {text === null ? (
            !loadError && <p className="muted">Loading {source.name}…</p>
          ) : (
            <SourceText text={text} chunks={chunks} rootRef={root} />
          )}
        </div>
        {tip && (
          <div role="tooltip" className="tooltip" style={{ left: tip.x + 12, top: tip.y + 16 }}>
            {tip.lines.map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </div>
        )}
      </div>
      <aside className="workspace-side">
        {selected && (
          <SegmentDetails
            segment={selected}
            codeName={codeById.get(selected.codeId)?.name ?? "deleted code"}
            coderName={nameOf.get(selected.coderId) ?? "unknown coder"}
            onMemo={() => void act("memo")}
            onImportance={() => void act("importance")}
            onRemove={() => void act("remove")}
          />
        )}
        {activeCode && (
          <CodeSegmentsList
            projectId={projectId}
            codeId={activeCode.id}
            codeName={activeCode.name}
            revision={activeCodeRevision}
            onJump={jump}
          />
        )}
        <button type="button" aria-expanded={showUncoded} onClick={() => setShowUncoded((v) => !v)}>
          Show uncoded ranges
        </button>
        {showUncoded && text !== null && index && (
          <UncodedList
            projectId={projectId}
            sourceId={source.id}
            text={text}
            revision={segments}
            toUtf16={(cp) => index.toUtf16(cp)}
            onSelect={reveal}
          />
        )}
      </aside>
      {pending?.kind === "newCode" && (
        <Dialog title="New code" onClose={() => setPending(null)}>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              setPending(null);
              const code = await action.run(() =>
                createCode(projectId, pending.name, nextColour(codes.length)),
              );
              if (code) {
                onActiveCode(code.id);
                await apply(code.id, pending.span);
              }
            }}
          >
            <label>
              Name of the new code
              <input
                autoFocus
                required
                value={pending.name}
                onChange={(e) => setPending({ ...pending, name: e.target.value })}
              />
            </label>
            <div className="row">
              <button type="submit">Create and apply</button>
              <button type="button" onClick={() => setPending(null)}>
                Cancel
              </button>
            </div>
          </form>
        </Dialog>
      )}
      {pending?.kind === "memo" && (
        <Dialog title="Segment memo" onClose={() => setPending(null)}>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              setPending(null);
              const updated = await action.run(() =>
                changeSegmentMemo(projectId, pending.segment.id, pending.memo),
              );
              if (updated) put(updated);
            }}
          >
            <label>
              Segment memo
              <textarea
                autoFocus
                rows={6}
                value={pending.memo}
                onChange={(e) => setPending({ ...pending, memo: e.target.value })}
              />
            </label>
            <div className="row">
              <button type="submit">Save memo</button>
              <button type="button" onClick={() => setPending(null)}>
                Cancel
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </div>
  );
}
