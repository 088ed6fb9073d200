/**
 * The board's toolbar: plan variants (switch, new, duplicate, rename, delete), undo, redo and
 * reset, plus any actions the app adds (e.g. playing the plan).
 */
import { useId, useState, type ReactNode } from 'react';

import { ConfirmDialog } from '../../components/ConfirmDialog';
import {
  CopyIcon,
  PencilIcon,
  PlusIcon,
  RedoIcon,
  ResetIcon,
  TrashIcon,
  UndoIcon,
} from '../../components/icons';
import { PromptDialog } from '../../components/PromptDialog';
import type { Scenario } from '../../engine';
import { VARIANT_NAME_MAX, nextVariantName, useAppStore, useScenarioPlans } from '../../store';

export interface ToolbarProps {
  scenario: Scenario;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onReset: () => void;
  plannedCount: number;
  /** Extra actions placed at the end of the toolbar. */
  actions?: ReactNode;
  /** Reports what happened, for the screen-reader live region. */
  announce: (text: string) => void;
}

type Pending = 'new' | 'duplicate' | 'rename' | 'delete' | 'reset' | null;

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Toolbar({
  scenario,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  onReset,
  plannedCount,
  actions,
  announce,
}: ToolbarProps) {
  const plans = useScenarioPlans(scenario);
  const switchVariant = useAppStore((s) => s.switchVariant);
  const createVariant = useAppStore((s) => s.createVariant);
  const duplicateVariant = useAppStore((s) => s.duplicateVariant);
  const renameVariant = useAppStore((s) => s.renameVariant);
  const deleteVariant = useAppStore((s) => s.deleteVariant);
  const [pending, setPending] = useState<Pending>(null);
  const variantId = useId();
  const active = plans.variants.find((v) => v.id === plans.activeId) ?? plans.variants[0]!;
  const mod = isMac() ? '⌘' : 'Ctrl+';

  return (
    <div className="board-toolbar">
      <div className="toolbar-group variant-group">
        <label htmlFor={variantId} className="small">
          Plan variant
        </label>
        <select
          id={variantId}
          value={plans.activeId}
          onChange={(event) => {
            switchVariant(scenario, event.target.value);
            const next = plans.variants.find((v) => v.id === event.target.value);
            if (next) announce(`Switched to ${next.name}.`);
          }}
        >
          {plans.variants.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        <button type="button" className="button button-small" onClick={() => setPending('new')}>
          <PlusIcon />
          New
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => setPending('duplicate')}
        >
          <CopyIcon />
          Duplicate
        </button>
        <button type="button" className="button button-small" onClick={() => setPending('rename')}>
          <PencilIcon />
          Rename
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => setPending('delete')}
          disabled={plans.variants.length <= 1}
        >
          <TrashIcon />
          Delete
        </button>
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          className="button button-small"
          onClick={onUndo}
          disabled={!canUndo}
          aria-keyshortcuts="Control+Z Meta+Z"
          title={`Undo (${mod}Z)`}
        >
          <UndoIcon />
          Undo
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={onRedo}
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
          title={`Redo (${isMac() ? '⇧⌘Z' : 'Ctrl+Shift+Z'})`}
        >
          <RedoIcon />
          Redo
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => setPending('reset')}
          disabled={plannedCount === 0}
        >
          <ResetIcon />
          Reset…
        </button>
      </div>
      {actions && <div className="toolbar-group toolbar-actions">{actions}</div>}

      {pending === 'new' && (
        <PromptDialog
          title="New plan variant"
          label="Name"
          initialValue={nextVariantName(plans.variants)}
          confirmLabel="Create"
          maxLength={VARIANT_NAME_MAX}
          onCancel={() => setPending(null)}
          onSubmit={(name) => {
            createVariant(scenario, name);
            setPending(null);
            announce(`Created ${name.trim()}, an empty plan.`);
          }}
        />
      )}
      {pending === 'duplicate' && (
        <PromptDialog
          title={`Duplicate ${active.name}`}
          label="Name of the copy"
          initialValue={`${active.name} (copy)`}
          confirmLabel="Duplicate"
          maxLength={VARIANT_NAME_MAX}
          onCancel={() => setPending(null)}
          onSubmit={(name) => {
            duplicateVariant(scenario, active.id, name);
            setPending(null);
            announce(`Created ${name.trim()}, a copy of ${active.name}.`);
          }}
        />
      )}
      {pending === 'rename' && (
        <PromptDialog
          title={`Rename ${active.name}`}
          label="New name"
          initialValue={active.name}
          confirmLabel="Rename"
          maxLength={VARIANT_NAME_MAX}
          onCancel={() => setPending(null)}
          onSubmit={(name) => {
            renameVariant(scenario, active.id, name);
            setPending(null);
            announce(`Renamed to ${name.trim()}.`);
          }}
        />
      )}
      {pending === 'delete' && (
        <ConfirmDialog
          title={`Delete ${active.name}?`}
          confirmLabel="Delete variant"
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => {
            deleteVariant(scenario, active.id);
            setPending(null);
            announce(`Deleted ${active.name}.`);
          }}
        >
          <p>Its plan and notes are removed. This cannot be undone.</p>
        </ConfirmDialog>
      )}
      {pending === 'reset' && (
        <ConfirmDialog
          title={`Reset ${active.name}?`}
          confirmLabel="Reset the plan"
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => {
            onReset();
            setPending(null);
          }}
        >
          <p>
            All {plannedCount} planned {plannedCount === 1 ? 'item goes' : 'items go'} back to the
            backlog. Notes are kept, and Undo brings the plan back.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
