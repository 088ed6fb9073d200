import { describe, expect, it } from 'vitest';

import { shortName } from '../../src/explain/format';

describe('shortName: how a card chip calls a stakeholder', () => {
  it('is the first name of a plain name', () => {
    expect(shortName('Maya')).toBe('Maya');
    expect(shortName('Tomás Ruiz')).toBe('Tomás');
    expect(shortName('  Priti   Desai ')).toBe('Priti');
  });

  it('keeps a title with the surname, never the title alone', () => {
    expect(shortName('Dr. Amara Obi')).toBe('Dr. Obi');
    expect(shortName('Prof Li Wei Chen')).toBe('Prof Chen');
    expect(shortName('Ms. Grant')).toBe('Ms. Grant');
  });

  it('treats a title with nothing after it as a name', () => {
    expect(shortName('Dr.')).toBe('Dr.');
  });

  it('does not take a name that starts like a title for one', () => {
    expect(shortName('Drew Barrymore')).toBe('Drew');
    expect(shortName('Mrinal Sen')).toBe('Mrinal');
  });
});
