import { describe, expect, it } from "vitest";
import type { Source } from "../../lib/types";
import { folderPath, libraryRows, within } from "./library-tree";

const source = (id: string, name: string, folderId: string | null): Source => ({
  id,
  name,
  format: "text",
  memo: "",
  origin: "",
  folderId,
  length: 1,
  codingCount: 0,
  version: 1,
});

const folders = [
  { id: "f1", name: "Interviews", parentId: null },
  { id: "f2", name: "2024", parentId: "f1" },
];

describe("the library tree", () => {
  it("nests folders and puts sources under their folder, folders first", () => {
    const rows = libraryRows(folders, [
      source("s1", "zeta", null),
      source("s2", "alpha", "f2"),
      source("s3", "beta", "f1"),
    ]);
    expect(rows.map((r) => `${r.level}:${r.kind === "folder" ? r.folder.id : r.source.id}`)).toEqual([
      "1:f1",
      "2:f2",
      "3:s2",
      "2:s3",
      "1:s1",
    ]);
  });

  it("knows which folders lie inside another, so none moves into itself", () => {
    expect(within(folders, "f2", "f1")).toBe(true);
    expect(within(folders, "f1", "f1")).toBe(true);
    expect(within(folders, "f1", "f2")).toBe(false);
  });

  it("names a folder by its path", () => {
    expect(folderPath(folders, "f2")).toBe("Interviews / 2024");
  });
});
