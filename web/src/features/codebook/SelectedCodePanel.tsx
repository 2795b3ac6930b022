import { useState } from "react";
import { ErrorAlert } from "../../lib/alert";
import {
  changeCodeMemo,
  deleteCode,
  mergeCodes,
  moveCode,
  recolourCode,
  renameCode,
} from "../../lib/codebook-api";
import { ConfirmDialog } from "../../lib/confirm-dialog";
import type { Code, Codebook } from "../../lib/types";
import { useAction } from "../../lib/use-action";

interface Props {
  projectId: string;
  code: Code;
  codebook: Codebook;
  canEdit: boolean;
  onDeleted: () => void;
  onMerged: (intoCodeId: string) => void;
}

/** Everything one can do to the active code: rename, recolour, memo, move, merge, delete. */
export function SelectedCodePanel({ projectId, code, codebook, canEdit, onDeleted, onMerged }: Props) {
  const [name, setName] = useState(code.name);
  const [memo, setMemo] = useState(code.memo);
  const [mergeInto, setMergeInto] = useState("");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const action = useAction();
  const others = codebook.codes.filter((c) => c.id !== code.id).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section aria-label="Selected code" className="panel selected-code">
      <h3>Selected code</h3>
      <ErrorAlert error={action.error} onDismiss={() => action.setError(null)} />
      <fieldset disabled={!canEdit}>
        <div className="row">
          <label>
            Code name
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="button" onClick={() => void action.run(() => renameCode(projectId, code.id, name))}>
            Rename code
          </button>
        </div>
        <label>
          Code colour
          <input
            type="color"
            value={code.color}
            onChange={(e) => void action.run(() => recolourCode(projectId, code.id, e.target.value))}
          />
        </label>
        <label>
          Code memo
          <textarea rows={3} value={memo} onChange={(e) => setMemo(e.target.value)} />
        </label>
        <button type="button" onClick={() => void action.run(() => changeCodeMemo(projectId, code.id, memo))}>
          Save code memo
        </button>
        <label>
          Category
          <select
            value={code.categoryId ?? ""}
            onChange={(e) => void action.run(() => moveCode(projectId, code.id, e.target.value || null))}
          >
            <option value="">(top level)</option>
            {codebook.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <div className="row">
          <label>
            Merge into
            <select value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
              <option value="">(choose a code)</option>
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={!mergeInto}
            onClick={async () => {
              if (await action.run(() => mergeCodes(projectId, code.id, mergeInto))) onMerged(mergeInto);
            }}
          >
            Merge
          </button>
        </div>
        <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
          Delete code
        </button>
      </fieldset>
      {confirmDelete && (
        <ConfirmDialog
          title="Delete code"
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            const done = await action.run(() => deleteCode(projectId, code.id).then(() => true));
            if (done) onDeleted();
          }}
        >
          Delete “{code.name}” and its {code.codingCount} coding{code.codingCount === 1 ? "" : "s"}?
        </ConfirmDialog>
      )}
    </section>
  );
}
