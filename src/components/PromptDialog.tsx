/** Asks for one line of text (e.g. a name) in a dialog. */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';

import { Dialog } from './Dialog';

export interface PromptDialogProps {
  title: ReactNode;
  label: string;
  initialValue?: string;
  confirmLabel: string;
  maxLength?: number;
  onSubmit: (value: string) => void;
  onCancel: () => void;
}

export function PromptDialog({
  title,
  label,
  initialValue = '',
  confirmLabel,
  maxLength,
  onSubmit,
  onCancel,
}: PromptDialogProps) {
  const inputId = useId();
  const formId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(initialValue);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() !== '') onSubmit(value);
  };
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      initialFocus={inputRef}
      className="dialog-confirm"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className="button button-primary"
            disabled={value.trim() === ''}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="field">
        <label htmlFor={inputId}>{label}</label>
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          value={value}
          maxLength={maxLength}
          onChange={(event) => setValue(event.target.value)}
          onFocus={(event) => event.target.select()}
        />
      </form>
    </Dialog>
  );
}
