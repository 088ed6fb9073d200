/**
 * A menu button (WAI-ARIA APG pattern): a real button that opens a `role="menu"` list. Arrow
 * keys, Home and End move between items, Enter or Space chooses, Escape closes and returns focus
 * to the button, Tab closes. The menu is rendered into the main landmark (else the body) with
 * fixed positioning so a scrolling column never clips it, and placed inside the viewport.
 */
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  id: string;
  label: ReactNode;
  onSelect: () => void;
  disabled?: boolean;
  /** Marks the item as the current choice (e.g. the slot the card is in). */
  current?: boolean;
}

export interface MenuButtonProps {
  /** Visible button content. */
  children: ReactNode;
  /** Accessible name of the button when its visible content is not enough. */
  label?: string;
  /** A heading inside the menu (not an item). */
  menuLabel?: string;
  items: readonly MenuItem[];
  className?: string;
  /** Extra attributes for the button (e.g. data-* hooks for tests and focus restoration). */
  buttonProps?: Record<`data-${string}`, string>;
}

export function MenuButton({
  children,
  label,
  menuLabel,
  items,
  className,
  buttonProps,
}: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  // Where the menu is rendered: the page's main landmark when the button is in it (so the menu is
  // inside a landmark, as axe's "region" rule asks), else the body.
  const [host, setHost] = useState<HTMLElement | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const buttonId = useId();

  const itemNodes = () =>
    Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []).filter(
      (el) => el.getAttribute('aria-disabled') !== 'true',
    );

  const openMenu = () => {
    setHost(buttonRef.current?.closest('main') ?? document.body);
    setOpen(true);
  };

  const close = (refocus: boolean) => {
    setOpen(false);
    setPosition(null);
    if (refocus) buttonRef.current?.focus();
  };

  useLayoutEffect(() => {
    if (!open || !buttonRef.current || !menuRef.current) return;
    const anchor = buttonRef.current.getBoundingClientRect();
    const menu = menuRef.current.getBoundingClientRect();
    // Inside the viewport, always: below the button, else above it, else as low as it fits
    // (over the button). The menu's CSS caps its height at the viewport's, and it scrolls.
    const margin = 8;
    const width = document.documentElement.clientWidth || window.innerWidth;
    const height = window.innerHeight;
    const left = Math.max(margin, Math.min(anchor.left, width - menu.width - margin));
    const below = anchor.bottom + 4;
    const above = anchor.top - menu.height - 4;
    const top =
      below + menu.height <= height - margin
        ? below
        : above >= margin
          ? above
          : Math.max(margin, height - menu.height - margin);
    setPosition({ top, left });
  }, [open]);

  // Focus goes into the menu once it is placed: until then it is `visibility: hidden`, and a
  // browser does not focus hidden elements (jsdom does, so only a real browser shows this).
  const placed = position !== null;
  useEffect(() => {
    if (!open || !placed) return;
    const nodes = itemNodes();
    (nodes.find((n) => n.getAttribute('aria-current') === 'true') ?? nodes[0])?.focus();
  }, [open, placed]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    const onResize = () => close(false);
    document.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('resize', onResize);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('resize', onResize);
    };
  }, [open]);

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu();
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const nodes = itemNodes();
    const at = nodes.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => nodes[(i + nodes.length) % nodes.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focusAt(at + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusAt(at - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        break;
      case 'End':
        event.preventDefault();
        focusAt(nodes.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close(true);
        break;
      case 'Tab':
        close(false);
        break;
    }
  };

  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    close(true);
    item.onSelect();
  };

  return (
    <>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className={className}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openMenu())}
        onKeyDown={onButtonKeyDown}
        {...buttonProps}
      >
        {children}
      </button>
      {open &&
        createPortal(
          <div
            ref={menuRef}
            id={menuId}
            role="menu"
            aria-labelledby={buttonId}
            className="menu"
            tabIndex={-1}
            style={
              position
                ? { top: position.top, left: position.left }
                : { top: 0, left: 0, visibility: 'hidden' }
            }
            onKeyDown={onMenuKeyDown}
          >
            {menuLabel && (
              <p className="menu-label" aria-hidden="true">
                {menuLabel}
              </p>
            )}
            {items.map((item) => (
              <div
                key={item.id}
                role="menuitem"
                tabIndex={-1}
                aria-disabled={item.disabled || undefined}
                aria-current={item.current || undefined}
                className="menu-item"
                onClick={() => choose(item)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    choose(item);
                  }
                }}
              >
                {item.label}
              </div>
            ))}
          </div>,
          host ?? document.body,
        )}
    </>
  );
}
