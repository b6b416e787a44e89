import { defaultAgenda } from '../../shared/defaults/agenda';

/**
 * The default agenda on the procedural note's own days, 24-25 July 2017: the days the engine
 * tests' clocks run on (their instants start on 24 July 2017), so planned and held times agree.
 */
export const NOTE_AGENDA = defaultAgenda('2017-07-24');
