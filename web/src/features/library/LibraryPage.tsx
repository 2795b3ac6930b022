import { useCallback, useState, type FormEvent } from "react";
import { ErrorAlert } from "../../lib/alert";
import { Link } from "../../lib/link";
import type { Folder, ProjectRole, Source } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import {
  addSource,
  changeSourceMemo,
  createFolder,
  deleteFolder,
  deleteSource,
  moveFolder,
  moveSource,
  previewDeleteSource,
  renameFolder,
  renameSource,
  uploadSource,
} from "./api";
import { libraryRows, within } from "./library-tree";
import { TextDialog } from "../../lib/text-dialog";
import { DeleteSourceDialog, MoveDialog } from "./SourceDialogs";

type Open =
  | { kind: "rename" | "memo" | "move" | "delete"; source: Source }
  | { kind: "renameFolder" | "moveFolder"; folder: Folder }
  | null;

/** Sources and folders: import by paste or upload, organise, rename, annotate, delete. */
export function LibraryPage({
  projectId,
  role,
  sources,
  folders,
}: {
  projectId: string;
  role: ProjectRole;
  sources: Source[];
  folders: Folder[];
}) {
  const [name, setName] = useState("");
  const [content, setContent] = useState("");
  const [folderName, setFolderName] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const action = useAction();
  const canEdit = role === "editor" || role === "owner";
  const rows = libraryRows(folders, sources);
  const close = useCallback(() => setOpen(null), []);
  const deleting = open?.kind === "delete" ? open.source : null;
  const preview = useCallback(
    () => previewDeleteSource(projectId, deleting?.id ?? ""),
    [projectId, deleting],
  );

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => addSource(projectId, name, content, null))) {
      setName("");
      setContent("");
    }
  };

  const uploadFile = async (file: File) => {
    setProgress(0);
    await action.run(() => uploadSource(projectId, file, null, setProgress));
    setProgress(null);
  };

  const addFolder = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => createFolder(projectId, folderName, null))) setFolderName("");
  };

  return (
    <div className="page library">
      <h2>Sources</h2>
      <ErrorAlert error={action.error} onDismiss={() => action.setError(null)} />
      {canEdit && (
        <div className="columns">
          <form aria-label="Add a source" onSubmit={add} className="stack panel">
            <h3>Add a source</h3>
            <label>
              Source name
              <input required value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label>
              Text
              <textarea required rows={6} value={content} onChange={(e) => setContent(e.target.value)} />
            </label>
            <button type="submit" disabled={action.busy}>
              Add source
            </button>
          </form>
          <div className="stack panel">
            <h3>Import a file</h3>
            <label>
              Upload file
              <input
                type="file"
                accept=".txt,.md,.docx,.pdf,.html,.htm,.odt"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = "";
                  if (file) void uploadFile(file);
                }}
              />
            </label>
            <p className="muted">Text, Markdown, Word (.docx), PDF, HTML or OpenDocument text.</p>
            {progress !== null && (
              <progress aria-label="Upload progress" max={1} value={progress}>
                {Math.round(progress * 100)}%
              </progress>
            )}
            <form onSubmit={addFolder} className="row">
              <label className="inline">
                New folder name
                <input required value={folderName} onChange={(e) => setFolderName(e.target.value)} />
              </label>
              <button type="submit">Create folder</button>
            </form>
          </div>
        </div>
      )}
      {rows.length === 0 && <p className="muted">No sources yet.</p>}
      <ul role="tree" aria-label="Folders and sources" className="tree library-tree">
        {rows.map((row) =>
          row.kind === "folder" ? (
            <li
              key={row.folder.id}
              role="treeitem"
              aria-level={row.level}
              aria-expanded={true}
              className="tree-row folder"
              style={{ paddingLeft: `${row.level - 1}rem` }}
            >
              <span className="folder-name">
                <span aria-hidden="true">📁 </span>
                {row.folder.name}
              </span>
              {canEdit && (
                <span className="row-actions">
                  <button type="button" onClick={() => setOpen({ kind: "renameFolder", folder: row.folder })}>
                    Rename folder {row.folder.name}
                  </button>
                  <button type="button" onClick={() => setOpen({ kind: "moveFolder", folder: row.folder })}>
                    Move folder {row.folder.name}
                  </button>
                  <button
                    type="button"
                    onClick={() => void action.run(() => deleteFolder(projectId, row.folder.id))}
                  >
                    Delete folder {row.folder.name}
                  </button>
                </span>
              )}
            </li>
          ) : (
            <li
              key={row.source.id}
              role="treeitem"
              aria-level={row.level}
              className="tree-row source"
              style={{ paddingLeft: `${row.level - 1}rem` }}
            >
              <Link
                href={`/projects/${projectId}/sources/${row.source.id}`}
                aria-label={`Open ${row.source.name}`}
              >
                {row.source.name}
              </Link>
              <span className="muted">
                {" "}
                {row.source.length.toLocaleString()} chars · {row.source.codingCount} codings
                {row.source.memo && ` · ${row.source.memo}`}
              </span>
              {canEdit && (
                <span className="row-actions">
                  {(["rename", "memo", "move", "delete"] as const).map((kind) => (
                    <button key={kind} type="button" onClick={() => setOpen({ kind, source: row.source })}>
                      {{ rename: "Rename", memo: "Memo for", move: "Move", delete: "Delete" }[kind]}{" "}
                      {row.source.name}
                    </button>
                  ))}
                </span>
              )}
            </li>
          ),
        )}
      </ul>
      {open?.kind === "rename" && (
        <TextDialog
          title="Rename source"
          label="New name"
          initial={open.source.name}
          onSave={(v) => renameSource(projectId, open.source.id, v)}
          onClose={close}
        />
      )}
      {open?.kind === "memo" && (
        <TextDialog
          title="Source memo"
          label="Memo"
          multiline
          initial={open.source.memo}
          onSave={(v) => changeSourceMemo(projectId, open.source.id, v)}
          onClose={close}
        />
      )}
      {open?.kind === "move" && (
        <MoveDialog
          title="Move source"
          current={open.source.folderId}
          folders={folders}
          onMove={(f) => moveSource(projectId, open.source.id, f)}
          onClose={close}
        />
      )}
      {open?.kind === "delete" && (
        <DeleteSourceDialog
          source={open.source}
          preview={preview}
          onDelete={() => deleteSource(projectId, open.source.id)}
          onClose={close}
        />
      )}
      {open?.kind === "moveFolder" && (
        <MoveDialog
          title="Move folder"
          current={open.folder.parentId}
          folders={folders.filter((f) => !within(folders, f.id, open.folder.id))}
          onMove={(f) => moveFolder(projectId, open.folder.id, f)}
          onClose={close}
        />
      )}
      {open?.kind === "renameFolder" && (
        <TextDialog
          title="Rename folder"
          label="New name"
          initial={open.folder.name}
          onSave={(v) => renameFolder(projectId, open.folder.id, v)}
          onClose={close}
        />
      )}
    </div>
  );
}
