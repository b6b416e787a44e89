import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRemaining } from '../../shared/clock/turnClock';
import type { MeetingCodes } from '../../shared/protocol/http';
import type { MeetingView, TurnView } from '../../shared/protocol/view';
import {
  launchBrowser,
  openScreen,
  type Screen,
  screenshot,
  seriousViolations,
} from '../support/browser';
import {
  type Client,
  connect,
  createMeeting,
  join as joinMeeting,
  ok,
  sleep,
  untilState,
} from '../support/server';
import { type Box, textBox } from './longNames';
import { RoomServer, secondsOf } from './room';

/** The consoles at a small laptop's size and at a large one's; the display as the room's. */
const SMALL_CONSOLE = { width: 1280, height: 720 };
const LARGE_CONSOLE = { width: 1440, height: 1000 };
const DISPLAY_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;

const EXPERT_2 = 'Expert 2 of panel 1';

/** The banner of a point of order waiting, on a console. */
const alertOf = (page: Page): Locator => page.getByRole('region', { name: 'Point of order' });

/** Whether a box of text lies wholly inside the page's window. */
const inView = (box: Box | null, page: Page): boolean => {
  const size = page.viewportSize();
  return (
    box !== null &&
    size !== null &&
    box.left >= 0 &&
    box.top >= 0 &&
    box.right <= size.width &&
    box.bottom <= size.height
  );
};

/** The seconds a console's clock shows, as the room reads them. */
const clockSeconds = async (page: Page): Promise<number> =>
  secondsOf(await page.getByRole('timer').textContent());

