import { useEffect, useRef, type ReactNode } from "react";

/** A modal dialog on the native <dialog> element: focus is trapped and Escape closes it, for free. */
export function Dialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}

/** A dialog's buttons: the one that does what the dialog asks (named by it), and Cancel. */
export function DialogActions({
  label,
  onConfirm,
  onClose,
  disabled = false,
  danger = false,
}: {
  label: string;
  onConfirm: () => void;
  onClose: () => void;
  disabled?: boolean;
  danger?: boolean;
}) {
  return (
    <div className="row">
      <button type="button" className={danger ? "danger" : undefined} disabled={disabled} onClick={onConfirm}>
        {label}
      </button>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}
