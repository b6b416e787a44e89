import type { Agenda, Roster } from '../../shared/protocol/agenda';
import type { Command } from '../../shared/protocol/commands';
import { DEFAULT_AGENDA } from '../../shared/defaults/agenda';
import { DEFAULT_ROSTER } from '../../shared/defaults/roster';
import type { Records, Sender } from '../../server/engine/context';
import { type ApplyResult, MeetingEngine } from '../../server/engine/engine';

export const CHAIR: Sender = { role: 'chair' };
export const MODERATOR: Sender = { role: 'moderator' };
export const DISPLAY: Sender = { role: 'display' };
export const delegate = (delegationId: string): Sender => ({ role: 'delegate', delegationId });

/** A meeting engine with a hand-cranked clock, and the record it has made so far. */
export class EngineHarness {
  readonly engine: MeetingEngine;
  now: number;
  readonly record: Records = { turns: [], requests: [], steps: [] };

  constructor(options: { agenda?: Agenda; roster?: Roster; start?: number } = {}) {
    this.engine = MeetingEngine.create({
      meetingId: 'M-test',
      agenda: options.agenda ?? DEFAULT_AGENDA,
      roster: options.roster ?? DEFAULT_ROSTER,
    });
    this.now = options.start ?? Date.UTC(2017, 6, 24, 14, 0, 0);
  }

  /** Lets time pass on the meeting's clock. */
  wait(ms: number): this {
    this.now += ms;
    return this;
  }

  send(command: Command, by: Sender = CHAIR): ApplyResult {
    const result = this.engine.apply(command, by, this.now);
    if (result.ok) {
      this.record.turns.push(...result.records.turns);
      this.record.requests.push(...result.records.requests);
      this.record.steps.push(...result.records.steps);
    }
    return result;
  }

  /** Sends a command that must be accepted. */
  ok(command: Command, by: Sender = CHAIR): number {
    const result = this.send(command, by);
    if (!result.ok) {
      throw new Error(`${command.type} refused: ${result.error.code}: ${result.error.message}`);
    }
    return result.version;
  }

  view() {
    return this.engine.view(this.now);
  }
}
