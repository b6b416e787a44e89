import { isStateCategory } from '../categories';
import type { QueuePolicy } from '../protocol/enums';
import { INTERLEAVE_EVERY } from '../protocol/stepDefaults';
import type { QueuedRequest } from './context';

/**
 * The order of the list of speakers (contract version 2, "Queue order"), as pure functions the
 * engine and its property tests share:
 *
 * - points of order first, in arrival order;
 * - then the statements: under `states-first`, group statements, then States' (Member States
 *   and observer States), then everyone else's; under `arrival`, all of them in arrival order;
 *   under `interleave`, group statements, then States and the others alternating, `every`
 *   States then one of the others (S1..S7 and O1, O2 make S1 S2 S3 O1 S4 S5 S6 O2 S7), the
 *   States heard since one of the others last spoke counting toward the first run, so that a
 *   stream of States asking while States are heard never holds the others back;
 * - then the rights of reply, in arrival order.
 *
 * A moderator's `floor.move` puts a request where the moderator says, and it stays there: a new
 * request is inserted, never re-sorting what waits (`placeInQueue`).
 */
type Ordered = Pick<QueuedRequest, 'id' | 'kind' | 'category' | 'requestedAt' | 'onBehalfOf'>;

/** The number in a server-made request id (`R42`: made by the command of version 42). */
const made = (id: string): number => Number.parseInt(id.replace(/^\D+/, ''), 10) || 0;

/** Arrival order at the server: the instant, then the command that made it. */
const byArrival = (a: Ordered, b: Ordered): number =>
  a.requestedAt - b.requestedAt || made(a.id) - made(b.id);

/**
 * `every` States, then one of the others, and so on; what remains of either side at the end.
 * The `heard` States already spoke in the current run: the first run has only what is left of it.
 */
const alternate = <T>(states: T[], others: T[], every: number, heard: number): T[] => {
  const out: T[] = [];
  let s = 0;
  let o = 0;
  let run = Math.min(heard, every);
  while (s < states.length || o < others.length) {
    for (; run < every && s < states.length; run++) out.push(states[s++] as T);
    if (o < others.length) out.push(others[o++] as T);
    run = 0;
  }
  return out;
};

/**
 * The order the policy gives these requests, as if none had been moved; `heard`: the States
 * heard since one of the others last spoke (`floor.statesSinceOther`), for `interleave`.
 */
export const policyOrder = <T extends Ordered>(
  requests: readonly T[],
  policy: QueuePolicy,
  every: number = INTERLEAVE_EVERY,
  heard = 0,
): T[] => {
  const sorted = [...requests].sort(byArrival);
  const points = sorted.filter((r) => r.kind === 'point-of-order');
  const replies = sorted.filter((r) => r.kind === 'reply');
  const statements = sorted.filter((r) => r.kind === 'statement');
  if (policy === 'arrival') return [...points, ...statements, ...replies];
  const groups = statements.filter((r) => r.onBehalfOf !== undefined);
  const single = statements.filter((r) => r.onBehalfOf === undefined);
  const states = single.filter((r) => isStateCategory(r.category));
  const others = single.filter((r) => !isStateCategory(r.category));
  const middle =
    policy === 'states-first' ? [...states, ...others] : alternate(states, others, every, heard);
  return [...points, ...groups, ...middle, ...replies];
};

/**
 * Where a new request joins: right after the last request ahead of it. The requests the policy
 * placed are ahead of it when the policy puts them first. A request the moderator moved is ahead
 * of it when the policy puts it first and it still sits among the requests the policy placed:
 * ahead of the first of those the policy puts after the newcomer, or, when the newcomer goes
 * after all of them, behind none that the policy puts after the moved one. Moved down past those,
 * it stays where the moderator put it and is no landmark: a newcomer following it there would
 * land a statement behind the replies, a point of order behind the statements, and a request the
 * moderator sent to the end would not stay there. Moved up, or where it already was, it still
 * guides: a reply never jumps a statement the moderator only confirmed in place. With nothing
 * ahead, at the head. Without moves the queue is exactly `policyOrder`; with them, no waiting
 * request changes place, and the requests the policy placed keep its order among themselves.
 */
export const placeInQueue = <T extends Ordered & { moved?: boolean }>(
  queue: readonly T[],
  request: T,
  policy: QueuePolicy,
  every: number = INTERLEAVE_EVERY,
  heard = 0,
): T[] => {
  const rank = new Map(
    policyOrder([...queue, request], policy, every, heard).map((r, i) => [r.id, i]),
  );
  const rankOf = (r: T) => rank.get(r.id) ?? 0;
  const mine = rank.get(request.id) ?? Number.POSITIVE_INFINITY;
  const placed = (r: T) => r.moved !== true;
  const after = queue.findIndex((r) => placed(r) && rankOf(r) > mine);
  const sentDown = (r: T, i: number) =>
    queue.slice(0, i).some((q) => placed(q) && rankOf(q) > rankOf(r));
  let last = -1;
  queue.forEach((r, i) => {
    const landmark = placed(r) || (after === -1 ? !sentDown(r, i) : i < after);
    if (landmark && rankOf(r) < mine) last = i;
  });
  return [...queue.slice(0, last + 1), request, ...queue.slice(last + 1)];
};
