import { MeetingEngine } from '../../server/engine/engine';
import type { Sender } from '../../shared/engine/context';
import { maySendCommands } from '../../shared/permissions';
import type { Agenda, Roster } from '../../shared/protocol/agenda';
import { Command } from '../../shared/protocol/commands';
import type { CommandAck } from '../../shared/protocol/errors';
import type { MeetingView } from '../../shared/protocol/view';

/**
 * What two views of the same meeting must agree on when they were made at different instants
 * or by different processes: everything but the clock's instants.
 */
export const essentials = (view: MeetingView) => ({
  version: view.version,
  status: view.status,
  title: view.title,
  agenda: view.agenda,
  current: view.current && {
    itemId: view.current.itemId,
    stepId: view.current.stepId,
    heard: view.current.heard,
  },
  turn: view.turn && {
    id: view.turn.id,
    speaker: view.turn.speaker,
    status: view.turn.status,
    limitMs: view.turn.limitMs,
    warnAtMs: view.turn.warnAtMs,
    segment: view.turn.segment,
    requestId: view.turn.requestId,
    endAtLimit: view.turn.endAtLimit,
  },
  floor: {
    open: view.floor.open,
    segment: view.floor.segment,
    policy: view.floor.policy,
    clusterSize: view.floor.clusterSize,
    sincePanel: view.floor.sincePanel,
    queue: view.floor.queue.map(({ id, delegationId, name, category, speakerName }) => ({
      id,
      delegationId,
      name,
      category,
      speakerName,
    })),
  },
  suspension: view.suspension && { note: view.suspension.note },
  display: view.display,
});

const describe = (ack: CommandAck): string =>
  ack.ok ? `ok (version ${ack.version})` : `${ack.error.code} (${ack.error.message})`;

/**
 * The engine alone, kept in step with a real server: each answer the server gives is checked
 * against what the engine answers for the same payload from the same sender, and what the
 * server accepted is applied to it. The server's own refusals (`rate_limited`, `unavailable`)
 * are not the engine's business and change nothing on either side.
 */
export class EngineModel {
  readonly engine: MeetingEngine;
  private now = Date.UTC(2017, 6, 24, 14, 0, 0);

  constructor(options: { meetingId: string; agenda: Agenda; roster: Roster }) {
    this.engine = MeetingEngine.create(options);
  }

  /**
   * Checks one answer of the server to `sent` (the payload as the server received it, after
   * JSON) and follows it. Answers what disagrees, or null.
   */
  follow(sent: unknown, sender: Sender, ack: CommandAck): string | null {
    if (!ack.ok && (ack.error.code === 'rate_limited' || ack.error.code === 'unavailable')) {
      return null;
    }
    // A role that may send nothing is refused before the schema: whatever it sent is forbidden.
    if (!maySendCommands(sender.role)) {
      return !ack.ok && ack.error.code === 'forbidden'
        ? null
        : `a ${sender.role} sends nothing, the server answered ${describe(ack)}`;
    }
    const parsed = Command.safeParse(sent);
    if (!parsed.success) {
      return !ack.ok && ack.error.code === 'invalid'
        ? null
        : `the schema refuses it, the server answered ${describe(ack)}`;
    }
    const result = this.engine.apply(parsed.data, sender, this.now++);
    if (result.ok !== ack.ok) {
      const engine = result.ok ? `ok (version ${result.version})` : result.error.code;
      return `the engine answered ${engine}, the server ${describe(ack)}`;
    }
    if (result.ok && ack.ok && result.version !== ack.version) {
      return `the engine made version ${result.version}, the server ${ack.version}`;
    }
    if (!result.ok && !ack.ok && result.error.code !== ack.error.code) {
      return `the engine refused with ${result.error.code}, the server ${describe(ack)}`;
    }
    return null;
  }

  /** Applies a command the server stored without the test seeing its answer (a crash). */
  apply(command: Command, sender: Sender): number {
    const result = this.engine.apply(command, sender, this.now++);
    if (!result.ok) throw new Error(`the model refuses ${command.type}: ${result.error.code}`);
    return result.version;
  }

  get version(): number {
    return this.engine.version;
  }

  view(): MeetingView {
    return this.engine.view(this.now);
  }
}
