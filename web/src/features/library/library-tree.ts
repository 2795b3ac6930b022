// Folders (nested) and the sources in them as rows of one tree, folders first, by name.
import type { Folder, Source } from "../../lib/types";

export type LibraryRow =
  { kind: "folder"; level: number; folder: Folder } | { kind: "source"; level: number; source: Source };

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

export function libraryRows(folders: Folder[], sources: Source[]): LibraryRow[] {
  const rows: LibraryRow[] = [];
  const walk = (parentId: string | null, level: number) => {
    for (const folder of folders.filter((f) => f.parentId === parentId).sort(byName)) {
      rows.push({ kind: "folder", level, folder });
      walk(folder.id, level + 1);
    }
    for (const source of sources.filter((s) => s.folderId === parentId).sort(byName)) {
      rows.push({ kind: "source", level, source });
    }
  };
  walk(null, 1);
  return rows;
}

/** A folder's path for menus: "Interviews / 2024". */
export function folderPath(folders: Folder[], id: string): string {
  const names: string[] = [];
  for (let f = folders.find((x) => x.id === id); f; f = folders.find((x) => x.id === f?.parentId))
    names.unshift(f.name);
  return names.join(" / ");
}

/** Whether folder `id` is `ancestorId` or lies inside it: a folder cannot move into itself or its own subfolders. */
export function within(folders: Folder[], id: string, ancestorId: string): boolean {
  for (let f = folders.find((x) => x.id === id); f; f = folders.find((x) => x.id === f?.parentId)) {
    if (f.id === ancestorId) return true;
  }
  return false;
}
