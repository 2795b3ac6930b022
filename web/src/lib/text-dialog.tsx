import { useState, type FormEvent } from "react";
import { ErrorAlert } from "./alert";
import { Dialog } from "./dialog";
import { useAction } from "./use-action";

/** One text field and a Save button: renaming sources and folders, editing memos. */
export function TextDialog({
  title,
  label,
  initial,
  multiline,
  onSave,
  onClose,
}: {
  title: string;
  label: string;
  initial: string;
  multiline?: boolean;
  onSave: (value: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [value, setValue] = useState(initial);
  const { error, busy, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await run(() => onSave(value).then(() => true))) === true) onClose();
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={submit}>
        <label>
          {label}
          {multiline ? (
            <textarea autoFocus rows={6} value={value} onChange={(e) => setValue(e.target.value)} />
          ) : (
            <input autoFocus required value={value} onChange={(e) => setValue(e.target.value)} />
          )}
        </label>
        <ErrorAlert error={error} />
        <div className="row">
          <button type="submit" disabled={busy}>
            Save
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
