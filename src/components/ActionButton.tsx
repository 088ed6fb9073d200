/**
 * A button that stays focusable when it does not apply: `disabled` is announced with
 * `aria-disabled` and clicks are ignored, instead of the `disabled` attribute, which would drop
 * keyboard focus to the page body the moment the button stops applying (Undo after the last
 * undo, Redo after the last redo).
 */
import type { ButtonHTMLAttributes, MouseEvent } from 'react';

export interface ActionButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  disabled?: boolean;
}

export function ActionButton({ disabled = false, onClick, children, ...rest }: ActionButtonProps) {
  return (
    <button
      type="button"
      {...rest}
      aria-disabled={disabled || undefined}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        if (disabled) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {children}
    </button>
  );
}