describe('a point of order in the middle of a panelist’s presentation', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: MeetingCodes;
  let chair: Screen;
  let moderator: Screen;
  let display: Screen;
  /** The server's side of things: a socket that sees every state. */
  let watcher: Client;
  const delegations: Client[] = [];
  /** Expert 2's turn as the point of order found it: paused, its time kept. */
  let interrupted: TurnView;

  /** The first state, of those seen and to come, that satisfies `predicate`. */
  const until = (predicate: (view: MeetingView) => boolean, timeoutMs?: number) =>
    untilState(watcher, predicate, timeoutMs);
  const delegation = async (id: string): Promise<Client> => {
    const { token } = await joinMeeting(server.url, meetingId, codes.delegations[id] ?? '');
    const client = await connect(server.url, token);
    delegations.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await RoomServer.start();
    // The default meeting: the default agenda (its panels take early requests for their
    // discussions), the default roster and its five regional groups.
    ({ meetingId, codes } = await createMeeting(server.url, {}));
    const { token } = await joinMeeting(server.url, meetingId, codes.moderator);
    watcher = await connect(server.url, token);
    browser = await launchBrowser();
    chair = await openScreen(browser, SMALL_CONSOLE);
    moderator = await openScreen(browser, LARGE_CONSOLE);
    display = await openScreen(browser, DISPLAY_SIZES[0]);
    await chair.page.goto(server.joinLink(meetingId, codes.chair));
    await chair.page.getByRole('button', { name: 'Start session' }).waitFor();
    await moderator.page.goto(server.joinLink(meetingId, codes.moderator));
    await display.page.goto(server.joinLink(meetingId, codes.display));
  });

  afterAll(async () => {
    for (const client of [watcher, ...delegations]) client?.close();
    await browser?.close();
    await server?.close();
  });

  it('the chair goes to panel 1’s presentations; early requests build for its discussion', async () => {
    await chair.page.getByRole('button', { name: 'Start session' }).click();
    await chair.page
      .getByRole('button', { name: 'Go to Expert panel 1: Presentations by the experts' })
      .click();
    await chair.page.getByRole('button', { name: 'Go there' }).click();
    await until((v) => v.current?.itemId === 'panel-1' && v.current.stepId === 'presentations');

    // Three delegations ask during the presentations: the requests wait for the discussion.
    await ok(await delegation('egypt'), { type: 'floor.request', onBehalfOf: 'african-group' });
    await ok(await delegation('mexico'), { type: 'floor.request' });
    await ok(await delegation('iom'), { type: 'floor.request', addressedTo: ['expert-2'] });
    await until((v) => v.floor.queue.length === 3);

    // A nameplate raised in the room: the moderator enters Nigeria's statement on behalf of the
    // African Group, with a question to Expert 1.
    const page = moderator.page;
    const form = page.locator('form.add-request');
    await form.getByLabel('Statement').check();
    await form.getByLabel('Find a delegation').fill('nigeria');
    await form
      .getByLabel('On behalf of (for Nigeria)')
      .selectOption({ label: 'the African Group' });
    await form.getByLabel('Expert 1 of panel 1').check();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'point-of-order-add-request-moderator-1440x1000');
    await form.getByRole('button', { name: 'Add a request for Nigeria' }).click();
    const added = await until((v) => v.floor.queue.length === 4);
    expect(added.floor.queue.find((r) => r.delegationId === 'nigeria')).toMatchObject({
      kind: 'statement',
      onBehalfOf: { id: 'african-group', name: 'African Group' },
      addressedTo: ['expert-1'],
    });
    // The form is ready for the next nameplate.
    await expect.poll(() => form.getByLabel('Find a delegation').inputValue()).toBe('');

    for (const { page } of [chair, moderator]) {
      await page.getByText('Requests for the interactive discussion: 4').waitFor();
      await page.getByText('Nigeria, on behalf of the African Group').waitFor();
      await page.getByText('Questions to Expert 1 of panel 1').waitFor();
      await page.getByText('Egypt, on behalf of the African Group').waitFor();
      await page.getByText(`Questions to ${EXPERT_2}`).waitFor();
      // Heard in the discussion, not now: the chart refuses it, and the button says why.
      const early = page.getByRole('button', { name: 'Give the floor to Mexico' });
      expect(await early.isDisabled()).toBe(true);
      expect(await early.getAttribute('title')).toBe(
        'That request waits for the discussion: it is heard there.',
      );
    }
  });

  it('the moderator gives the floor to Expert 2, whose clock runs', async () => {
    await moderator.page.getByRole('button', { name: `Give the floor to ${EXPERT_2}` }).click();
    const running = await until((v) => v.turn?.speaker.speakerId === 'expert-2');
    expect(running.turn?.status).toBe('running');
    await display.page.locator('.display-speaker', { hasText: EXPERT_2 }).waitFor();
    // A real wait: the presentation runs two seconds, on the server's clock and the screens'.
    await sleep(2_100);
    expect(await clockSeconds(moderator.page)).toBeLessThanOrEqual(7 * 60 - 2);
  });

  it('a delegation raises a point of order: both consoles show an alert nobody can miss', async () => {
    const brazil = await delegation('brazil');
    await ok(brazil, { type: 'floor.request', kind: 'point-of-order' });
    const raised = await until((v) => v.floor.queue.some((r) => r.kind === 'point-of-order'));
    // At once at the head of the queue, ahead of every early request.
    expect(raised.floor.queue[0]).toMatchObject({ delegationId: 'brazil', kind: 'point-of-order' });

    for (const { page } of [chair, moderator]) {
      const banner = alertOf(page);
      await banner.getByText('Brazil', { exact: true }).waitFor();
      await banner
        .getByText(
          `Giving the floor pauses ${EXPERT_2}, who gets it back when the point of order ends.`,
        )
        .waitFor();
      // Screen readers hear it at once (an assertive region on the page from the start).
      await expect
        .poll(() => page.locator('[data-point-of-order-announcer]').textContent())
        .toBe('Point of order: Brazil.');
      expect(await page.locator('[data-point-of-order-announcer]').getAttribute('aria-live')).toBe(
        'assertive',
      );
      // At the very top of the window, scrolled or not.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const box = await banner.boundingBox();
      expect(box && box.y <= 1 && box.height > 40).toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
      // Its words, not only its colour: the heading says what it is.
      await banner.getByRole('heading', { name: 'Point of order' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    }
    await screenshot(chair.page, 'point-of-order-alert-chair-1280x720');
    await screenshot(moderator.page, 'point-of-order-alert-moderator-1440x1000');
    // Each console at the other size too.
    await chair.page.setViewportSize(LARGE_CONSOLE);
    await moderator.page.setViewportSize(SMALL_CONSOLE);
    await screenshot(chair.page, 'point-of-order-alert-chair-1440x1000');
    await screenshot(moderator.page, 'point-of-order-alert-moderator-1280x720');
    await moderator.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await screenshot(moderator.page, 'point-of-order-alert-moderator-1280x720-scrolled');
    await moderator.page.evaluate(() => window.scrollTo(0, 0));
    await chair.page.setViewportSize(SMALL_CONSOLE);
    await moderator.page.setViewportSize(LARGE_CONSOLE);
  });

  it('the chair dismisses the alert from view; the request stays in the queue', async () => {
    await alertOf(chair.page)
      .getByRole('button', { name: 'Dismiss the alert of Brazil (point of order)' })
      .click();
    await alertOf(chair.page).waitFor({ state: 'detached' });
    // Still waiting, marked as what it is, on the chair's queue and in the server's.
    await chair.page
      .getByRole('list', { name: 'Requests for the floor' })
      .getByText('Point of order', { exact: true })
      .waitFor();
    expect(watcher.latest().floor.queue[0]?.kind).toBe('point-of-order');
    // The moderator's alert is the moderator's own: still there.
    expect(await alertOf(moderator.page).count()).toBe(1);
  });

  it('the moderator gives the floor from the alert: Expert 2 is paused and kept', async () => {
    const elapsedBefore = watcher.latest().turn?.elapsedMs ?? -1;
    await alertOf(moderator.page)
      .getByRole('button', { name: 'Give the floor to Brazil (point of order)' })
      .click();
    const granted = await until((v) => v.turn?.speaker.kind === 'point-of-order');
    expect(granted.turn?.speaker.delegationId).toBe('brazil');
    if (!granted.interrupted) throw new Error('no interrupted turn');
    interrupted = granted.interrupted;
    expect(interrupted).toMatchObject({
      status: 'paused',
      startedAt: null,
      speaker: { speakerId: 'expert-2' },
    });
    // The two seconds and more that Expert 2 spoke, kept.
    expect(interrupted.elapsedMs).toBeGreaterThanOrEqual(2_000);
    expect(interrupted.elapsedMs).toBeGreaterThanOrEqual(elapsedBefore);
    await alertOf(moderator.page).waitFor({ state: 'detached' });

    // The room reads the kind, large, and the delegation; Expert 2, small.
    await display.page.locator('.display-kind', { hasText: 'Point of order' }).waitFor();
    await display.page.locator('.display-speaker', { hasText: 'Brazil' }).waitFor();
    await display.page.getByText(`Interrupted: ${EXPERT_2}`).waitFor();

    // Both consoles: who was interrupted, where their clock stopped, and what ending does.
    const pausedAt = formatRemaining(interrupted.limitMs - interrupted.elapsedMs);
    for (const { page } of [chair, moderator]) {
      const turn = page.getByRole('region', { name: 'Has the floor' });
      await turn.getByText('Point of order', { exact: true }).waitFor();
      await turn.getByText(`Interrupted: ${EXPERT_2}, paused at ${pausedAt}`).waitFor();
      await turn
        .getByText(
          `Ending the point of order gives the floor back to ${EXPERT_2}, paused: then Resume continues their clock.`,
        )
        .waitFor();
      await turn.getByRole('button', { name: 'End point of order' }).waitFor();
    }
    await screenshot(moderator.page, 'point-of-order-speaking-moderator-1440x1000');
    await screenshot(chair.page, 'point-of-order-speaking-chair-1280x720');
  });

  it('the display stays readable at both sizes while the point of order speaks', async () => {
    const { page } = display;
    for (const size of DISPLAY_SIZES) {
      await page.setViewportSize(size);
      const name = `point-of-order-display-${size.width}x${size.height}`;
      // The kind, the delegation, the clock and the interrupted speaker, all inside the picture.
      await expect
        .poll(async () => inView(await textBox(page, '.display-kind'), page), { message: name })
        .toBe(true);
      expect(inView(await textBox(page, '.display-speaker'), page), name).toBe(true);
      expect(inView(await textBox(page, '.clock-display .clock-time'), page), name).toBe(true);
      expect(inView(await textBox(page, '.clock-display .clock-phase'), page), name).toBe(true);
      expect(inView(await textBox(page, '.display-interrupted'), page), name).toBe(true);
      await screenshot(page, name);
      expect(await seriousViolations(page), name).toEqual([]);
    }
    await page.setViewportSize(DISPLAY_SIZES[0]);
  });

  it('Expert 2’s clock stands still while the point of order speaks', async () => {
    // A real second and more of the point of order, on every clock.
    await sleep(1_500);
    expect(watcher.latest().interrupted).toEqual(interrupted);
    expect(watcher.latest().turn?.speaker.kind).toBe('point-of-order');
  });

  it('ending the point of order gives Expert 2 the floor back, paused, to the second', async () => {
    const since = watcher.latest().version;
    await moderator.page.getByRole('button', { name: 'End point of order' }).click();
    const back = await until((v) => v.version > since && v.turn?.speaker.speakerId === 'expert-2');
    expect(back.interrupted).toBeNull();
    expect(back.turn).toMatchObject({
      id: interrupted.id,
      status: 'paused',
      startedAt: null,
      elapsedMs: interrupted.elapsedMs,
      limitMs: interrupted.limitMs,
    });
    const pausedAt = formatRemaining(interrupted.limitMs - interrupted.elapsedMs);
    for (const { page } of [chair, moderator, display]) {
      await expect.poll(() => page.getByRole('timer').textContent()).toBe(pausedAt);
    }
    await display.page.locator('.display-speaker', { hasText: EXPERT_2 }).waitFor();
    expect(await display.page.locator('.display-kind').count()).toBe(0);
    expect(await display.page.locator('.display-interrupted').count()).toBe(0);
    for (const { page } of [chair, moderator]) {
      await page.getByRole('button', { name: 'Resume', exact: true }).waitFor();
      expect(await page.getByText(/^Interrupted:/).count()).toBe(0);
    }
    await screenshot(moderator.page, 'point-of-order-given-back-moderator');
    await screenshot(display.page, 'point-of-order-given-back-display-1920x1080');
  });

  it('Resume runs Expert 2’s clock on from where it stopped', async () => {
    const before = await clockSeconds(moderator.page);
    const since = watcher.latest().version;
    await moderator.page.getByRole('button', { name: 'Resume', exact: true }).click();
    const resumed = await until((v) => v.version > since && v.turn?.status === 'running');
    expect(resumed.turn?.elapsedMs).toBe(interrupted.elapsedMs);
    // A real wait: the consoles' own clocks count down from the time kept.
    await sleep(1_100);
    for (const page of [moderator.page, display.page]) {
      await expect.poll(() => clockSeconds(page)).toBeLessThan(before);
      expect(await clockSeconds(page)).toBeGreaterThanOrEqual(before - 3);
    }
  });

  it('in the discussion the early requests are heard, and the panel sees the questions', async () => {
    // Expert 2 still speaks: "Next step" asks first.
    await moderator.page.getByRole('button', { name: /Next step.*Interactive discussion/ }).click();
    await moderator.page.getByRole('button', { name: 'Yes, next step' }).click();
    await until((v) => v.current?.stepId === 'discussion');
    // States first: the group's statement, then the State's, then the organization's.
    expect(watcher.latest().floor.queue.map((r) => r.delegationId)).toEqual([
      'egypt',
      'nigeria',
      'mexico',
      'iom',
    ]);
    await moderator.page.getByText('Order: groups, then States, then the others').waitFor();
    // The room reads the next speakers with the same words: the group under the delegation.
    const nextUp = display.page.locator('.display-next-list > li');
    await expect
      .poll(() =>
        nextUp.evaluateAll((items) =>
          items.map((li) =>
            Array.from(li.children)
              .map((part) => part.textContent)
              .join(' / '),
          ),
        ),
      )
      .toEqual([
        'Egypt / on behalf of the African Group',
        'Nigeria / on behalf of the African Group',
        'Mexico',
        'International Organization for Migration (IOM)',
      ]);

    await moderator.page
      .getByRole('button', { name: /Next speaker.*Egypt, on behalf of the African Group/ })
      .click();
    await until((v) => v.turn?.speaker.delegationId === 'egypt');
    await display.page.locator('.display-speaker', { hasText: 'Egypt' }).waitFor();
    await display.page
      .locator('.display-behalf', { hasText: 'on behalf of the African Group' })
      .waitFor();
    await moderator.page
      .getByRole('region', { name: 'Has the floor' })
      .getByText('Egypt, on behalf of the African Group')
      .waitFor();
    await moderator.page.getByText('Turns since a non-State spoke: 1').waitFor();
    await screenshot(display.page, 'group-statement-display-1920x1080');

    await moderator.page
      .getByRole('button', {
        name: 'Give the floor to International Organization for Migration (IOM)',
      })
      .click();
    await until((v) => v.floor.questions.length === 1);
    const questions = moderator.page.getByRole('list', { name: `Questions to ${EXPERT_2}` });
    await questions.getByText('International Organization for Migration (IOM)').waitFor();
    await moderator.page.getByText('Turns since a non-State spoke: 0').waitFor();
    await questions.scrollIntoViewIfNeeded();
    await screenshot(moderator.page, 'questions-to-panelists-moderator-1440x1000');
  });

  it('shows no script or CSP problem', () => {
    for (const screen of [chair, moderator, display]) {
      expect(screen.problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
    }
  });
});
