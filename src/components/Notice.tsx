/** A message box: information, success, warning or error, optionally dismissible. */
import type { ReactNode } from 'react';

import { CloseIcon, InfoIcon, WarningIcon } from './icons';

export interface NoticeProps {
  tone?: 'info' | 'success' | 'warning' | 'error';
  title?: ReactNode;
  children?: ReactNode;
  /** Shows a close button when given. */
  onDismiss?: () => void;
  dismissLabel?: string;
  /** `alert` interrupts screen readers; use for errors that need attention now. */
  role?: 'status' | 'alert' | 'none';
  className?: string;
}

export function Notice({
  tone = 'info',
  title,
  children,
  onDismiss,
  dismissLabel = 'Dismiss',
  role = 'status',
  className,
}: NoticeProps) {
  return (
    <div
      role={role === 'none' ? undefined : role}
      className={`notice notice-${tone}${className ? ` ${className}` : ''}`}
    >
      <span className="notice-icon" aria-hidden="true">
        {tone === 'warning' || tone === 'error' ? <WarningIcon /> : <InfoIcon />}
      </span>
      <div className="notice-body">
        {title && <p className="notice-title">{title}</p>}
        {children}
      </div>
      {onDismiss && (
        <button type="button" className="icon-button" aria-label={dismissLabel} onClick={onDismiss}>
          <CloseIcon />
        </button>
      )}
    </div>
  );
}
