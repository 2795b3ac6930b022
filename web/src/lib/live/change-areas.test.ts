import { describe, expect, it } from "vitest";
import { areasOf, type ChangeArea } from "./change-areas";

function areas(type: string): ChangeArea[] {
  return [...areasOf({ type })].sort();
}

describe("areasOf", () => {
  it("marks the project for project events", () => {
    for (const type of ["project_created", "project_renamed", "project_described", "project_deleted"]) {
      expect(areas(type)).toEqual(["project"]);
    }
  });

  it("marks members and the project (member count, own role) for member events", () => {
    for (const type of ["member_added", "member_role_changed", "member_removed"]) {
      expect(areas(type)).toEqual(["members", "project"]);
    }
  });

  it("marks folders for folder events", () => {
    for (const type of ["folder_created", "folder_renamed", "folder_moved", "folder_deleted"]) {
      expect(areas(type)).toEqual(["folders"]);
    }
  });

  it("marks sources for source events, and codings and counts when a source is deleted", () => {
    for (const type of [
      "source_added",
      "source_renamed",
      "source_memo_changed",
      "source_origin_changed",
      "source_moved_to_folder",
    ]) {
      expect(areas(type)).toEqual(["sources"]);
    }
    expect(areas("source_deleted")).toEqual(["codebook", "segments", "sources"]);
    expect(areas("source_restored")).toEqual(["codebook", "segments", "sources"]);
  });

  it("marks the codebook for code and category events", () => {
    for (const type of [
      "code_created",
      "code_renamed",
      "code_recoloured",
      "code_memo_changed",
      "code_moved",
      "codes_merged",
      "code_deleted",
      "category_created",
      "category_renamed",
      "category_moved",
      "category_memo_changed",
      "category_deleted",
    ]) {
      expect(areas(type)).toEqual(["codebook"]);
    }
  });

  it("marks segments, sources and (when counts change) the codebook for segment events", () => {
    for (const type of ["segment_coded", "segment_uncoded", "segment_recoded"]) {
      expect(areas(type)).toEqual(["codebook", "segments", "sources"]);
    }
    for (const type of ["segment_memo_changed", "segment_importance_set", "segment_resized"]) {
      expect(areas(type)).toEqual(["segments", "sources"]);
    }
  });

  it("marks everything for an event type it does not know", () => {
    expect(areas("something_new")).toEqual([
      "codebook",
      "folders",
      "members",
      "project",
      "segments",
      "sources",
    ]);
    expect(areas("constructor")).toHaveLength(6);
  });

  it("marks nothing for the restore marker: the restore's compensating events mark what they change", () => {
    expect(areasOf({ type: "project_restored" })).toEqual(new Set());
  });

  it("answers a set the caller may change", () => {
    areasOf({ type: "code_created" }).add("sources");
    expect(areas("code_created")).toEqual(["codebook"]);
  });

  it("leaves shared data alone for suggestion events: the review queue reloads itself", () => {
    for (const type of [
      "code_suggested",
      "coding_suggested",
      "merge_suggested",
      "source_metadata_suggested",
      "suggestion_approved",
      "suggestion_rejected",
    ]) {
      expect(areasOf({ type })).toEqual(new Set());
    }
  });
});
