// The codebook as rows of a tree: categories (any depth) with their codes, in name order, flattened with levels so
// the tree widget can move focus row by row.
import type { Category, Code, Codebook } from "../../lib/types";

export type Row =
  | { kind: "category"; id: string; level: number; category: Category }
  | { kind: "code"; id: string; level: number; code: Code };

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

export function rowsOf(codebook: Codebook): Row[] {
  const rows: Row[] = [];
  const walk = (parentId: string | null, level: number) => {
    for (const category of codebook.categories.filter((c) => c.parentId === parentId).sort(byName)) {
      rows.push({ kind: "category", id: category.id, level, category });
      walk(category.id, level + 1);
    }
    for (const code of codebook.codes.filter((c) => c.categoryId === parentId).sort(byName)) {
      rows.push({ kind: "code", id: code.id, level, code });
    }
  };
  walk(null, 1);
  return rows;
}

/** Categories a category may move under: not itself, not one of its descendants. */
export function allowedParents(codebook: Codebook, categoryId: string): Category[] {
  const below = new Set([categoryId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codebook.categories) {
      if (c.parentId && below.has(c.parentId) && !below.has(c.id)) {
        below.add(c.id);
        grew = true;
      }
    }
  }
  return codebook.categories.filter((c) => !below.has(c.id));
}
