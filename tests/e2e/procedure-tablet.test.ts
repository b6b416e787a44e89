import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaInput } from '../../shared/protocol/agenda';
import type { MeetingCodes } from '../../shared/protocol/http';
import type { MeetingView } from '../../shared/protocol/view';
import {
  launchBrowser,
  openScreen,
  type Screen,
  screenshot,
  seriousViolations,
} from '../support/browser';
import { OtherTablets, requestOf } from '../support/otherTablets';
import {
  type Client,
  connect,
  createMeeting,
  join as joinMeeting,
  ok,
  untilState,
} from '../support/server';
import { announced, listenToAnnouncements } from './announcements';
import { buttonsChecked, buttonsNamedOtherwise } from './labels';
import { sidewaysOverflow } from './longNames';
import { PANEL_AGENDA, RoomServer, secondsOf } from './room';

/** The panel, whose discussion takes requests from the start of the item (early requests). */
const EARLY_AGENDA: AgendaInput = {
  ...PANEL_AGENDA,
  items: PANEL_AGENDA.items.map((item) => ({
    ...item,
    steps: item.steps.map((step) =>
      step.kind === 'floor' ? { ...step, requestsFrom: 'item' as const } : step,
    ),
  })),
};

/**
 * The procedure of a UN room on the delegations' tablets (issue 13): Mexico asks early, during the
 * presentations, with a question to a panelist; Egypt speaks on behalf of the African Group;
 * Mexico asks for rights of reply after the list of speakers has closed; Egypt raises a point of
 * order while Morocco speaks. The meeting has the default roster and its groups (the five
 * regional groups), as a new meeting gets them; its discussion is under "States first".
 */
