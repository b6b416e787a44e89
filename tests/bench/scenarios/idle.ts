/**
 * Scenario 2, idle traffic: with a turn's clock running and 1,000 socket.io clients connected,
 * count for 30 s every engine.io packet each client receives; heartbeats (engine.io ping) apart,
 * nothing should come. For comparison, what a design that pushes the clock once a second sends.
 */
import { now, sleep } from '../lib/clock';
import { connectAll, Fleet } from '../lib/fleet';
import { audienceCodes } from '../lib/meetings';
import type { ScenarioResult } from '../lib/report';
import { type Officer, RostrumServer } from '../lib/rostrum';
import { round } from '../stats';

export interface IdleOptions {
  clients: number;
  seconds: number;
}

export const runIdle = async (options: IdleOptions): Promise<ScenarioResult> => {
  const t0 = now();
  const server = await RostrumServer.start('sqlite', 'idle-server');
  const fleets = [Fleet.spawn('idle-fleet-a'), Fleet.spawn('idle-fleet-b')];
  const officers: Officer[] = [];
  try {
    const { meetingId, codes } = await server.createMeeting();
    const chair = await server.officer(meetingId, codes.chair);
    officers.push(chair);
    await chair.must({ type: 'agenda.start' }); // welcoming remarks: a speakers step
    const started = await chair.must({ type: 'turn.start' });
    const view = await chair.waitForVersion(started);
    if (view.turn?.status !== 'running') throw new Error('the turn is not running');
    const frameBytes = Buffer.byteLength(`42${JSON.stringify(['state', view])}`);

    const tokens = await server.joinMany(meetingId, audienceCodes(codes, options.clients));
    await connectAll(fleets, { kind: 'sio', url: server.origin, track: false }, tokens);
    await sleep(1000); // the states sent on connect are not idle traffic
    await Promise.all(fleets.map((f) => f.resetCounts()));
    const windowStart = now();
    await sleep(options.seconds * 1000);
    const windowMs = now() - windowStart;
    const counts = await Promise.all(fleets.map((f) => f.counts()));
    const after = await chair.waitForVersion(started);
    const stillRunning = after.turn?.status === 'running' && after.version === started;

    const perClient = counts.flatMap((c) => c.packets);
    const total = perClient.reduce((a, b) => a + b, 0);
    const clients = counts.reduce((a, c) => a + c.clients, 0);
    const pings = counts.reduce((a, c) => a + c.pings, 0);
    const bytes = counts.reduce((a, c) => a + c.bytes, 0);
    const examples = counts.flatMap((c) => c.examples);
    const seconds = Math.round(windowMs / 1000);
    const tickerMessages = clients * seconds;
    const tickerBytes =
      `42${JSON.stringify(['tick', { remainingMs: 123456, serverTime: Date.now() }])}`.length;

    return {
      name: 'idle',
      title: '2. Idle traffic',
      seconds: (now() - t0) / 1000,
      tables: [
        {
          title: `${clients} socket.io clients, a turn's clock running, ${round(windowMs / 1000)} s`,
          columns: [
            'design',
            'messages (all clients)',
            'per client',
            'bytes',
            'heartbeats (pings)',
          ],
          rows: [
            ['Rostrum (measured)', total, round(total / Math.max(1, clients)), bytes, pings],
            [
              'one full state per second (computed)',
              tickerMessages,
              seconds,
              tickerMessages * frameBytes,
              '-',
            ],
            [
              'one {remainingMs} tick per second (computed)',
              tickerMessages,
              seconds,
              tickerMessages * tickerBytes,
              '-',
            ],
          ],
        },
      ],
      targets: [
        {
          scenario: 'idle',
          target: 'zero messages but heartbeats while a clock runs',
          measured: `${total} socket.io packets to ${clients} clients in ${round(windowMs / 1000)} s (${pings} pings)`,
          met: total === 0 && stillRunning,
        },
      ],
      notes: [
        `Counted on each socket.io-client's engine: every engine.io packet but ping (the heartbeat; engine.io's default pingInterval is 25 s, so about one per client). A full state frame is ${frameBytes} bytes; a minimal tick \`42["tick",{"remainingMs":...,"serverTime":...}]\` ${tickerBytes} bytes.`,
        ...(examples.length > 0 ? [`First packets received: ${examples.join(' | ')}`] : []),
        ...(stillRunning
          ? []
          : ['The turn was not running or the version changed during the window.']),
      ],
      data: {
        clients,
        windowMs,
        total,
        perClientMax: Math.max(0, ...perClient),
        pings,
        bytes,
        frameBytes,
        tickerBytes,
        tickerMessages,
      },
    };
  } finally {
    for (const o of officers) o.close();
    await Promise.allSettled(fleets.map((f) => f.stop()));
    await server.stop();
  }
};
