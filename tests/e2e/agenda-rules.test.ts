import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingCodes } from '../../shared/protocol/http';
import type { MeetingView } from '../../shared/protocol/view';
import {
  launchBrowser,
  openScreen,
  type Screen,
  screenshot,
  seriousViolations,
} from '../support/browser';
import { type Client, connect, join, ok, untilState } from '../support/server';
import { createLateMeeting } from './late';
import { sidewaysOverflow } from './longNames';
import { RoomServer } from './room';

/** The discussion of the first panel, as the agenda stands in a state. */
const discussionIn = (view: MeetingView) => {
  const step = view.agenda.items[0]?.steps.find((s) => s.id === 'discussion');
  return step?.kind === 'floor' ? step : undefined;
};

describe('the rules of procedure of a step, in the chair’s agenda editor', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: MeetingCodes;
  let chair: Screen;
  /** A moderator's socket: what the room's devices receive of the edits. */
  let moderator: Client;
  let discussion: Locator;

  beforeAll(async () => {
    server = await RoomServer.start();
    ({ meetingId, codes } = await createLateMeeting(server));
    const token = (await join(server.url, meetingId, codes.moderator)).token;
    moderator = await connect(server.url, token);
    browser = await launchBrowser();
    chair = await openScreen(browser, { width: 1280, height: 1000 });
    await chair.page.goto(server.joinLink(meetingId, codes.chair));
    await chair.page.waitForURL(`**/m/${meetingId}/chair`);
    await chair.page.goto(`${server.url}/m/${meetingId}/chair/agenda`);
    await chair.page.getByRole('heading', { name: 'Edit the agenda' }).waitFor();
    discussion = chair.page.getByRole('group', { name: /^Interactive discussion/ });
  });

  afterAll(async () => {
    moderator?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the defaults of a discussion that sets none', async () => {
    expect(await discussion.getByLabel('Order of statements').inputValue()).toBe('states-first');
    // The number of States is a rule of interleave only: hidden under another policy.
    expect(await discussion.getByLabel('States before one of the others').count()).toBe(0);
    expect(await discussion.getByLabel('Requests for the floor').inputValue()).toBe('step');
    const value = (label: string) => discussion.getByLabel(label, { exact: true }).inputValue();
    expect(await value('Group statement limit (min:sec)')).toBe('5:00');
    expect(await value('Group statement warning (min:sec)')).toBe('4:00');
    expect(await value('First reply limit (min:sec)')).toBe('10:00');
    expect(await value('Second reply warning (min:sec)')).toBe('4:00');
    expect(await value('Point of order limit (min:sec)')).toBe('2:00');
    await discussion
      .getByRole('group', { name: 'Statements on behalf of a group (default)' })
      .waitFor();
  });

  it('interleave, its number, early requests and a group’s clock go in one save', async () => {
    const policy = discussion.getByLabel('Order of statements');
    await policy.selectOption({ label: 'Interleave: one of the others after every few States' });
    const every = discussion.getByLabel('States before one of the others');
    expect(await every.inputValue()).toBe('3');
    await every.fill('25');
    await discussion.getByRole('button', { name: 'Save step' }).click();
    await discussion
      .getByText('States before one of the others: write a whole number from 1 to 20.')
      .waitFor();
    await every.fill('2');
    await discussion
      .getByLabel('Requests for the floor')
      .selectOption({ label: 'From the start of the item, during the presentations' });
    await discussion.getByLabel('Group statement limit (min:sec)').fill('6:00');
    await discussion.getByRole('button', { name: 'Save step' }).click();
    await discussion.getByText('Saved.').waitFor();

    const view = await untilState(moderator, (v) => discussionIn(v)?.interleaveEvery === 2);
    expect(discussionIn(view)).toMatchObject({
      queuePolicy: 'interleave',
      interleaveEvery: 2,
      requestsFrom: 'item',
      groupAllowance: { limitMs: 360_000, warnAtMs: 240_000 },
    });
    // The rules left as shown stay the defaults: nothing was written for them.
    expect(discussionIn(view)).not.toHaveProperty('replyAllowances');
    expect(discussionIn(view)).not.toHaveProperty('pointOfOrderAllowance');
    // The form shows what is saved now; the group's clock is the step's own.
    expect(await every.inputValue()).toBe('2');
    await discussion.getByRole('group', { name: 'Statements on behalf of a group' }).waitFor();
    await discussion.scrollIntoViewIfNeeded();
    await screenshot(chair.page, 'agenda-editor-discussion-rules');

    // The room follows: once the panel opens, the queue is the discussion's, taking requests.
    const chairSocket = await connect(
      server.url,
      (await join(server.url, meetingId, codes.chair)).token,
    );
    await ok(chairSocket, { type: 'agenda.start' });
    chairSocket.close();
    const opened = await untilState(moderator, (v) => v.current?.stepId === 'opening');
    expect(opened.floor.forStep).toEqual({ stepId: 'discussion', early: true });
    expect(opened.floor.policy).toBe('interleave');
  });

  it('a speakers step has a point of order’s clock, and none of a discussion’s rules', async () => {
    const presentations = chair.page.getByRole('group', { name: /^Presentations by the experts/ });
    expect(await presentations.getByLabel('Order of statements').count()).toBe(0);
    // The step's own warning keeps a label no rule's field contains (other tests find it so).
    expect(await presentations.getByLabel('Warning at (min:sec)').count()).toBe(1);
    expect(await presentations.getByLabel(/Limit for each speaker/).count()).toBe(1);
    await presentations.getByLabel('Point of order limit (min:sec)').fill('1:30');
    await presentations.getByLabel('Point of order warning (min:sec)').fill('1:00');
    await presentations.getByRole('button', { name: 'Save step' }).click();
    await presentations.getByText('Saved.').waitFor();
    const view = await untilState(
      moderator,
      (v) =>
        v.agenda.items[0]?.steps.some((s) => s.pointOfOrderAllowance?.limitMs === 90_000) === true,
    );
    expect(view.agenda.items[0]?.steps.find((s) => s.id === 'presentations')).toMatchObject({
      pointOfOrderAllowance: { limitMs: 90_000, warnAtMs: 60_000 },
    });
  });

  it('on a phone, the rules fit the width: nothing scrolls sideways', async () => {
    await chair.page.setViewportSize({ width: 390, height: 844 });
    await discussion.getByLabel('Order of statements').scrollIntoViewIfNeeded();
    const { scrollWidth, clientWidth } = await sidewaysOverflow(chair.page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await screenshot(chair.page, 'agenda-editor-discussion-rules-phone');
    await chair.page.setViewportSize({ width: 1280, height: 1000 });
  });

  it('the editor has no serious accessibility violation', async () => {
    expect(await seriousViolations(chair.page, '.item-editor')).toEqual([]);
    expect(chair.problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
  }, 120_000);
});
