/** The meetings the scenarios run on. */
import type { AgendaInput, Roster } from '../../../shared/protocol/agenda';
import type { CreateMeetingResponse } from '../../../shared/protocol/http';

/** The default meeting's interactive discussion of panel 1: a floor step, open to all. */
export const DEFAULT_FLOOR_STEP = { itemId: 'panel-1', stepId: 'discussion' } as const;

/** A roster of `n` delegations (the protocol allows at most 1,000), all Member States. */
export const syntheticRoster = (n: number): Roster =>
  Array.from({ length: n }, (_, i) => ({
    id: `d-${String(i).padStart(4, '0')}`,
    name: `Delegation ${i}`,
    category: 'member-state' as const,
  }));

/** One item, one floor step open to every category, arrival order, 3-minute interventions. */
export const floorAgenda = (queuePolicy: 'arrival' | 'states-first' = 'arrival'): AgendaInput => ({
  title: 'Benchmark meeting',
  items: [
    {
      id: 'discussion',
      title: 'Interactive discussion',
      kind: 'panel',
      steps: [
        {
          id: 'floor',
          kind: 'floor',
          title: 'Interventions from the floor',
          allowance: { limitMs: 180_000, warnAtMs: 150_000 },
          queuePolicy,
        },
      ],
    },
  ],
});

/** `count` codes for audience devices: displays and delegates alternately, delegations in turn. */
export const audienceCodes = (codes: CreateMeetingResponse['codes'], count: number): string[] => {
  const delegations = Object.values(codes.delegations);
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0 ? codes.display : (delegations[(i >> 1) % delegations.length] as string),
  );
};
