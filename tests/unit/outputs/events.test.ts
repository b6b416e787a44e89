import { decode, encode } from 'node-osc';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { eventsBetween } from '../../../server/outputs/events';
import { oscMessageOf, parseOscTargets } from '../../../server/outputs/osc';
import { enteredAt, nextAnnouncedAt, outputPhaseAt } from '../../../server/outputs/phases';
import { shownUrl, signatureOf } from '../../../server/outputs/webhooks';
import type { Sender } from '../../../shared/engine/context';
import type { Command } from '../../../shared/protocol/commands';
import {
  CreateHookBody,
  type HookPayload,
  HookPayload as Payload,
} from '../../../shared/protocol/hooks';
import type { TurnView } from '../../../shared/protocol/view';
import { CHAIR, delegate, EngineHarness, MINUTE, MODERATOR, SECOND } from '../../support/engine';

/** The events one command makes, read from the views just before and after it. */
const eventsOf = (h: EngineHarness, command: Command, by: Sender = CHAIR): HookPayload[] => {
  const before = h.view();
  h.ok(command, by);
  const events = eventsBetween(before, h.view(), h.now);
  // Every event is what the contract says a hook is sent.
  for (const event of events) expect(Payload.parse(event)).toEqual(event);
  return events;
};

const names = (events: HookPayload[]) =>
  events.map((e) => (e.data !== null && 'id' in e.data ? `${e.event}:${e.data.id}` : e.event));

describe('the events of a command', () => {
  it('starts, pauses, resumes and ends a turn, the ended turn with its clock stopped at its end', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    const [started, ...none] = eventsOf(h, { type: 'turn.start' });
    expect(none).toEqual([]);
    expect(started).toMatchObject({
      event: 'turn.started',
      meetingId: 'M-test',
      version: h.engine.version,
      at: h.now,
      data: { status: 'running', speaker: { speakerId: 'expert-1' } },
    });
    const id = h.turn().id;
    h.wait(20 * SECOND);
    expect(names(eventsOf(h, { type: 'turn.pause', turnId: id }))).toEqual([`turn.paused:${id}`]);
    h.wait(5 * SECOND);
    expect(names(eventsOf(h, { type: 'turn.resume', turnId: id }))).toEqual([`turn.resumed:${id}`]);
    // An adjustment is no turn event (its phase, if it changes, is `turn.phase`'s).
    expect(eventsOf(h, { type: 'turn.adjust', turnId: id, deltaMs: 30 * SECOND })).toEqual([]);
    h.wait(10 * SECOND);
    const [ended] = eventsOf(h, { type: 'turn.end', turnId: id });
    expect(ended).toMatchObject({
      event: 'turn.ended',
      at: h.now,
      data: { id, status: 'paused', startedAt: null, elapsedMs: 30 * SECOND },
    });
  });

  it('a point of order: the running turn paused, the point started; at its end, the point ended and the kept turn current again, paused', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start' });
    const kept = h.turn().id;
    h.wait(80 * SECOND);
    expect(
      names(eventsOf(h, { type: 'floor.request', kind: 'point-of-order' }, delegate('kenya'))),
    ).toEqual(['queue.changed']);
    h.wait(5 * SECOND);
    const interrupting = eventsOf(h, { type: 'floor.next' }, MODERATOR);
    const point = h.turn().id;
    expect(names(interrupting)).toEqual([
      `turn.paused:${kept}`,
      `turn.started:${point}`,
      'queue.changed',
    ]);
    expect(interrupting[0]?.data).toMatchObject({ status: 'paused', elapsedMs: 85 * SECOND });
    expect(interrupting[1]?.data).toMatchObject({ speaker: { kind: 'point-of-order' } });
    h.wait(40 * SECOND);
    const back = eventsOf(h, { type: 'turn.end', turnId: point }, MODERATOR);
    expect(names(back)).toEqual([`turn.ended:${point}`, `turn.paused:${kept}`]);
    expect(back[0]?.data).toMatchObject({ elapsedMs: 40 * SECOND });
    expect(back[1]?.data).toMatchObject({ status: 'paused', elapsedMs: 85 * SECOND });
    expect(names(eventsOf(h, { type: 'turn.resume', turnId: kept }))).toEqual([
      `turn.resumed:${kept}`,
    ]);
  });

  it('a point of order over a paused turn starts the point and nothing more', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start' });
    const kept = h.turn().id;
    h.wait(10 * SECOND).ok({ type: 'turn.pause', turnId: kept });
    h.ok({ type: 'floor.request', kind: 'point-of-order' }, delegate('kenya'));
    const events = eventsOf(h, { type: 'floor.next' }, MODERATOR);
    expect(names(events)).toEqual([`turn.started:${h.turn().id}`, 'queue.changed']);
  });

  it('the next speaker: the turn before ended, then the new one started', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start' });
    const first = h.turn().id;
    h.wait(MINUTE);
    const events = eventsOf(h, { type: 'turn.start' });
    expect(names(events)).toEqual([`turn.ended:${first}`, `turn.started:${h.turn().id}`]);
    expect(h.turn().id).not.toBe(first);
  });

  it('the queue, the step and the status, each when it changes', () => {
    const h = new EngineHarness();
    expect(names(eventsOf(h, { type: 'agenda.start' }))).toContain('status.changed');
    const started = eventsOf(h, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    expect(started.find((e) => e.event === 'step.changed')?.data).toMatchObject({
      itemId: 'panel-1',
      stepId: 'discussion',
      stepTitle: expect.any(String),
      itemTitle: expect.any(String),
    });
    const [queued, ...rest] = eventsOf(h, { type: 'floor.request' }, delegate('kenya'));
    expect(rest).toEqual([]);
    expect(queued).toMatchObject({
      event: 'queue.changed',
      data: { open: true, queue: [{ delegationId: 'kenya', kind: 'statement' }] },
    });
    expect(eventsOf(h, { type: 'floor.close' }, MODERATOR)).toMatchObject([
      { event: 'queue.changed', data: { open: false } },
    ]);
    expect(eventsOf(h, { type: 'session.suspend' })).toMatchObject([
      { event: 'status.changed', data: { status: 'suspended', previous: 'running' } },
    ]);
    // A change the outputs do not follow makes no event.
    expect(eventsOf(h, { type: 'display.configure', blackout: true })).toEqual([]);
  });
});

