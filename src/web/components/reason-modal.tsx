import { Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormModal } from './forms.tsx';
import { useRequiredText } from './use-required-text.ts';

/**
 * A dialog that confirms an action with the reason or note the other side reads (cancelling a
 * change, declining a reschedule, closing a COP request, deciding a change request). The text is
 * required and sent trimmed; it is emptied, with `resets` called, each time the dialog opens. What
 * the dialog says first (the warning, what is being answered, the errors no field takes) is its
 * `children`. The field takes the focus; Enter in it starts a new line, Escape closes the dialog.
 */
export function ReasonModal({
  opened,
  onClose,
  title,
  submitLabel,
  danger = false,
  busy,
  label,
  description,
  error,
  resets,
  onConfirm,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  /** The action cannot be undone: the confirming button is red. */
  danger?: boolean;
  busy: boolean;
  label: string;
  description?: string | undefined;
  /** The server's word on the text (its own required rule comes first). */
  error: string | undefined;
  /** Called when the dialog opens: the mutations' `reset`. */
  resets: readonly (() => void)[];
  /** The trimmed text; not called while the field is empty. */
  onConfirm: (text: string) => void;
  children: ReactNode;
}) {
  const text = useRequiredText(opened, resets);
  const submit = () => {
    const value = text.take();
    if (value !== null) onConfirm(value);
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={title}
      submitLabel={submitLabel}
      busy={busy}
      danger={danger}
      onSubmit={submit}
    >
      {children}
      <Textarea
        label={label}
        description={description}
        required
        autosize
        minRows={3}
        maxRows={8}
        maxLength={2000}
        value={text.text}
        onChange={(e) => text.setText(e.currentTarget.value)}
        error={text.error ?? error}
        data-autofocus
      />
    </FormModal>
  );
}
