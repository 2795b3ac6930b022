import { useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from "react";
import { ErrorAlert } from "../../lib/alert";
import { createCategory, createCode, moveCategory, moveCode, nextColour } from "../../lib/codebook-api";
import type { Codebook, ProjectRole } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import { rowsOf, type Row } from "./codebook-tree";
import { SelectedCategoryPanel } from "./SelectedCategoryPanel";
import { SelectedCodePanel } from "./SelectedCodePanel";

interface Props {
  projectId: string;
  codebook: Codebook;
  role: ProjectRole;
  activeCodeId: string | null;
  onActiveCode: (codeId: string | null) => void;
}

/** The codebook: a keyboard-navigable tree of categories and codes; drag a row onto a category to move it. */
export function CodebookPanel({ projectId, codebook, role, activeCodeId, onActiveCode }: Props) {
  const [codeName, setCodeName] = useState("");
  const [categoryName, setCategoryName] = useState("");
  const [focused, setFocused] = useState(0);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const action = useAction();
  const items = useRef<Array<HTMLLIElement | null>>([]);
  const rows = rowsOf(codebook);
  const canEdit = role === "editor" || role === "owner";
  const active = codebook.codes.find((c) => c.id === activeCodeId) ?? null;
  const category = codebook.categories.find((c) => c.id === categoryId) ?? null;
  const choose = (row: Row) => {
    if (row.kind === "code") {
      setCategoryId(null);
      onActiveCode(row.id);
    } else setCategoryId(row.id);
  };

  const addCode = async (e: FormEvent) => {
    e.preventDefault();
    const code = await action.run(() => createCode(projectId, codeName, nextColour(codebook.codes.length)));
    if (code) {
      setCodeName("");
      onActiveCode(code.id);
    }
  };

  const addCategory = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => createCategory(projectId, categoryName))) setCategoryName("");
  };

  const focusRow = (i: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, i));
    setFocused(next);
    items.current[next]?.focus();
  };

  const onKey = (e: KeyboardEvent, i: number, row: Row) => {
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: rows.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      focusRow(moves[e.key] as number);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      choose(row);
    }
  };

  const drop = async (e: DragEvent, categoryId: string | null) => {
    e.preventDefault();
    e.stopPropagation();
    const [kind, id] = e.dataTransfer.getData("text/x-qualcoder-row").split(":");
    if (!id || id === categoryId) return;
    if (kind === "code") await action.run(() => moveCode(projectId, id, categoryId));
    else await action.run(() => moveCategory(projectId, id, categoryId));
  };

  return (
    <section aria-label="Codebook" className="panel codebook">
      <h2>Codebook</h2>
      {canEdit && (
        <>
          <form onSubmit={addCode} className="row add-row">
            <label>
              New code name
              <input required value={codeName} onChange={(e) => setCodeName(e.target.value)} />
            </label>
            <button type="submit">Add code</button>
          </form>
          <form onSubmit={addCategory} className="row add-row">
            <label>
              New category name
              <input required value={categoryName} onChange={(e) => setCategoryName(e.target.value)} />
            </label>
            <button type="submit">Add category</button>
          </form>
        </>
      )}
      <ErrorAlert error={action.error} onDismiss={() => action.setError(null)} />
      {rows.length === 0 && <p className="muted">No codes yet.</p>}
      <ul
        role="tree"
        aria-label="Codes"
        className="tree"
        onDragOver={(e) => canEdit && e.preventDefault()}
        onDrop={(e) => void drop(e, null)}
      >
        {rows.map((row, i) => (
          <li
            key={row.id}
            ref={(el) => {
              items.current[i] = el;
            }}
            role="treeitem"
            aria-level={row.level}
            aria-selected={row.kind === "code" ? row.id === activeCodeId && !category : row.id === categoryId}
            aria-expanded={row.kind === "category" ? true : undefined}
            tabIndex={i === focused ? 0 : -1}
            className={`tree-row ${row.kind}${row.id === activeCodeId || row.id === categoryId ? " active" : ""}`}
            style={{ paddingLeft: `${row.level - 1}rem` }}
            draggable={canEdit}
            onDragStart={(e) => e.dataTransfer.setData("text/x-qualcoder-row", `${row.kind}:${row.id}`)}
            onDragOver={(e) => canEdit && row.kind === "category" && e.preventDefault()}
            onDrop={row.kind === "category" ? (e) => void drop(e, row.id) : undefined}
            onKeyDown={(e) => onKey(e, i, row)}
            onClick={() => {
              setFocused(i);
              choose(row);
            }}
          >
            {row.kind === "code" ? (
              <>
                <span className="swatch" style={{ background: row.code.color }} aria-hidden="true" />
                {row.code.name} ({row.code.codingCount})
              </>
            ) : (
              <span className="category-name">{row.category.name}</span>
            )}
          </li>
        ))}
      </ul>
      {category && (
        <SelectedCategoryPanel
          key={category.id}
          projectId={projectId}
          category={category}
          codebook={codebook}
          canEdit={canEdit}
          onDeleted={() => setCategoryId(null)}
        />
      )}
      {active && !category && (
        <SelectedCodePanel
          key={active.id}
          projectId={projectId}
          code={active}
          codebook={codebook}
          canEdit={canEdit}
          onDeleted={() => onActiveCode(null)}
          onMerged={(intoId) => onActiveCode(intoId)}
        />
      )}
    </section>
  );
}