const turn = (over: Partial<TurnView>): TurnView => ({
  id: 'T1',
  speaker: { name: 'Kenya' },
  limitMs: 3 * MINUTE,
  warnAtMs: 2 * MINUTE,
  status: 'running',
  startedAt: 1_000_000,
  elapsedMs: 0,
  firstStartedAt: 1_000_000,
  endAtLimit: false,
  ...over,
});

describe('the phases announced', () => {
  it('are due when the running clock reaches the warning, then the limit', () => {
    const t = turn({});
    expect(nextAnnouncedAt(t, 1_000_000)).toBe(1_000_000 + 2 * MINUTE);
    expect(nextAnnouncedAt(t, 1_000_000 + 2 * MINUTE)).toBe(1_000_000 + 3 * MINUTE);
    expect(nextAnnouncedAt(t, 1_000_000 + 3 * MINUTE)).toBeNull();
    expect(nextAnnouncedAt(turn({ status: 'paused', startedAt: null }), 1_000_000)).toBeNull();
    // Resumed after 1:30 spoken: the warning 30 s after the resume.
    const resumed = turn({ elapsedMs: 90 * SECOND, startedAt: 2_000_000 });
    expect(nextAnnouncedAt(resumed, 2_000_000)).toBe(2_000_000 + 30 * SECOND);
  });

  it('never as overtime for a turn its step ends at the limit', () => {
    const t = turn({ endAtLimit: true });
    expect(nextAnnouncedAt(t, 1_000_000 + 2 * MINUTE)).toBeNull();
    expect(outputPhaseAt(t, 1_000_000 + 4 * MINUTE)).toBe('warning');
    expect(outputPhaseAt(turn({}), 1_000_000 + 4 * MINUTE)).toBe('overtime');
  });

  it('say when the clock entered the phase when this run crossed the point, else when found', () => {
    const t = turn({ elapsedMs: 90 * SECOND, startedAt: 2_000_000 });
    expect(enteredAt(t, 'warning', 2_000_000 + 40 * SECOND)).toBe(2_000_000 + 30 * SECOND);
    expect(enteredAt(t, 'overtime', 2_000_000 + 95 * SECOND)).toBe(2_000_000 + 90 * SECOND);
    // Already past the warning when this run began: the instant it was found.
    const late = turn({ elapsedMs: 150 * SECOND, startedAt: 2_000_000 });
    expect(enteredAt(late, 'warning', 2_000_500)).toBe(2_000_500);
    expect(enteredAt(turn({ status: 'paused', startedAt: null }), 'warning', 7)).toBe(7);
  });
});

