/**
 * Small decorative icons (16×16, `currentColor`). They are hidden from screen readers: the text
 * or accessible name beside them carries the meaning.
 */
import type { ReactNode } from 'react';

function Icon({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export const CloseIcon = () => (
  <Icon>
    <path d="M4 4l8 8M12 4l-8 8" />
  </Icon>
);

export const UndoIcon = () => (
  <Icon>
    <path d="M5.5 3.5L2.5 6.5l3 3" />
    <path d="M2.5 6.5h7a4 4 0 010 8h-2" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="M10.5 3.5l3 3-3 3" />
    <path d="M13.5 6.5h-7a4 4 0 000 8h2" />
  </Icon>
);

export const GripIcon = () => (
  <Icon>
    <path d="M6 3.5v.01M10 3.5v.01M6 8v.01M10 8v.01M6 12.5v.01M10 12.5v.01" strokeWidth="2.5" />
  </Icon>
);

export const WarningIcon = () => (
  <Icon>
    <path d="M8 1.75l6.5 12H1.5z" />
    <path d="M8 6.25v3.25M8 11.75v.01" />
  </Icon>
);

export const InfoIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 7.25v4M8 4.75v.01" />
  </Icon>
);

export const PlusIcon = () => (
  <Icon>
    <path d="M8 3v10M3 8h10" />
  </Icon>
);

export const CopyIcon = () => (
  <Icon>
    <rect x="5.25" y="5.25" width="8.5" height="8.5" rx="1.5" />
    <path d="M10.75 5.25V3.75a1.5 1.5 0 00-1.5-1.5h-5.5a1.5 1.5 0 00-1.5 1.5v5.5a1.5 1.5 0 001.5 1.5h1.5" />
  </Icon>
);

export const PencilIcon = () => (
  <Icon>
    <path d="M11 2.5l2.5 2.5L5.5 13H3v-2.5z" />
  </Icon>
);

export const TrashIcon = () => (
  <Icon>
    <path d="M2.5 4.5h11M6 4.5V3h4v1.5M4 4.5l.75 9h6.5l.75-9M6.75 7v4M9.25 7v4" />
  </Icon>
);

export const UploadIcon = () => (
  <Icon>
    <path d="M8 10.5V2.5M5 5.5l3-3 3 3M2.5 10.5v2.25a.75.75 0 00.75.75h9.5a.75.75 0 00.75-.75V10.5" />
  </Icon>
);

export const ArrowRightIcon = () => (
  <Icon>
    <path d="M3 8h10M9 4l4 4-4 4" />
  </Icon>
);

export const ArrowLeftIcon = () => (
  <Icon>
    <path d="M13 8H3M7 4L3 8l4 4" />
  </Icon>
);

export const ResetIcon = () => (
  <Icon>
    <path d="M2.75 8a5.25 5.25 0 109-3.65" />
    <path d="M12 1.75v2.9H9.1" />
  </Icon>
);

export const LockIcon = () => (
  <Icon>
    <rect x="3" y="7.25" width="10" height="7" rx="1.5" />
    <path d="M5.25 7.25V5a2.75 2.75 0 015.5 0v2.25" />
  </Icon>
);

/** Three connected dots. */
export const ShareIcon = () => (
  <Icon>
    <circle cx="4" cy="8" r="1.75" />
    <circle cx="12" cy="3.75" r="1.75" />
    <circle cx="12" cy="12.25" r="1.75" />
    <path d="M5.6 7.15l4.8-2.5M5.6 8.85l4.8 2.5" />
  </Icon>
);

/** An arrow into a tray. */
export const DownloadIcon = () => (
  <Icon>
    <path d="M8 2.5v8M5 7.5l3 3 3-3M2.5 10.5v2.25a.75.75 0 00.75.75h9.5a.75.75 0 00.75-.75V10.5" />
  </Icon>
);

/** A tray with an arrow out of it. */
export const OpenFileIcon = () => (
  <Icon>
    <path d="M8 10.5V2.5M5 5.5l3-3 3 3M2.5 10.5v2.25a.75.75 0 00.75.75h9.5a.75.75 0 00.75-.75V10.5" />
  </Icon>
);

/** Two linked rings. */
export const LinkIcon = () => (
  <Icon>
    <path d="M6.75 9.25a2.5 2.5 0 003.5 0l2.25-2.25a2.5 2.5 0 00-3.5-3.5l-.75.75" />
    <path d="M9.25 6.75a2.5 2.5 0 00-3.5 0L3.5 9a2.5 2.5 0 003.5 3.5l.75-.75" />
  </Icon>
);
