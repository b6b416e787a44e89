import { describe, expect, it } from 'vitest';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import { Roster } from '../../../shared/protocol/agenda';

const inCategory = (category: string) => DEFAULT_ROSTER.filter((d) => d.category === category);
const names = DEFAULT_ROSTER.map((d) => d.name);

describe('the default roster', () => {
  it('parses with the Roster schema', () => {
    expect(Roster.parse(DEFAULT_ROSTER)).toEqual(DEFAULT_ROSTER);
  });

  it('lists exactly the 193 Member States, in alphabetical order', () => {
    const states = inCategory('member-state').map((d) => d.name);
    expect(states).toHaveLength(193);
    expect(states).toEqual([...states].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('lists both observer States', () => {
    // Their names in the other languages are checked in ./rosterNames.test.ts.
    expect(inCategory('observer')).toEqual([
      expect.objectContaining({ id: 'holy-see', name: 'Holy See', category: 'observer' }),
      expect.objectContaining({
        id: 'state-of-palestine',
        name: 'State of Palestine',
        category: 'observer',
      }),
    ]);
  });

  it('lists the European Union as its only intergovernmental organization, after the observer States', () => {
    expect(inCategory('igo')).toEqual([
      expect.objectContaining({ id: 'european-union', name: 'European Union', category: 'igo' }),
    ]);
    const at = (id: string) => DEFAULT_ROSTER.findIndex((d) => d.id === id);
    expect(at('european-union')).toBe(at('state-of-palestine') + 1);
    expect(at('european-union')).toBeLessThan(at('iom'));
  });

  it('includes the UN system, IOM among it, and other stakeholders', () => {
    const unSystem = inCategory('un-system');
    expect(unSystem.length).toBeGreaterThanOrEqual(1);
    expect(unSystem).toContainEqual(
      expect.objectContaining({
        id: 'iom',
        name: 'International Organization for Migration (IOM)',
        category: 'un-system',
      }),
    );
    expect(inCategory('stakeholder').length).toBeGreaterThanOrEqual(1);
  });

  it('has unique ids and unique names', () => {
    expect(new Set(DEFAULT_ROSTER.map((d) => d.id)).size).toBe(DEFAULT_ROSTER.length);
    expect(new Set(names).size).toBe(DEFAULT_ROSTER.length);
  });

  it('includes Mexico and Morocco', () => {
    expect(DEFAULT_ROSTER).toContainEqual(
      expect.objectContaining({ id: 'mexico', name: 'Mexico', category: 'member-state' }),
    );
    expect(DEFAULT_ROSTER).toContainEqual(
      expect.objectContaining({ id: 'morocco', name: 'Morocco', category: 'member-state' }),
    );
  });

  it.each([
    'Bolivia (Plurinational State of)',
    "Côte d'Ivoire",
    "Democratic People's Republic of Korea",
    'Iran (Islamic Republic of)',
    "Lao People's Democratic Republic",
    'Micronesia (Federated States of)',
    'Netherlands (Kingdom of the)',
    'Republic of Moldova',
    'Türkiye',
    'United Kingdom of Great Britain and Northern Ireland',
    'United Republic of Tanzania',
    'United States of America',
    'Venezuela (Bolivarian Republic of)',
    'Viet Nam',
  ])('names the Member State %s by its official short name', (name) => {
    expect(inCategory('member-state').map((d) => d.name)).toContain(name);
  });
});
