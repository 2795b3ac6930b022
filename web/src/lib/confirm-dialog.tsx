import type { ReactNode } from "react";
import { Dialog, DialogActions } from "./dialog";

/** Asks before something that cannot be taken back; the confirming button repeats the dialog's title. */
export function ConfirmDialog({
  title,
  children,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog title={title} onClose={onClose}>
      <p>{children}</p>
      <DialogActions
        label={title}
        danger
        onConfirm={() => {
          onClose();
          onConfirm();
        }}
        onClose={onClose}
      />
    </Dialog>
  );
}
