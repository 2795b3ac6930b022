import { describe, expect, it } from "vitest";
import type { Codebook } from "../../lib/types";
import { allowedParents, rowsOf } from "./codebook-tree";

const code = (id: string, name: string, categoryId: string | null) => ({
  id,
  name,
  color: "#000000",
  memo: "",
  categoryId,
  codingCount: 0,
  codingsByCoder: [],
});
const category = (id: string, name: string, parentId: string | null) => ({ id, name, memo: "", parentId });

const codebook: Codebook = {
  version: 1,
  categories: [
    category("c2", "Feelings", null),
    category("c1", "Actions", null),
    category("c3", "Joy", "c2"),
  ],
  codes: [
    code("k1", "zeal", null),
    code("k2", "anger", "c2"),
    code("k3", "glee", "c3"),
    code("k4", "run", "c1"),
  ],
};

describe("the codebook tree", () => {
  it("lists categories before codes at each level, by name, with depth", () => {
    expect(rowsOf(codebook).map((r) => `${r.level}:${r.id}`)).toEqual([
      "1:c1",
      "2:k4",
      "1:c2",
      "2:c3",
      "3:k3",
      "2:k2",
      "1:k1",
    ]);
  });

  it("never offers a category or its descendants as its new parent", () => {
    expect(allowedParents(codebook, "c2").map((c) => c.id)).toEqual(["c1"]);
    expect(
      allowedParents(codebook, "c3")
        .map((c) => c.id)
        .sort(),
    ).toEqual(["c1", "c2"]);
  });
});
