/**
 * Importing a file that loads with notes (a version-1 file migrated to version 2): the success
 * notice lists each note by field, so nothing the loader changed or filled in is silent.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderApp, testScenarioInput } from '../helpers';

function jsonFile(name: string, data: unknown): File {
  return new File([JSON.stringify(data)], name, { type: 'application/json' });
}

describe('library: a file that loads with notes', () => {
  it('lists what the loader changed in a version-1 file, by field', async () => {
    const { user, store } = await renderApp('/');
    const v1 = structuredClone(testScenarioInput) as Record<string, unknown> & {
      scoring: { weights: Record<string, number> };
    };
    v1.schemaVersion = 1;
    v1.scoring.weights = { ...v1.scoring.weights, capacityHealth: 1 };
    await user.upload(screen.getByTestId('scenario-file-input'), jsonFile('old.json', v1));

    const notice = screen.getByText(/Imported “UI test company” from old\.json\./).closest('div')!;
    const notes = within(screen.getByRole('list', { name: 'Notes on old.json' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^scoring\.weights\.capacityHealth: was removed \(it was 1\)/);
    expect(notes[1]).toMatch(/^team\.pointValue: was filled in as \$[\d,]+ a point/);
    expect(notice.parentElement).toHaveTextContent('It loaded with 2 notes:');
    const imported = store.getState().imported[0]!.scenario;
    expect(imported.schemaVersion).toBe(2);
    expect(imported.scoring.weights).not.toHaveProperty('capacityHealth');
  });

  it('shows no notes for a file that loads as it is', async () => {
    const { user } = await renderApp('/');
    await user.upload(
      screen.getByTestId('scenario-file-input'),
      jsonFile('ui-test.json', testScenarioInput),
    );
    expect(screen.getByText(/Imported “UI test company” from ui-test\.json\./)).toBeVisible();
    expect(screen.queryByRole('list', { name: 'Notes on ui-test.json' })).toBeNull();
  });
});
