import { describe, expect, it } from "vitest";
import type { ProjectVersion } from "../../lib/live/types";
import { closed, emptyTimeline, firstPage, olderPage, type Timeline } from "./timeline";

function version(number: number, fields: Partial<ProjectVersion> = {}): ProjectVersion {
  return {
    number,
    fromSequence: number * 10,
    toSequence: number * 10 + 5,
    eventCount: 1,
    openedAt: "2025-05-01T10:00:00Z",
    closedAt: "2025-05-01T10:00:01Z",
    message: "coding.code_created",
    actors: [{ accountId: "a1", displayName: "Ada", agent: null }],
    areas: { coding: 1 },
    restoredTo: null,
    current: false,
    ...fields,
  };
}

const numbers = (t: Timeline | "reload") => (t === "reload" ? t : t.versions.map((v) => v.number));
const currents = (t: Timeline | "reload") =>
  t === "reload" ? [] : t.versions.filter((v) => v.current).map((v) => v.number);

describe("timeline paging", () => {
  it("loads the newest page, then older pages below it", () => {
    const first = firstPage({ versions: [version(5, { current: true }), version(4)], next: 4 });
    expect(first.next).toBe(4);
    const more = olderPage(first, { versions: [version(3), version(2)], next: null });
    expect(numbers(more)).toEqual([5, 4, 3, 2]);
    expect(more.next).toBeNull();
  });

  it("lists a version once when pages overlap, the newer copy winning", () => {
    const first = firstPage({ versions: [version(3), version(2)], next: 2 });
    const more = olderPage(first, { versions: [version(2, { message: "again" }), version(1)], next: null });
    expect(numbers(more)).toEqual([3, 2, 1]);
    expect(more.versions[1]?.message).toBe("again");
  });
});

describe("a version closing live", () => {
  const loaded = firstPage({ versions: [version(2, { current: true }), version(1)], next: null });

  it("goes on top as the current one", () => {
    const next = closed(loaded, version(3, { current: true }), null);
    expect(numbers(next)).toEqual([3, 2, 1]);
    expect(currents(next)).toEqual([3]);
  });

  it("is current even when the push did not say so, and replaces a copy already listed", () => {
    const once = closed(loaded, version(3), null);
    expect(currents(once)).toEqual([3]);
    expect(numbers(closed(once as Timeline, version(3, { message: "x" }), null))).toEqual([3, 2, 1]);
  });

  it("asks for a reload when versions were missed", () => {
    expect(closed(loaded, version(5), null)).toBe("reload");
  });

  it("is the first one of a project with none", () => {
    expect(numbers(closed(firstPage({ versions: [], next: null }), version(1), null))).toEqual([1]);
  });

  it("is left out of a timeline filtered by someone who did not act in it, which has no current one then", () => {
    const filtered = firstPage({ versions: [version(4, { current: true })], next: null });
    const other = version(7, { actors: [{ accountId: "b2", displayName: "Ben", agent: null }] });
    const next = closed(filtered, other, "a1");
    expect(numbers(next)).toEqual([4]);
    expect(currents(next)).toEqual([]);
    expect(numbers(closed(filtered, version(8), "a1"))).toEqual([8, 4]);
  });

  it("is ignored before the first page has loaded", () => {
    expect(closed(emptyTimeline, version(1), null)).toBe(emptyTimeline);
  });
});
