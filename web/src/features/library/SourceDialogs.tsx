import { useEffect, useState } from "react";
import { ErrorAlert } from "../../lib/alert";
import { Dialog, DialogActions } from "../../lib/dialog";
import type { Folder, Source, SourceDeletePreview } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import { folderPath } from "./library-tree";

/** Moves a source or a folder into a folder (or to the top level). */
export function MoveDialog({
  title,
  current,
  folders,
  onMove,
  onClose,
}: {
  title: string;
  current: string | null;
  folders: Folder[];
  onMove: (folderId: string | null) => Promise<unknown>;
  onClose: () => void;
}) {
  const [folderId, setFolderId] = useState(current ?? "");
  const { error, busy, run } = useAction();
  return (
    <Dialog title={title} onClose={onClose}>
      <label>
        Folder
        <select value={folderId} onChange={(e) => setFolderId(e.target.value)}>
          <option value="">(top level)</option>
          {folders.map((f) => (
            <option key={f.id} value={f.id}>
              {folderPath(folders, f.id)}
            </option>
          ))}
        </select>
      </label>
      <ErrorAlert error={error} />
      <DialogActions
        label="Move"
        disabled={busy}
        onConfirm={async () => {
          if ((await run(() => onMove(folderId || null).then(() => true))) === true) onClose();
        }}
        onClose={onClose}
      />
    </Dialog>
  );
}

/** Shows what deleting would remove (the server's preview) before anything is deleted. */
export function DeleteSourceDialog({
  source,
  preview,
  onDelete,
  onClose,
}: {
  source: Source;
  preview: () => Promise<SourceDeletePreview>;
  onDelete: () => Promise<unknown>;
  onClose: () => void;
}) {
  const [codings, setCodings] = useState<number | null>(null);
  const { error, busy, run } = useAction();
  useEffect(() => {
    void run(preview).then((p) => p && setCodings(p.codingsToRemove));
  }, [run, preview]);
  return (
    <Dialog title="Delete source" onClose={onClose}>
      <p>
        Delete “{source.name}”?{" "}
        {codings === null
          ? "Counting its codings…"
          : `${codings} coding${codings === 1 ? "" : "s"} will be removed with it.`}
      </p>
      <ErrorAlert error={error} />
      <DialogActions
        label="Delete source"
        danger
        disabled={busy || codings === null}
        onConfirm={async () => {
          if ((await run(() => onDelete().then(() => true))) === true) onClose();
        }}
        onClose={onClose}
      />
    </Dialog>
  );
}
