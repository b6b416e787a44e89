import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaInput } from '../../shared/protocol/agenda';
import type { MeetingCodes } from '../../shared/protocol/http';
import type { MeetingView } from '../../shared/protocol/view';
import { launchBrowser, openScreen, type Screen, screenshot } from '../support/browser';
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
import { focused } from './focus';
import { buttonsChecked, buttonsNamedOtherwise } from './labels';
import { PANEL_AGENDA, quickFloorPanel, RoomServer } from './room';

/** The panel with interventions of 6 s (warning at 3 s): a clock the test sees run over. */
const TABLET_AGENDA: AgendaInput = { ...PANEL_AGENDA, items: [quickFloorPanel()] };

const SPEAKER = 'Ms. Ana Fontana';
/** "Withdraw request" as a screen reader hears it: each request has its own, named by its kind. */
const WITHDRAW = 'Withdraw request for a statement';

describe("a UN system entity's tablet, explaining itself", () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: MeetingCodes;
  let iom: Screen;
  /** The chair's commands, sent as the console would. */
  let officer: Client;
  /** Other delegations asking for the floor around the IOM's tablet. */
  let tablets: OtherTablets;

  const latest = (): MeetingView => officer.latest();
  const until = (predicate: (view: MeetingView) => boolean) => untilState(officer, predicate);
  /** What the tablet said since it had said `from` things. */
  const saidSince = async (from: number) => (await announced(iom.page)).slice(from);
  const place = (n: number) => iom.page.getByText(`Number ${n} in line`, { exact: true });

  beforeAll(async () => {
    server = await RoomServer.start();
    ({ meetingId, codes } = await createMeeting(server.url, { agenda: TABLET_AGENDA }));
    tablets = new OtherTablets(server.url, meetingId, codes);
    const { token } = await joinMeeting(server.url, meetingId, codes.chair);
    officer = await connect(server.url, token);
    await ok(officer, { type: 'agenda.start' });
    await ok(officer, { type: 'agenda.next' });
    await ok(officer, { type: 'agenda.next' });
    await until((v) => v.current?.stepId === 'discussion');
    browser = await launchBrowser();
    iom = await openScreen(browser, { width: 768, height: 1024 }, { hasTouch: true });
    await iom.page.goto(server.joinLink(meetingId, codes.delegations.iom ?? ''));
    await iom.page.getByRole('button', { name: 'Request the floor' }).waitFor();
    await listenToAnnouncements(iom.page);
  });

  afterAll(async () => {
    officer?.close();
    tablets?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the speaker it named, and says why its place moved back', async () => {
    const page = iom.page;
    await page.getByText('Name the speaker (optional)').click();
    await page.getByLabel("Speaker's name").fill(SPEAKER);
    expect(await buttonsNamedOtherwise(page)).toEqual([]);
    await page.getByRole('button', { name: 'Request the floor' }).click();
    await place(1).waitFor();
    await page.getByText(`Speaker: ${SPEAKER}`).waitFor();
    // The request form gave way to the place in line: the focus is on its button.
    await expect.poll(() => focused(page)).toBe(WITHDRAW);

    // A stakeholder asking after it changes nothing; a State asking after it goes ahead.
    await tablets.ask('ituc');
    await until((v) => v.floor.queue.length === 2);
    await tablets.ask('mexico');
    await place(2).waitFor();
    const why = page.getByText('Your place moved back: States speak first in this discussion.');
    await why.waitFor();
    await screenshot(page, 'tablet-moved-back-for-states');
    await tablets.ask('morocco');
    await place(3).waitFor();
    await why.waitFor();

    // Moved back by the chair, not by a State: no such reason.
    await ok(officer, {
      type: 'floor.move',
      requestId: requestOf(latest(), 'ituc').id,
      position: 0,
    });
    await place(4).waitFor();
    expect(await why.count()).toBe(0);
    await ok(officer, { type: 'floor.grant', requestId: requestOf(latest(), 'ituc').id });
    await place(3).waitFor();
    await expect
      .poll(() => saidSince(0))
      .toEqual([
        'You are number 1 in line.',
        'You are now number 2 in line: States speak first in this discussion.',
        'You are now number 3 in line: States speak first in this discussion.',
        'You are number 4 in line.',
        'You are number 3 in line.',
      ]);
    expect(await buttonsNamedOtherwise(page)).toEqual([]);
    expect(await buttonsChecked(page)).toBeGreaterThan(1);
  });

  it('says "You have the floor", then the warning and the overrun, once each', async () => {
    const page = iom.page;
    const from = (await announced(page)).length;
    await ok(officer, { type: 'floor.grant', requestId: requestOf(latest(), 'iom').id });
    await page.getByText('You have the floor', { exact: true }).waitFor();
    await page.getByText(`Speaker: ${SPEAKER}`).waitFor();
    await page.locator('.clock-phase', { hasText: 'Time is up' }).waitFor();
    // Two more seconds go by, unannounced.
    await expect
      .poll(async () => (await page.getByRole('timer').textContent())?.trim(), { timeout: 10_000 })
      .toMatch(/^-0:0[2-9]$/);
    const said = await saidSince(from);
    expect(said).toHaveLength(3);
    expect(said[0]).toBe('You have the floor.');
    expect(said[1]).toMatch(/^Warning: [1-3] seconds? left\.$/);
    expect(said[2]).toBe('Your time is up.');
    await screenshot(page, 'tablet-has-floor-overtime');
    expect(await buttonsNamedOtherwise(page)).toEqual([]);
  });

  it('says when the list of speakers closes', async () => {
    const page = iom.page;
    await ok(officer, { type: 'turn.end', turnId: latest().turn?.id });
    await page.getByRole('button', { name: 'Request the floor' }).waitFor();
    const from = (await announced(page)).length;
    await ok(officer, { type: 'floor.close' });
    await page.getByText('The list of speakers is closed: no new statements are taken.').waitFor();
    const request = page.getByRole('button', { name: 'Request the floor' });
    expect(await request.isDisabled()).toBe(true);
    expect(await request.getAttribute('title')).toBe('The list of speakers is closed.');
    await expect.poll(() => saidSince(from)).toEqual(['The list of speakers is closed.']);
    await ok(officer, { type: 'floor.open' });
    await expect.poll(() => request.isEnabled()).toBe(true);
    await expect
      .poll(() => saidSince(from))
      .toEqual(['The list of speakers is closed.', 'The list of speakers is open again.']);
  });

  it('"Withdraw request" asks first, and the focus follows each answer', async () => {
    const page = iom.page;
    await page.getByRole('button', { name: 'Request the floor' }).focus();
    await page.keyboard.press('Enter');
    await place(3).waitFor();
    await expect.poll(() => focused(page)).toBe(WITHDRAW);

    await page.keyboard.press('Enter');
    const question = page.getByRole('group', { name: 'Withdraw your request for the floor?' });
    await question
      .getByText('You are number 3 in line. Asking again later puts you at the end of the line.')
      .waitFor();
    expect(await focused(page)).toBe('Yes, withdraw');
    expect(await buttonsNamedOtherwise(page)).toEqual([]);
    await screenshot(page, 'tablet-withdraw-question');
    // Escape keeps the request, and the focus returns to the button.
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe(WITHDRAW);
    await place(3).waitFor();
    expect(latest().floor.queue.map((r) => r.delegationId)).toContain('iom');

    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Request the floor' }).waitFor();
    await until((v) => !v.floor.queue.some((r) => r.delegationId === 'iom'));
    await expect.poll(() => focused(page)).toBe('Request the floor');
  });

  it('shows no script or CSP problem', () => {
    expect(iom.problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
  });
});
