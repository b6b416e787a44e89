import { describe, expect, it } from 'vitest';
import { DEFAULT_GROUPS } from '../../../shared/defaults/groups';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import { groupsOf } from '../../../shared/groups';
import { type Group, Groups, groupsOutsideRoster } from '../../../shared/protocol/agenda';

const memberStates = DEFAULT_ROSTER.filter((d) => d.category === 'member-state').map((d) => d.id);
const groupIdsOf = (delegationId: string) =>
  groupsOf(delegationId, DEFAULT_GROUPS).map((g) => g.id);
const group = (id: string): Group => {
  const found = DEFAULT_GROUPS.find((g) => g.id === id);
  if (found === undefined) throw new Error(`no group "${id}"`);
  return found;
};

describe('the default groups: the five regional groups of the United Nations', () => {
  it('parses with the Groups schema', () => {
    expect(Groups.parse(DEFAULT_GROUPS)).toEqual(DEFAULT_GROUPS);
  });

  it('are the five regional groups, by the ids and names of the contract', () => {
    expect(DEFAULT_GROUPS.map((g) => [g.id, g.name])).toEqual([
      ['african-group', 'African Group'],
      ['asia-pacific-group', 'Asia-Pacific Group'],
      ['eastern-european-group', 'Eastern European Group'],
      ['grulac', 'Group of Latin American and Caribbean States'],
      ['weog', 'Western European and Others Group'],
    ]);
  });

  it('name only delegations of the default roster', () => {
    expect(groupsOutsideRoster(DEFAULT_GROUPS, DEFAULT_ROSTER)).toEqual([]);
  });

  it('hold Member States only', () => {
    const category = new Map(DEFAULT_ROSTER.map((d) => [d.id, d.category]));
    const others = DEFAULT_GROUPS.flatMap((g) =>
      g.members.filter((m) => category.get(m) !== 'member-state').map((m) => `${g.id}: ${m}`),
    );
    expect(others).toEqual([]);
  });

  it.each([
    ['african-group', 54],
    ['asia-pacific-group', 55],
    ['eastern-european-group', 23],
    ['grulac', 33],
    ['weog', 29],
  ])('%s has %i members', (id, count) => {
    expect(group(id).members).toHaveLength(count);
  });

  it('give back the usual figures once the edge cases are set aside', () => {
    // 53 in the Asia-Pacific Group without Kiribati and Türkiye, 28 in WEOG without the
    // United States: the figures most sources give.
    const asiaPacific = group('asia-pacific-group').members;
    expect(asiaPacific.filter((m) => m !== 'kiribati' && m !== 'turkiye')).toHaveLength(53);
    expect(group('weog').members.filter((m) => m !== 'united-states')).toHaveLength(28);
  });

  it('put no Member State in two groups but Türkiye, which is in the Asia-Pacific Group and WEOG', () => {
    const inTwo = memberStates.filter((id) => groupIdsOf(id).length > 1);
    expect(inTwo).toEqual(['turkiye']);
    expect(groupIdsOf('turkiye')).toEqual(['asia-pacific-group', 'weog']);
  });

  it('leave none of the 193 Member States without a group', () => {
    expect(memberStates).toHaveLength(193);
    expect(memberStates.filter((id) => groupIdsOf(id).length === 0)).toEqual([]);
  });

  it('list their members in the roster’s alphabetical order', () => {
    const rank = new Map(DEFAULT_ROSTER.map((d, i) => [d.id, i]));
    for (const g of DEFAULT_GROUPS) {
      const ranks = g.members.map((m) => rank.get(m) ?? -1);
      expect(ranks, g.id).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it.each([
    ['egypt', ['african-group']],
    ['nigeria', ['african-group']],
    ['brazil', ['grulac']],
    ['jamaica', ['grulac']],
    ['japan', ['asia-pacific-group']],
    ['cyprus', ['asia-pacific-group']],
    ['kiribati', ['asia-pacific-group']],
    ['poland', ['eastern-european-group']],
    ['canada', ['weog']],
    ['israel', ['weog']],
    ['united-states', ['weog']],
  ])('place %s in %j', (id, groups) => {
    expect(groupIdsOf(id)).toEqual(groups);
  });

  it.each(['holy-see', 'state-of-palestine', 'european-union', 'iom'])(
    'leave %s, which is not a Member State, out of every group',
    (id) => {
      expect(DEFAULT_ROSTER.some((d) => d.id === id)).toBe(true);
      expect(groupIdsOf(id)).toEqual([]);
    },
  );
});

describe('groupsOf: the groups a delegation belongs to', () => {
  const groups: Group[] = [
    { id: 'g77', name: 'Group of 77 and China', members: ['egypt', 'china', 'brazil'] },
    { id: 'arab-group', name: 'Arab Group', members: ['egypt', 'morocco'] },
    { id: 'aosis', name: 'Alliance of Small Island States', members: ['jamaica'] },
  ];

  it('answers every group that names the delegation, in the meeting’s order of groups', () => {
    expect(groupsOf('egypt', groups)).toEqual([groups[0], groups[1]]);
    expect(groupsOf('jamaica', groups)).toEqual([groups[2]]);
  });

  it('answers no group for a delegation that no group names, or an unknown id', () => {
    expect(groupsOf('canada', groups)).toEqual([]);
    expect(groupsOf('atlantis', groups)).toEqual([]);
    expect(groupsOf('egypt', [])).toEqual([]);
  });

  it('does not take a group id for a member', () => {
    expect(groupsOf('g77', groups)).toEqual([]);
  });
});