describe('a group statement, and rights of reply after the list closed, from the tablets', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: MeetingCodes;
  /** Egypt's tablet, a tablet in landscape; Mexico's, a phone 390 px wide. */
  let egypt: Screen;
  let mexico: Screen;
  /** The moderator's commands, sent as the console would; and it sees every state. */
  let moderator: Client;
  /** Other delegations asking for the floor around Egypt's and Mexico's tablets. */
  let tablets: OtherTablets;

  const latest = (): MeetingView => moderator.latest();
  const until = (predicate: (view: MeetingView) => boolean) => untilState(moderator, predicate);
  const queue = () =>
    latest().floor.queue.map((r) => ({
      delegationId: r.delegationId,
      kind: r.kind,
      ...(r.onBehalfOf && { onBehalfOf: r.onBehalfOf.id }),
    }));
  const open = async (
    delegationId: string,
    name: string,
    viewport: { width: number; height: number },
  ) => {
    const screen = await openScreen(browser, viewport, { hasTouch: true });
    await screen.page.goto(server.joinLink(meetingId, codes.delegations[delegationId] ?? ''));
    await screen.page.getByRole('heading', { name, exact: true }).waitFor();
    await listenToAnnouncements(screen.page);
    return screen;
  };
  const place = (page: Page, n: number) => page.getByText(`Number ${n} in line`, { exact: true });
  const seconds = async (page: Page) => secondsOf(await page.getByRole('timer').textContent());
  /** The turn the moderator ends, as "End turn" on the console sends it. */
  const endTurn = async () => {
    const turnId = latest().turn?.id;
    await ok(moderator, { type: 'turn.end', turnId });
    await until((v) => v.turn?.id !== turnId);
  };
  /** The turn the moderator holds still, so that its clock reads what is left exactly. */
  const pauseTurn = () => ok(moderator, { type: 'turn.pause', turnId: latest().turn?.id });
  const clockText = async (page: Page) => (await page.getByRole('timer').textContent())?.trim();
  /** No sideways scrolling at the phone's width, and nothing axe-core finds serious. */
  const notSideways = async (page: Page) => {
    const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(await seriousViolations(page)).toEqual([]);
  };

  beforeAll(async () => {
    server = await RoomServer.start();
    ({ meetingId, codes } = await createMeeting(server.url, { agenda: EARLY_AGENDA }));
    tablets = new OtherTablets(server.url, meetingId, codes);
    moderator = await connect(
      server.url,
      (await joinMeeting(server.url, meetingId, codes.chair)).token,
    );
    await ok(moderator, { type: 'agenda.start' });
    await ok(moderator, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'presentations' });
    await until((v) => v.current?.stepId === 'presentations');
    browser = await launchBrowser();
    egypt = await open('egypt', 'Egypt', { width: 1024, height: 768 });
    mexico = await open('mexico', 'Mexico', { width: 390, height: 844 });
  });

  afterAll(async () => {
    moderator?.close();
    tablets?.close();
    await browser?.close();
    await server?.close();
  });

  it('during the presentations, Mexico asks early, with a question for a panelist', async () => {
    const page = mexico.page;
    await page
      .getByText(
        'You may ask now for the floor in the discussion to come. Your statement will be heard in “Interactive discussion”, when the discussion begins.',
      )
      .waitFor();
    // Not a discussion yet: a right of reply waits for one, and says so.
    const reply = page.getByRole('button', { name: 'Ask for a right of reply' });
    expect(await reply.isDisabled()).toBe(true);
    await page.getByText('A right of reply is asked for during a discussion.').waitFor();
    await page.getByText('Questions to panelists (optional)').click();
    const panel = page.getByRole('group', { name: "Your statement's questions are for" });
    expect(await panel.getByRole('checkbox').count()).toBe(3);
    await panel.getByLabel('Expert 2 of panel 1').check();
    await screenshot(page, 'procedure-tablet-early-390');
    await notSideways(page);
    await page.getByRole('button', { name: 'Request the floor' }).click();

    await place(page, 1).waitFor();
    await page.getByText('Questions to: Expert 2 of panel 1').waitFor();
    await page
      .getByText(
        'Your statement will be heard in “Interactive discussion”, when the discussion begins.',
      )
      .waitFor();
    await until((v) => v.floor.queue.length === 1);
    expect(latest().floor.queue[0]).toMatchObject({
      delegationId: 'mexico',
      kind: 'statement',
      addressedTo: ['expert-2'],
    });
    await screenshot(page, 'procedure-tablet-early-waiting-390');

    await ok(moderator, { type: 'agenda.next' });
    await until((v) => v.current?.stepId === 'discussion');
    await expect
      .poll(() => announced(page))
      .toEqual([
        'You are number 1 in line.',
        'The discussion has begun. You are number 1 in line.',
      ]);
    expect(await page.getByText('when the discussion begins').count()).toBe(0);
  });

  it("Egypt's tablet asks on behalf of the African Group, ahead of single statements", async () => {
    await tablets.ask('morocco');
    await tablets.ask('kenya');
    await until((v) => v.floor.queue.length === 3);
    const page = egypt.page;
    const onBehalf = page.getByRole('group', { name: 'On behalf of' });
    // Egypt's own groups only: of the regional groups, the African Group.
    expect(await onBehalf.getByRole('radio').count()).toBe(2);
    expect(await onBehalf.getByLabel('Our own delegation').isChecked()).toBe(true);
    await onBehalf.getByLabel('The African Group').check();
    await screenshot(page, 'procedure-tablet-on-behalf-of');
    expect(await buttonsNamedOtherwise(page)).toEqual([]);
    await page.getByRole('button', { name: 'Request the floor' }).click();

    await place(page, 1).waitFor();
    await page.getByText('Statement, on behalf of the African Group').waitFor();
    await until((v) => v.floor.queue.length === 4);
    // Ahead of every statement made for a single delegation, Mexico's early one included.
    expect(queue()).toEqual([
      { delegationId: 'egypt', kind: 'statement', onBehalfOf: 'african-group' },
      { delegationId: 'mexico', kind: 'statement' },
      { delegationId: 'morocco', kind: 'statement' },
      { delegationId: 'kenya', kind: 'statement' },
    ]);
    await expect.poll(() => announced(page)).toEqual(['You are number 1 in line.']);
    await screenshot(page, 'procedure-tablet-group-waiting');
  });

  it('granted, Egypt speaks for the group with the group allowance of 5:00', async () => {
    const page = egypt.page;
    await ok(moderator, { type: 'floor.next', turnId: null });
    await page.getByText('You have the floor', { exact: true }).waitFor();
    await page.getByText('On behalf of the African Group', { exact: true }).waitFor();
    expect(latest().turn?.limitMs).toBe(300_000);
    expect(await seconds(page)).toBeGreaterThan(290);
    // Held still at once, the clock reads the allowance itself.
    await pauseTurn();
    await expect.poll(() => clockText(page)).toBe('5:00');
    await expect
      .poll(() => announced(page))
      .toEqual([
        'You are number 1 in line.',
        'You have the floor, on behalf of the African Group.',
      ]);
    await screenshot(page, 'procedure-tablet-group-has-floor');
    // The other tablets say who speaks, and for whom.
    await mexico.page
      .getByText('Has the floor: Egypt, on behalf of the African Group', { exact: true })
      .waitFor();
    await endTurn();

    // Mexico's turn comes next, with its question for the panelist.
    await ok(moderator, { type: 'floor.next', turnId: null });
    await mexico.page.getByText('You have the floor', { exact: true }).waitFor();
    await mexico.page.getByText('Questions to: Expert 2 of panel 1').waitFor();
    expect(latest().turn?.limitMs).toBe(180_000);
    await endTurn();
  });

  it("after the list closes, Mexico's tablet may not ask for a statement, but for a reply", async () => {
    const page = mexico.page;
    const from = (await announced(page)).length;
    await ok(moderator, { type: 'floor.close' });
    await page.getByText('The list of speakers is closed: no new statements are taken.').waitFor();
    const statement = page.getByRole('button', { name: 'Request the floor' });
    expect(await statement.isDisabled()).toBe(true);
    // The button's own reason is the engine's words, the same as the server would answer.
    expect(await statement.getAttribute('title')).toBe('The list of speakers is closed.');
    await page.getByText('Rights of reply used on this item: 0 of 2.').waitFor();
    await screenshot(page, 'procedure-tablet-list-closed-390');
    await notSideways(page);

    await page.getByRole('button', { name: 'Ask for a right of reply' }).click();
    await place(page, 3).waitFor();
    await page.getByText('Right of reply', { exact: true }).first().waitFor();
    await until((v) => v.floor.queue.length === 3);
    expect(queue()).toEqual([
      { delegationId: 'morocco', kind: 'statement' },
      { delegationId: 'kenya', kind: 'statement' },
      { delegationId: 'mexico', kind: 'reply' },
    ]);

    // The moderator adds a statement to the closed list: it goes ahead of the reply, which says why.
    await ok(moderator, { type: 'floor.add', delegationId: 'ghana' });
    await place(page, 4).waitFor();
    await page
      .getByText('Your place moved back: Rights of reply are heard after the statements.')
      .waitFor();
    await expect
      .poll(async () => (await announced(page)).slice(from))
      .toEqual([
        'The list of speakers is closed.',
        'Your right of reply is number 3 in line.',
        'Your right of reply is now number 4 in line: Rights of reply are heard after the statements.',
      ]);
    await screenshot(page, 'procedure-tablet-reply-waiting-390');
    await notSideways(page);
    expect(await buttonsNamedOtherwise(page)).toEqual([]);
    expect(await buttonsChecked(page)).toBeGreaterThan(1);
  });

  it("Mexico's first reply has 10:00, its second 5:00, and a third is refused", async () => {
    const page = mexico.page;
    await ok(moderator, {
      type: 'floor.grant',
      requestId: requestOf(latest(), 'mexico', 'reply').id,
    });
    await page.getByText('You have the floor', { exact: true }).waitFor();
    await page.getByText('Right of reply', { exact: true }).waitFor();
    expect(latest().turn?.limitMs).toBe(600_000);
    expect(await seconds(page)).toBeGreaterThan(590);
    await pauseTurn();
    await expect.poll(() => clockText(page)).toBe('10:00');
    await screenshot(page, 'procedure-tablet-first-reply-390');
    await notSideways(page);
    await endTurn();

    await page.getByText('Rights of reply used on this item: 1 of 2.').waitFor();
    await page.getByRole('button', { name: 'Ask for a right of reply' }).click();
    await until((v) => v.floor.queue.some((r) => r.delegationId === 'mexico'));
    await ok(moderator, {
      type: 'floor.grant',
      requestId: requestOf(latest(), 'mexico', 'reply').id,
    });
    await page.getByText('Right of reply', { exact: true }).waitFor();
    expect(latest().turn?.limitMs).toBe(300_000);
    await pauseTurn();
    await expect.poll(() => clockText(page)).toBe('5:00');
    await endTurn();

    await page.getByText('Rights of reply used on this item: 2 of 2.').waitFor();
    const reply = page.getByRole('button', { name: 'Ask for a right of reply' });
    await expect.poll(() => reply.isDisabled()).toBe(true);
    const refusal = 'Mexico has had its 2 rights of reply on this item.';
    expect(await reply.getAttribute('title')).toBe(refusal);
    await page.getByText(refusal, { exact: true }).waitFor();
    await screenshot(page, 'procedure-tablet-third-reply-refused-390');
    await notSideways(page);
  });

  it('a point of order asks once more, and interrupts the speaker, whose tablet says so', async () => {
    // Morocco has the floor; Egypt raises a point of order, by keyboard.
    await ok(moderator, { type: 'floor.next', turnId: null });
    await until((v) => v.turn?.speaker.delegationId === 'morocco');
    const page = egypt.page;
    const raise = page.getByRole('button', { name: 'Raise a point of order' });
    await raise.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Raise a point of order now?' }).waitFor();
    await screenshot(page, 'procedure-tablet-point-of-order-question');
    await page.keyboard.press('Enter');
    await until((v) => v.floor.queue[0]?.kind === 'point-of-order');
    expect(queue()[0]).toEqual({ delegationId: 'egypt', kind: 'point-of-order' });
    await place(page, 1).waitFor();

    const morocco = await open('morocco', 'Morocco', { width: 390, height: 844 });
    await morocco.page.getByText('You have the floor', { exact: true }).waitFor();
    await ok(moderator, {
      type: 'floor.grant',
      requestId: requestOf(latest(), 'egypt', 'point-of-order').id,
    });
    await morocco.page
      .getByText('Your turn is interrupted by a point of order', { exact: true })
      .waitFor();
    await morocco.page.locator('.clock-paused').waitFor();
    await page.getByText('You have the floor', { exact: true }).waitFor();
    expect(latest().turn?.limitMs).toBe(120_000);
    await screenshot(morocco.page, 'procedure-tablet-interrupted-390');
    await notSideways(morocco.page);

    await endTurn();
    expect(latest().turn?.speaker.delegationId).toBe('morocco');
    await morocco.page.getByText('You have the floor', { exact: true }).waitFor();
    await morocco.page
      .getByText('Your clock is paused until the chair resumes it.', { exact: true })
      .waitFor();
    await expect
      .poll(() => announced(morocco.page))
      .toEqual([
        'Your turn is interrupted by a point of order. Your clock is paused.',
        'The point of order is over: you have the floor again. Your clock is paused until the chair resumes it.',
      ]);
    await morocco.context.close();
  });

  it('Mexico waits with a statement and a point of order at once, each withdrawn on its own', async () => {
    const page = mexico.page;
    await ok(moderator, { type: 'floor.open' });
    await page.getByRole('button', { name: 'Request the floor' }).click();
    await until((v) => v.floor.queue.some((r) => r.delegationId === 'mexico'));
    await page.getByRole('button', { name: 'Raise a point of order' }).click();
    await page.getByRole('button', { name: 'Yes, raise a point of order' }).click();
    await until((v) => v.floor.queue.filter((r) => r.delegationId === 'mexico').length === 2);
    expect(queue()).toEqual([
      { delegationId: 'mexico', kind: 'point-of-order' },
      { delegationId: 'kenya', kind: 'statement' },
      { delegationId: 'ghana', kind: 'statement' },
      { delegationId: 'mexico', kind: 'statement' },
    ]);
    const cards = page.locator('.delegate-request');
    await expect
      .poll(() => cards.evaluateAll((all) => all.map((c) => c.getAttribute('aria-label'))))
      .toEqual(['Point of order', 'Statement']);
    await cards.first().getByText('Number 1 in line', { exact: true }).waitFor();
    await cards.last().getByText('Number 4 in line', { exact: true }).waitFor();
    await screenshot(page, 'procedure-tablet-two-requests-390');
    await notSideways(page);
    expect(await buttonsNamedOtherwise(page)).toEqual([]);

    await page.getByRole('button', { name: 'Withdraw request for a point of order' }).click();
    await page.getByRole('group', { name: 'Withdraw your point of order?' }).waitFor();
    await page.getByRole('button', { name: 'Yes, withdraw' }).click();
    await until((v) => v.floor.queue.filter((r) => r.delegationId === 'mexico').length === 1);
    expect(queue().at(-1)).toEqual({ delegationId: 'mexico', kind: 'statement' });
    await page.getByText('Number 3 in line', { exact: true }).waitFor();
    await expect
      .poll(async () => (await announced(page)).slice(-3))
      .toEqual([
        'You are number 3 in line.',
        'Your point of order is number 1 in line. Your statement is number 4 in line.',
        'Your point of order is no longer in line. You are number 3 in line.',
      ]);
  });

  it('shows no script or CSP problem', () => {
    for (const screen of [egypt, mexico]) {
      expect(screen.problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
    }
  });
});
