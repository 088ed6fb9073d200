/**
 * Plan variants on the board: switch, new, duplicate, rename, delete, and compare them side by
 * side (the compare screen's link comes from the app).
 */
import { memo, useId, useState } from 'react';
import { Link } from 'wouter';

import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyIcon, PencilIcon, PlusIcon, TrashIcon } from '../../components/icons';
import { PromptDialog } from '../../components/PromptDialog';
import type { Scenario } from '../../engine';
import { VARIANT_NAME_MAX, nextVariantName, useAppStore, useVariantNames } from '../../store';

export interface VariantsProps {
  scenario: Scenario;
  /** The compare screen of this scenario's variants; no link when absent. */
  compareHref?: string;
  /** Reports what happened, for the screen-reader live region. */
  announce: (text: string) => void;
}

type Pending = 'new' | 'duplicate' | 'rename' | 'delete' | null;

/** Memoized, with names only: moving a card re-renders none of it. */
export const Variants = memo(function Variants({ scenario, compareHref, announce }: VariantsProps) {
  const plans = useVariantNames(scenario);
  const switchVariant = useAppStore((s) => s.switchVariant);
  const createVariant = useAppStore((s) => s.createVariant);
  const duplicateVariant = useAppStore((s) => s.duplicateVariant);
  const renameVariant = useAppStore((s) => s.renameVariant);
  const deleteVariant = useAppStore((s) => s.deleteVariant);
  const [pending, setPending] = useState<Pending>(null);
  const variantId = useId();
  const active = plans.variants.find((v) => v.id === plans.activeId) ?? plans.variants[0]!;
  const count = plans.variants.length;

  return (
    <div className="board-variants" role="group" aria-label="Plan variants">
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
      {/* Icons with tooltips keep the head to one line; screen readers hear the words. */}
      <button
        type="button"
        className="button button-small button-icon"
        title="New variant (an empty plan)"
        onClick={() => setPending('new')}
      >
        <PlusIcon />
        <span className="visually-hidden">New</span>
      </button>
      <button
        type="button"
        className="button button-small button-icon"
        title="Duplicate this variant"
        onClick={() => setPending('duplicate')}
      >
        <CopyIcon />
        <span className="visually-hidden">Duplicate</span>
      </button>
      <button
        type="button"
        className="button button-small button-icon"
        title="Rename this variant"
        onClick={() => setPending('rename')}
      >
        <PencilIcon />
        <span className="visually-hidden">Rename</span>
      </button>
      <ActionButton
        className="button button-small button-icon"
        onClick={() => setPending('delete')}
        disabled={count <= 1}
        title={count <= 1 ? 'The last variant cannot be deleted' : 'Delete this variant'}
      >
        <TrashIcon />
        <span className="visually-hidden">Delete</span>
      </ActionButton>
      {compareHref && (
        <Link href={compareHref} className="button button-small" data-testid="compare-variants">
          Compare variants{count > 1 ? ` (${count})` : ''}
        </Link>
      )}

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
    </div>
  );
});
