/**
 * The comparisons that let a column skip a drop that did not touch it: equal when what the new
 * elements and arrays hold is equal, unequal on any change a card would show.
 */
import { render, screen } from '@testing-library/react';
import { memo, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';

import { sameElements, sameIds, sameProps } from '../../src/components/sameElements';

function Card({ title, start }: { title: string; start: number | null }) {
  return (
    <li>
      {title} from {start ?? 'later'}
    </li>
  );
}
function OtherCard({ title }: { title: string; start: number | null }) {
  return <li>{title}</li>;
}
const onOpen = () => {};

describe('sameProps', () => {
  it('is equal only with every prop the same and none more or less', () => {
    const item = { id: 'a' };
    expect(sameProps({ item, start: 1, onOpen }, { item, start: 1, onOpen })).toBe(true);
    expect(sameProps({ item, start: 1 }, { item: { id: 'a' }, start: 1 })).toBe(false);
    expect(sameProps({ item, start: 1 }, { item, start: 2 })).toBe(false);
    expect(sameProps({ item, onOpen }, { item, onOpen: () => {} })).toBe(false);
    expect(sameProps({ item }, { item, start: undefined })).toBe(false);
    expect(sameProps({ item, start: undefined }, { item, end: undefined })).toBe(false);
    expect(sameProps({ start: NaN }, { start: NaN })).toBe(true);
  });
});

describe('sameIds', () => {
  it('is equal with the same ids in the same order', () => {
    expect(sameIds(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameIds([], [])).toBe(true);
    expect(sameIds(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameIds(['a', 'b'], ['a'])).toBe(false);
    expect(sameIds(['a'], ['a', 'b'])).toBe(false);
  });
});

describe('sameElements', () => {
  const cards = (starts: readonly (number | null)[], titles = ['Alpha', 'Beta']) =>
    titles.map((title, i) => <Card key={title} title={title} start={starts[i] ?? null} />);

  it('is equal for new elements of the same kind, key and props', () => {
    expect(sameElements(cards([1, 2]), cards([1, 2]))).toBe(true);
    expect(sameElements([], [])).toBe(true);
    const one = cards([1, 2]);
    expect(sameElements(one, one)).toBe(true);
  });

  it('is unequal when a card shows something else, moves, goes or is another kind', () => {
    expect(sameElements(cards([1, 2]), cards([1, 3]))).toBe(false);
    expect(sameElements(cards([1, 2]), cards([1, null]))).toBe(false);
    expect(sameElements(cards([1, 2]), cards([2, 1], ['Beta', 'Alpha']))).toBe(false);
    expect(sameElements(cards([1, 2]), cards([1], ['Alpha']))).toBe(false);
    expect(sameElements(cards([1, 2]), cards([1, 2], ['Alpha', 'Gamma']))).toBe(false);
    expect(
      sameElements(
        [<Card key="Alpha" title="Alpha" start={1} />],
        [<OtherCard key="Alpha" title="Alpha" start={1} />],
      ),
    ).toBe(false);
    expect(sameElements(<Card title="Alpha" start={1} />, <Card title="Alpha" start={1} />)).toBe(
      false,
    );
    expect(sameElements('Alpha', 'Alpha')).toBe(true);
    expect(sameElements(['Alpha'], ['Beta'])).toBe(false);
  });

  it('lets a memoized list skip a render that changes nothing it shows, and not one that does', () => {
    let renders = 0;
    const List = memo(
      function List({ children }: { children: ReactNode }) {
        renders++;
        return <ul>{children}</ul>;
      },
      (a, b) => sameElements(a.children, b.children),
    );
    const { rerender } = render(<List>{cards([1, 2])}</List>);
    rerender(<List>{cards([1, 2])}</List>);
    expect(renders).toBe(1);
    rerender(<List>{cards([1, 4])}</List>);
    expect(renders).toBe(2);
    expect(screen.getByText('Beta from 4')).toBeTruthy();
  });
});
