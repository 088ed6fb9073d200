/** Icons for sharing (16×16, `currentColor`, hidden from screen readers like the shared ones). */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="icon"
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
