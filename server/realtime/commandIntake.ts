import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Sender } from '../../shared/engine/context';
import { type Refused, refused } from '../../shared/engine/refusals';
import { Command } from '../../shared/protocol/commands';
import type { CommandAck } from '../../shared/protocol/errors';
import type { ServerClock } from '../clock';
import type { ClusterBus } from '../cluster/bus';
import { answerOf } from '../engine/english';
import type { MeetingRegistry } from '../meetings/registry';
import type { CommandSource } from '../store/store';
import { describeZodError } from '../validation/issues';
import { type Holder, TokenLimits } from './tokenLimits';

/** What becomes of one command: an answer, or (a display flooding) the socket is closed. */
export type Handled =
  | { kind: 'answer'; ack: CommandAck }
  /** Only a socket is closed; a request over HTTP is answered `ack` (`rate_limited`). */
  | { kind: 'close'; ack: CommandAck };

const failure = (refusal: Refused): CommandAck => ({ ok: false, error: answerOf(refusal) });

/** The answer to a handler that failed unexpectedly: logged, and nothing changed. */
export const UNEXPECTED = failure(refused('unavailable', 'refusal.server-failed'));
export const NOT_OPEN = failure(refused('unavailable', 'refusal.meeting-not-open'));

/** The answer to a payload that is not a command, naming the field at fault. */
export const notACommand = (error: z.ZodError): CommandAck =>
  failure(
    refused('invalid', 'refusal.command-invalid', {
      problem: describeZodError(error, 'command'),
    }),
  );

const answer = (ack: CommandAck): Handled => ({ kind: 'answer', ack });

/**
 * The one way a person's command reaches a meeting, whether it came over a socket or over HTTP
 * (contract version 2, the control API): the token's limits and a display's refusal first, before
 * anything is parsed or logged; then `Command` with its words for what is wrong; then the meeting's
 * runtime, which queues it behind the meeting's earlier commands, applies it, stores it and only
 * then answers (`MeetingRuntime.execute`).
 *
 * One intake per server holds the command limits of every token and delegation, so a token has one
 * budget whichever way its commands come (docs/protocol.md, "`command`").
 */
export class CommandIntake {
  /** In a cluster: how a command for a meeting another node holds reaches it. */
  private bus: ClusterBus | null = null;

  constructor(
    private readonly registry: MeetingRegistry,
    private readonly clock: ServerClock,
    private readonly log: FastifyBaseLogger,
    readonly limits: TokenLimits = new TokenLimits(),
  ) {}

  /** From now on, a command for a meeting this node does not hold goes to its holder. */
  forwardThrough(bus: ClusterBus): void {
    this.bus = bus;
  }

  /**
   * One command from the holder of a token: `payload` is what arrived, anything at all (a socket's
   * first argument, an HTTP body). Never rejects: an unexpected failure is logged and answered
   * `unavailable`, and nothing changed.
   */
  async take(
    holder: Holder,
    payload: unknown,
    source: Exclude<CommandSource, 'timer'>,
  ): Promise<Handled> {
    const { meetingId, role, delegationId } = holder;
    try {
      const admission = this.limits.admit(holder, this.clock.now());
      if (admission.kind === 'disconnect') return { kind: 'close', ack: admission.ack };
      if (admission.kind === 'refused') return answer(admission.ack);
      const parsed = Command.safeParse(payload);
      if (!parsed.success) {
        return answer(notACommand(parsed.error));
      }
      const sender: Sender = { role, ...(delegationId !== undefined && { delegationId }) };
      const runtime = this.registry.get(meetingId);
      if (runtime) return answer(await runtime.execute(parsed.data, sender, source));
      // Another node holds it (issue 16): its answer, once it stored the command.
      if (this.bus) return answer(await this.bus.command(meetingId, parsed.data, sender, source));
      return answer(NOT_OPEN);
    } catch (error) {
      this.log.error({ err: error, meetingId, role, source }, 'command handler failed');
      return answer(UNEXPECTED);
    }
  }
}