describe('what goes out', () => {
  it('signs a body with HMAC-SHA256 of the raw bytes, in hex', () => {
    // RFC 4231, test case 2.
    expect(signatureOf('what do ya want for nothing?', 'Jefe')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('takes http and https hooks only, with a secret worth the name', () => {
    const ok = { url: 'https://lights.example.org/rostrum', secret: 'sixteen-chars-ok' };
    expect(CreateHookBody.safeParse(ok).success).toBe(true);
    for (const url of ['ftp://x.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'lights']) {
      expect(CreateHookBody.safeParse({ ...ok, url }).success).toBe(false);
    }
    expect(CreateHookBody.safeParse({ ...ok, secret: 'short' }).success).toBe(false);
    expect(CreateHookBody.safeParse({ ...ok, events: [] }).success).toBe(false);
    expect(CreateHookBody.safeParse({ ...ok, events: ['turn.phase', 'turn.phase'] }).success).toBe(
      false,
    );
    expect(CreateHookBody.safeParse({ ...ok, events: ['turn.begun'] }).success).toBe(false);
    expect(CreateHookBody.safeParse({ ...ok, extra: 1 }).success).toBe(false);
  });

  it('never shows a password of a hook address', () => {
    expect(shownUrl('https://user:pa55@hooks.example.org/x')).toBe(
      'https://user:***@hooks.example.org/x',
    );
    expect(shownUrl('http://10.0.0.5:8000/cue')).toBe('http://10.0.0.5:8000/cue');
  });

  it("makes the contract's three OSC messages, typed, and nothing for other events", () => {
    const at = { meetingId: 'f1m539at', version: 3, at: 1 };
    const data = turn({
      speaker: { name: 'Ms. Ana Pérez', delegationName: 'Mexico' },
      limitMs: 90_400,
    });
    const decoded = (event: HookPayload) => {
      const message = oscMessageOf(event);
      if (!message) return null;
      const { address, args } = decode(encode(message)) as {
        address: string;
        args: { value: unknown }[];
      };
      return [address, ...args.map((a) => a.value)];
    };
    expect(decoded({ event: 'turn.started', ...at, data })).toEqual([
      '/rostrum/turn/started',
      'f1m539at',
      'Ms. Ana Pérez',
      'Mexico',
      90,
    ]);
    expect(decoded({ event: 'turn.started', ...at, data: turn({}) })?.[3]).toBe('');
    expect(decoded({ event: 'turn.ended', ...at, data })).toEqual([
      '/rostrum/turn/ended',
      'f1m539at',
      'T1',
    ]);
    expect(
      decoded({ event: 'turn.phase', ...at, data: { turnId: 'T1', phase: 'overtime' } }),
    ).toEqual(['/rostrum/turn/phase', 'f1m539at', 'overtime']);
    expect(decoded({ event: 'turn.paused', ...at, data })).toBeNull();
    expect(
      decoded({ event: 'status.changed', ...at, data: { status: 'closed', previous: 'running' } }),
    ).toBeNull();
  });

  it('reads OSC_TARGETS, and says what is wrong with a bad one', () => {
    expect(parseOscTargets('10.0.0.7:53000, lights.local:8000')).toEqual([
      { host: '10.0.0.7', port: 53000 },
      { host: 'lights.local', port: 8000 },
    ]);
    expect(loadConfig({ OSC_TARGETS: '127.0.0.1:9000' }).oscTargets).toEqual([
      { host: '127.0.0.1', port: 9000 },
    ]);
    expect(loadConfig({}).oscTargets).toEqual([]);
    for (const bad of ['lights', '10.0.0.7:0', '10.0.0.7:70000', ':9000', '[::1]:9000', 'a b:1']) {
      expect(() => loadConfig({ OSC_TARGETS: bad })).toThrow(
        /^Bad environment: OSC_TARGETS: ".*" is not host:port/,
      );
    }
    expect(() => loadConfig({ OSC_TARGETS: ',' })).toThrow(
      'OSC_TARGETS: name at least one host:port',
    );
  });
});
