/**
 * A modal dialog: rendered into `document.body`, labelled by its title, focus moved inside on
 * open, kept inside while open (Tab wraps; the rest of the page is inert) and returned to where
 * it was on close. Escape and the close button close it.
 */
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

import { CloseIcon } from './icons';

export interface DialogProps {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Short description read after the title. */
  description?: ReactNode;
  /** The element to focus first; default the first focusable element inside. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Visible footer, e.g. the dialog's buttons. */
  footer?: ReactNode;
  /** `side` opens as a panel on the right edge on wide screens. */
  variant?: 'center' | 'side';
  /** Accessible name of the close button. Default "Close". */
  closeLabel?: string;
  className?: string;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.hasAttribute('inert') && el.getAttribute('aria-hidden') !== 'true',
  );
}

export function Dialog({
  title,
  onClose,
  children,
  description,
  initialFocus,
  footer,
  variant = 'center',
  closeLabel = 'Close',
  className,
}: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Everything outside the dialog becomes inert (no focus, no clicks) and hidden from screen
    // readers (aria-hidden too, for browsers without inert).
    const host = panel.closest('[data-dialog-host]');
    const outside = Array.from(document.body.children).filter(
      (el) => el !== host && !el.hasAttribute('inert') && !(el instanceof HTMLScriptElement),
    );
    outside.forEach((el) => {
      el.setAttribute('inert', '');
      el.setAttribute('aria-hidden', 'true');
    });
    (initialFocus?.current ?? focusables(panel)[0] ?? panel).focus();
    return () => {
      outside.forEach((el) => {
        el.removeAttribute('inert');
        el.removeAttribute('aria-hidden');
      });
      if (opener?.isConnected) opener.focus();
    };
  }, [initialFocus]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (event.key !== 'Tab' || !panelRef.current) return;
    const items = focusables(panelRef.current);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className={`dialog-host dialog-host-${variant}`} data-dialog-host="">
      <div className="dialog-backdrop" aria-hidden="true" onClick={() => onCloseRef.current()} />
      {/* The panel handles keys for everything inside it (Escape, Tab wrapping). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        className={`dialog dialog-${variant}${className ? ` ${className}` : ''}`}
        onKeyDown={onKeyDown}
      >
        <header className="dialog-header">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          <button
            type="button"
            className="icon-button"
            aria-label={closeLabel}
            onClick={() => onCloseRef.current()}
          >
            <CloseIcon />
          </button>
        </header>
        {description && (
          <p id={descriptionId} className="dialog-description">
            {description}
          </p>
        )}
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-footer">{footer}</footer>}
      </div>
    </div>,
    document.body,
  );
}
