import type { Sender } from '../../shared/engine/context';
import { type RosterIndex, refusalOf, rosterIndex } from '../../shared/engine/decide';
import { contextFromView } from '../../shared/engine/fromView';
import type { Roster } from '../../shared/protocol/agenda';
import type { Command } from '../../shared/protocol/commands';
import type { Refusal } from '../../shared/protocol/errors';
import type { MeetingView } from '../../shared/protocol/view';

/**
 * "May I press this?" for a command a button would send: null when the server would carry it
 * out, else the refusal it would answer, in its words. The same decision as the server's
 * (`refusalOf`, through the statechart), on the meeting as this screen last heard of it.
 */
export type MayPress = (command: Command) => Refusal | null;

/**
 * The roster a screen asks with: the delegations when it has them, `null` while they load,
 * `'none'` where no delegation is involved (a console's clock and floor buttons).
 */
export type RosterKnown = Roster | null | 'none';

/** Only these commands concern a delegation, whose facts the engine reads from the roster. */
const needsRoster = (command: Command): boolean =>
  command.type === 'floor.request' ||
  command.type === 'floor.withdraw' ||
  command.type === 'floor.add' ||
  (command.type === 'turn.start' && command.speaker?.delegationId !== undefined);

/** Not a rule of the room: this screen cannot tell yet, and the button waits for the roster. */
const ROSTER_LOADING: Refusal = {
  code: 'unavailable',
  message: 'The list of delegations is still loading.',
};

const NO_DELEGATIONS: RosterIndex = rosterIndex([]);
const indexes = new WeakMap<Roster, RosterIndex>();
const indexOf = (roster: Roster): RosterIndex => {
  let index = indexes.get(roster);
  if (!index) {
    index = rosterIndex(roster);
    indexes.set(roster, index);
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
): MayPress => {
  const answers = new Map<string, Refusal | null>();
  return (command) => {
    if (roster === null && needsRoster(command)) return ROSTER_LOADING;
    const key = JSON.stringify(command);
    const known = answers.get(key);
    if (known !== undefined) return known;
    const index = roster === null || roster === 'none' ? NO_DELEGATIONS : indexOf(roster);
    const answer = refusalOf(contextFromView(view), index, command, sender, now());
    answers.set(key, answer);
    return answer;
  };
};
