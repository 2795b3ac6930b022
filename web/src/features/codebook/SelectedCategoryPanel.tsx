import { useState } from "react";
import { ErrorAlert } from "../../lib/alert";
import { deleteCategory, moveCategory, renameCategory } from "../../lib/codebook-api";
import { ConfirmDialog } from "../../lib/confirm-dialog";
import type { Category, Codebook } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import { allowedParents } from "./codebook-tree";

/** Rename, move or delete a category; deleting moves its codes and subcategories up a level. */
export function SelectedCategoryPanel({
  projectId,
  category,
  codebook,
  canEdit,
  onDeleted,
}: {
  projectId: string;
  category: Category;
  codebook: Codebook;
  canEdit: boolean;
  onDeleted: () => void;
}) {
  const [name, setName] = useState(category.name);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const action = useAction();
  const parents = allowedParents(codebook, category.id).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section aria-label="Selected category" className="panel selected-code">
      <h3>Selected category</h3>
      <ErrorAlert error={action.error} onDismiss={() => action.setError(null)} />
      <fieldset disabled={!canEdit}>
        <div className="row">
          <label>
            Category name
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <button
            type="button"
            onClick={() => void action.run(() => renameCategory(projectId, category.id, name))}
          >
            Rename category
          </button>
        </div>
        <label>
          Parent category
          <select
            value={category.parentId ?? ""}
            onChange={(e) =>
              void action.run(() => moveCategory(projectId, category.id, e.target.value || null))
            }
          >
            <option value="">(top level)</option>
            {parents.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
          Delete category
        </button>
      </fieldset>
      {confirmDelete && (
        <ConfirmDialog
          title="Delete category"
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            const done = await action.run(() => deleteCategory(projectId, category.id).then(() => true));
            if (done) onDeleted();
          }}
        >
          Delete “{category.name}”? Its codes and subcategories move up one level; no coding is lost.
        </ConfirmDialog>
      )}
    </section>
  );
}
