import type { Sender } from '../../shared/engine/context';
import { type RosterIndex, refusalOf, rosterIndex } from '../../shared/engine/decide';
import { contextFromView } from '../../shared/engine/fromView';
import type { Group, Roster } from '../../shared/protocol/agenda';
import type { Command } from '../../shared/protocol/commands';
import type { ReasonedRefusal } from '../../shared/protocol/refusals';
import type { MeetingView } from '../../shared/protocol/view';

/**
 * "May I press this?" for a command a button would send: null when the server would carry it
 * out, else the refusal it would answer, with its reason for the screen to say in its language
 * (`useRefusalWords`). The same decision as the server's (`refusalOf`, through the statechart),
 * on the meeting as this screen last heard of it.
 */
export type MayPress = (command: Command) => ReasonedRefusal | null;

/**
 * The roster a screen asks with: the delegations when it has them, `null` while they load,
 * `'none'` where no delegation is involved (a console's clock and floor buttons).
 */
export type RosterKnown = Roster | null | 'none';

/**
 * The meeting's groups a screen asks with (contract version 2): the groups when it has them,
 * `null` while they load, `'none'` where no statement on behalf of a group is pressed (the
 * engine then knows no group, and would answer such a statement `not_found`).
 */
export type GroupsKnown = readonly Group[] | null | 'none';

/** Only these commands concern a delegation, whose facts the engine reads from the roster. */
const needsRoster = (command: Command): boolean =>
  command.type === 'floor.request' ||
  command.type === 'floor.withdraw' ||
  command.type === 'floor.add' ||
  (command.type === 'turn.start' && command.speaker?.delegationId !== undefined);

/** Only a statement on behalf of a group reads the groups. */
const needsGroups = (command: Command): boolean =>
  (command.type === 'floor.request' || command.type === 'floor.add') &&
  command.onBehalfOf !== undefined;

/**
 * Not a rule of the room: this screen cannot tell yet, and the button waits for the roster (or
 * the groups). Its words are the screen's own (`live.*` in the `common` catalogue).
 */
const ROSTER_LOADING: ReasonedRefusal = {
  code: 'unavailable',
  reason: { id: 'live.roster-loading' },
};
const GROUPS_LOADING: ReasonedRefusal = {
  code: 'unavailable',
  reason: { id: 'live.groups-loading' },
};

const NO_GROUPS: readonly Group[] = [];
const NO_DELEGATIONS: RosterIndex = rosterIndex([]);
// By roster, then by groups: both arrive once per screen, so each pair is indexed once.
const indexes = new WeakMap<Roster, WeakMap<readonly Group[], RosterIndex>>();
const indexOf = (roster: Roster, groups: readonly Group[]): RosterIndex => {
  let byGroups = indexes.get(roster);
  if (!byGroups) {
    byGroups = new WeakMap();
    indexes.set(roster, byGroups);
  }
  let index = byGroups.get(groups);
  if (!index) {
    index = rosterIndex(roster, groups);
    byGroups.set(groups, index);
  }
  return index;
};

/**
 * The answers for one view of the meeting, remembered: a console asks again at every render (the
 * queue's waiting times redraw each second), and a view does not change once received. `now` is
 * read at the first question; the chart's guards read no clock, only its effects do.
 */
export const mayPressIn = (
  view: MeetingView,
  roster: RosterKnown,
  sender: Sender,
  now: () => number,
  groups: GroupsKnown = 'none',
): MayPress => {
  const answers = new Map<string, ReasonedRefusal | null>();
  return (command) => {
    if (roster === null && needsRoster(command)) return ROSTER_LOADING;
    if (groups === null && needsGroups(command)) return GROUPS_LOADING;
    const key = JSON.stringify(command);
    const known = answers.get(key);
    if (known !== undefined) return known;
    const index =
      roster === null || roster === 'none'
        ? NO_DELEGATIONS
        : indexOf(roster, groups === null || groups === 'none' ? NO_GROUPS : groups);
    const answer = refusalOf(contextFromView(view), index, command, sender, now());
    answers.set(key, answer);
    return answer;
  };
};
