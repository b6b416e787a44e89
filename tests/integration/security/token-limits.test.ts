import { describe, expect, it } from 'vitest';
import type { CommandAck } from '../../../shared/protocol/errors';
import { LIMITS } from '../../../shared/protocol/limits';
import { ManualClock } from '../../support/clock';
import { withRoom } from '../../support/meeting';
import { ok, openSocket } from '../../support/server';

/** What one socket got: the codes of its answers, and whether the server closed it. */
interface Round {
  answers: string[];
  closedByServer: boolean;
}

/**
 * The attack of issue 11: a new socket with the same token, a burst of commands on it, and
 * again. Each round ends when every command is answered or the server closes the socket.
 */
const round = async (url: string, token: string, commands: readonly unknown[]): Promise<Round> => {
  const socket = openSocket(url, token);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const answers: string[] = [];
  const closedByServer = await new Promise<boolean>((resolve) => {
    socket.once('disconnect', (reason) => resolve(reason === 'io server disconnect'));
    for (const command of commands) {
      socket.emit('command', command, (ack: CommandAck) => {
        answers.push(ack.ok ? 'ok' : ack.error.code);
        if (answers.length === commands.length) resolve(false);
      });
    }
  });
  socket.disconnect();
  return { answers, closedByServer };
};

/** Fifteen rounds, a tenth of a second apart on the server's clock: the last at 1.4 s. */
const ROUNDS = 15;
const ROUND_EVERY_MS = 100;
const LAST_ROUND_AT_MS = (ROUNDS - 1) * ROUND_EVERY_MS;

/** The rounds; answers every answer and how many sockets the server closed. */
const reconnecting = async (
  url: string,
  token: string,
  commands: (round: number) => readonly unknown[],
  clock: ManualClock,
) => {
  const answers: string[] = [];
  let closed = 0;
  for (let n = 0; n < ROUNDS; n++) {
    if (n > 0) clock.advance(ROUND_EVERY_MS);
    const result = await round(url, token, commands(n));
    answers.push(...result.answers);
    if (result.closedByServer) closed++;
  }
  return { answers, rounds: ROUNDS, closed };
};

/** What a bucket lets through by the last round: its burst, then its rate, in whole commands. */
const most = (limits: { burst: number; perSecond: number }) =>
  limits.burst + Math.floor((limits.perSecond * LAST_ROUND_AT_MS) / 1000);

describe("a token's command limit, across its sockets and reconnections", () => {
  /** The server's time, which passes only between the rounds. */
  const clock = new ManualClock();
  const live = withRoom('test', { clock });

  it("holds a chair's token to bursts of 100, then 20 a second", async () => {
    await ok(live.room.chair, { type: 'agenda.start' });
    await ok(live.room.chair, { type: 'agenda.next' });
    // Accepted commands, each a change sent to every device: close and open the list in turn.
    const { answers } = await reconnecting(
      live.server.url,
      live.room.tokens.chair,
      () => Array.from({ length: 60 }, (_, i) => ({ type: i % 2 ? 'floor.open' : 'floor.close' })),
      clock,
    );
    // What the limit let through: accepted, or refused by the rule of the room (a cut in the
    // alternation makes a close of a closed list: not_now), never more than the limit allows.
    const through = answers.filter((a) => a !== 'rate_limited').length;
    const accepted = answers.filter((a) => a === 'ok').length;
    // Two of the token's commands went on starting the meeting, above.
    expect(through).toBe(most(LIMITS.officerCommands) - 2);
    expect(accepted).toBeGreaterThan(LIMITS.officerCommands.burst / 2);
    expect(answers.filter((a) => !['ok', 'not_now', 'rate_limited'].includes(a))).toEqual([]);
    // Another officer's device (its own token) is served all along.
    const moderator = await live.room.moderator.send({ type: 'floor.open' });
    expect(moderator.ok || moderator.error.code).not.toBe('rate_limited');
  });

  it("holds a delegate's token to bursts of 20, then 5 a second", async () => {
    const { answers } = await reconnecting(
      live.server.url,
      live.room.tokens.mexico,
      () => Array.from({ length: 30 }, () => ({ type: 'floor.withdraw' })),
      clock,
    );
    const through = answers.filter((a) => a !== 'rate_limited').length;
    expect(through).toBe(most(LIMITS.delegateCommands));
  });

  it("answers a display's commands forbidden unparsed, and closes its sockets beyond the limit", async () => {
    const version = live.server.app.rostrum.registry.get(live.room.meetingId)?.version;
    const { answers, rounds, closed } = await reconnecting(
      live.server.url,
      live.room.tokens.display,
      // Commands a display may not send, and garbage that would not even parse: all the same.
      (n) => Array.from({ length: 200 }, (_, i) => (i % 2 ? { type: 'agenda.start' } : [n, i])),
      clock,
    );
    expect(new Set(answers)).toEqual(new Set(['forbidden']));
    expect(answers.length).toBe(most(LIMITS.delegateCommands));
    // Every socket that went on sending was closed by the server (none got its 200 answers).
    expect(closed).toBe(rounds);
    expect(live.server.app.rostrum.registry.get(live.room.meetingId)?.version).toBe(version);
    // The room display that sends nothing is untouched.
    expect(live.room.display.socket.connected).toBe(true);
  });
});
