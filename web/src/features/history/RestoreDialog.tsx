import { useEffect, useState } from "react";
import { ErrorAlert } from "../../lib/alert";
import { Dialog, DialogActions } from "../../lib/dialog";
import type { Member } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import { restoreVersion, type RestoreReply } from "./api";
import { restoreSummary } from "./diff-model";
import { DiffView } from "./DiffView";

/**
 * Restoring to a version: first what it would change (the server's preview), then, once confirmed, the restore.
 * The confirming button repeats the dialog's title, as in every confirmation of the app.
 */
export function RestoreDialog({
  projectId,
  version,
  members,
  onRestored,
  onClose,
}: {
  projectId: string;
  version: number;
  members: readonly Member[];
  onRestored: (reply: RestoreReply) => void;
  onClose: () => void;
}) {
  const [preview, setPreview] = useState<RestoreReply | null>(null);
  const { error, busy, run } = useAction();
  const title = `Restore to version ${version}`;

  useEffect(() => {
    void run(() => restoreVersion(projectId, version, false)).then((reply) => reply && setPreview(reply));
  }, [run, projectId, version]);

  const confirm = async () => {
    const reply = await run(() => restoreVersion(projectId, version, true));
    if (reply) onRestored(reply);
  };

  return (
    <Dialog title={title} onClose={onClose}>
      <ErrorAlert error={error} />
      {!preview && !error && <p className="muted">Working out what the restore would change…</p>}
      {preview && (
        <>
          <p>{restoreSummary(version, preview.diff.stats)}</p>
          <p className="muted">{preview.note}</p>
          <div className="restore-preview">
            <DiffView diff={preview.diff} members={members} level={3} />
          </div>
        </>
      )}
      <DialogActions
        label={title}
        danger
        disabled={!preview || busy}
        onConfirm={() => void confirm()}
        onClose={onClose}
      />
    </Dialog>
  );
}
