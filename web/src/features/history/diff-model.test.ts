import { describe, expect, it } from "vitest";
import type { DiffChange } from "./api";
import {
  actorLabel,
  areaCounts,
  changesNotShown,
  countParts,
  describeChange,
  groupChanges,
  restoreSummary,
  toneOf,
  wordRuns,
} from "./diff-model";

function change(fields: Partial<DiffChange>): DiffChange {
  return {
    area: "codes",
    kind: "added",
    id: "c1",
    name: "Worry",
    before: null,
    after: null,
    detail: null,
    textDiff: null,
    ...fields,
  };
}

describe("groupChanges", () => {
  it("groups by area in a fixed order, keeping the server's order inside an area", () => {
    const groups = groupChanges([
      change({ area: "codings", id: "g1" }),
      change({ area: "codes", id: "c1" }),
      change({ area: "memos", id: "m1" }),
      change({ area: "codes", id: "c2" }),
      change({ area: "project", id: "p1" }),
    ]);
    expect(groups.map((g) => [g.title, g.changes.map((c) => c.id)])).toEqual([
      ["Project", ["p1"]],
      ["Codes", ["c1", "c2"]],
      ["Codings", ["g1"]],
      ["Memos", ["m1"]],
    ]);
  });

  it("puts an area it does not know last, under the server's name", () => {
    const groups = groupChanges([
      change({ area: "notes" as DiffChange["area"] }),
      change({ area: "sources" }),
    ]);
    expect(groups.map((g) => g.title)).toEqual(["Sources", "notes"]);
  });

  it("answers no groups for no changes", () => {
    expect(groupChanges([])).toEqual([]);
  });
});

describe("describeChange", () => {
  it("says what happened with a sign, not only a colour", () => {
    expect(describeChange(change({}))).toEqual({ sign: "+", tone: "added", text: "Code added: Worry" });
    expect(describeChange(change({ kind: "removed", area: "sources", name: "Interview A" }))).toEqual({
      sign: "−",
      tone: "removed",
      text: "Source removed: Interview A",
    });
  });

  it("shows renames as old → new", () => {
    const renamed = change({ kind: "renamed", name: "Concern", before: "Worry", after: "Concern" });
    expect(describeChange(renamed)).toEqual({
      sign: "~",
      tone: "changed",
      text: "Code renamed: Worry → Concern",
    });
  });

  it("names the top level for a move out of or into no category or folder", () => {
    const moved = change({ kind: "moved", before: null, after: "Feelings" });
    expect(describeChange(moved).text).toBe("Code moved: Worry: top level → Feelings");
    const out = change({ kind: "moved", area: "sources", name: "A", before: "2024", after: null });
    expect(describeChange(out).text).toBe("Source moved: A: 2024 → top level");
  });

  it("shows recolouring and the detail the server gives", () => {
    expect(describeChange(change({ kind: "recoloured", before: "#ff0000", after: "#00ff00" })).text).toBe(
      "Code recoloured: Worry: #ff0000 → #00ff00",
    );
    const coding = change({ area: "codings", name: "Worry in Interview A", detail: "the rent" });
    expect(describeChange(coding).text).toBe("Coding added: Worry in Interview A — “the rent”");
  });

  it("shows what a change changed from and to, and leaves a memo's text to its word diff", () => {
    const recoded = change({
      area: "codings",
      kind: "changed",
      name: "Hope in A",
      before: "Worry",
      after: "Hope",
      detail: "recoded",
    });
    expect(describeChange(recoded).text).toBe("Coding changed (recoded): Hope in A: Worry → Hope");
    const memo = change({
      area: "memos",
      kind: "changed",
      name: "Code Hope",
      before: "old",
      after: "new",
      textDiff: [{ op: "insert", text: "new" }],
    });
    expect(describeChange(memo)).toEqual({ sign: "~", tone: "changed", text: "Memo changed: Code Hope" });
  });

  it("counts a merge as a removal of the merged code", () => {
    const merged = change({ kind: "merged", detail: "merged into Concern" });
    expect(describeChange(merged)).toEqual({
      sign: "−",
      tone: "removed",
      text: "Code merged: Worry — merged into Concern",
    });
  });

  it("tones every other kind as a change", () => {
    expect(["renamed", "recoloured", "moved", "changed", "something_new"].map(toneOf)).toEqual([
      "changed",
      "changed",
      "changed",
      "changed",
      "changed",
    ]);
  });
});

describe("counts", () => {
  it("writes the stats bar with signs", () => {
    expect(countParts({ added: 3, removed: 1, changed: 2 }).map((p) => p.text)).toEqual([
      "+3 added",
      "−1 removed",
      "~2 changed",
    ]);
  });

  it("says how many changes the list leaves out", () => {
    expect(changesNotShown({ changes: [change({})], changesTotal: 2001 })).toBe(2000);
    expect(changesNotShown({ changes: [change({})], changesTotal: 1 })).toBe(0);
  });

  it("sums a restore up, or says it would change nothing", () => {
    expect(restoreSummary(4, { added: 0, removed: 0, changed: 0 })).toBe(
      "The project already matches version 4: restoring would change nothing.",
    );
    expect(restoreSummary(4, { added: 1, removed: 0, changed: 0 })).toMatch(
      /^Restoring adds 1, removes 0 and changes 0 thing, .*versions after 4 stay/,
    );
  });
});

describe("wordRuns", () => {
  it("joins neighbouring parts of one kind and drops empty ones", () => {
    expect(
      wordRuns([
        { op: "equal", text: "The " },
        { op: "delete", text: "old " },
        { op: "delete", text: "cold " },
        { op: "insert", text: "" },
        { op: "insert", text: "warm " },
        { op: "equal", text: "room" },
      ]),
    ).toEqual([
      { op: "equal", text: "The ", elided: false },
      { op: "delete", text: "old cold ", elided: false },
      { op: "insert", text: "warm ", elided: false },
      { op: "equal", text: "room", elided: false },
    ]);
  });

  it("shortens long unchanged text to the context next to the changes", () => {
    const long = "a".repeat(10) + "b".repeat(30) + "c".repeat(10);
    const runs = wordRuns(
      [
        { op: "equal", text: long },
        { op: "insert", text: "X" },
        { op: "equal", text: long },
        { op: "delete", text: "Y" },
        { op: "equal", text: long },
      ],
      10,
    );
    expect(runs).toEqual([
      { op: "equal", text: "…cccccccccc", elided: true },
      { op: "insert", text: "X", elided: false },
      { op: "equal", text: "aaaaaaaaaa…cccccccccc", elided: true },
      { op: "delete", text: "Y", elided: false },
      { op: "equal", text: "aaaaaaaaaa…", elided: true },
    ]);
  });

  it("keeps short unchanged text and a text without changes whole", () => {
    const text = "x".repeat(25);
    expect(wordRuns([{ op: "equal", text }], 10)).toEqual([{ op: "equal", text, elided: false }]);
    expect(
      wordRuns(
        [
          { op: "insert", text: "new " },
          { op: "equal", text: "x".repeat(20) },
        ],
        10,
      )[1],
    ).toEqual({
      op: "equal",
      text: "x".repeat(20),
      elided: false,
    });
  });
});

describe("actorLabel", () => {
  const members = [
    { accountId: "a1", email: "ada@x", displayName: "Ada", role: "owner" as const, since: "2025-01-01" },
  ];

  it("names a person, from the members when the push had no name", () => {
    expect(actorLabel({ accountId: "a1", displayName: null, agent: null }, members)).toEqual({
      kind: "person",
      text: "Ada",
    });
    expect(actorLabel({ accountId: "a9", displayName: null, agent: null }, members).text).toBe(
      "a former member",
    );
  });

  it("tells an agent session apart from its person", () => {
    const agent = { sessionId: "s1", clientName: "claude-code" };
    expect(actorLabel({ accountId: "a1", displayName: "Ada", agent }, members)).toEqual({
      kind: "agent",
      text: "claude-code (agent) for Ada",
    });
  });
});

describe("areaCounts", () => {
  it("lists the events per area by area name", () => {
    expect(areaCounts({ sources: 1, coding: 3 })).toBe("coding 3 · sources 1");
    expect(areaCounts({})).toBe("");
  });
});
