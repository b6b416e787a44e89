import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingCodes } from '../../shared/protocol/http';
import type { RecordResponse } from '../../shared/protocol/record';
import { launchBrowser, openScreen, type Screen, screenshot } from '../support/browser';
import { type Client, connect, http, join, ok } from '../support/server';
import { RoomServer } from './room';

/** Problems that are not the screens' fault (a refused request logs a failed resource). */
const scriptProblems = (screen: Screen) =>
  screen.problems.filter((p) => !p.includes('Failed to load resource'));

describe('closing is the chair’s, and can be undone (issue 10, point 12)', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: MeetingCodes;
  let chair: Screen;
  let moderator: Screen;
  let display: Screen;
  /** A co-chair's socket, to bring the meeting to its last step quickly. */
  let coChair: Client;
  let chairToken: string;

  const turnsRecorded = async () =>
    (
      await http<RecordResponse>(server.url, `/api/meetings/${meetingId}/record`, {
        token: chairToken,
      })
    ).body.turns.map((t) => t.speakerName);

  beforeAll(async () => {
    server = await RoomServer.start();
    ({ meetingId, codes } = await server.createMeeting());
    browser = await launchBrowser();
    chair = await openScreen(browser, { width: 1280, height: 900 });
    moderator = await openScreen(browser, { width: 1280, height: 900 });
    display = await openScreen(browser, { width: 1280, height: 720 });
    await chair.page.goto(server.joinLink(meetingId, codes.chair));
    await chair.page.waitForURL(`**/m/${meetingId}/chair`);
    await moderator.page.goto(server.joinLink(meetingId, codes.moderator));
    await moderator.page.waitForURL(`**/m/${meetingId}/moderator`);
    await display.page.goto(server.joinLink(meetingId, codes.display));
    await display.page.waitForURL(`**/m/${meetingId}/display`);
    chairToken = (await join(server.url, meetingId, codes.chair)).token;
    coChair = await connect(server.url, chairToken);
  });

  afterAll(async () => {
    coChair?.close();
    await browser?.close();
    await server?.close();
  });

  it('the moderator is not offered the “next step” that would close the meeting', async () => {
    await chair.page.getByRole('button', { name: 'Start session' }).click();
    // At an earlier step the moderator moves on as ever.
    await moderator.page.getByRole('button', { name: /Next step.*Presentations/ }).waitFor();
    await ok(coChair, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'concluding' });
    await moderator.page
      .getByText('This is the last step: only a chair may close the meeting.')
      .waitFor();
    expect(await moderator.page.getByRole('button', { name: /Next step/ }).count()).toBe(0);
    await moderator.page
      .getByRole('button', { name: 'Give the floor to Moderator of panel 1' })
      .click();
    await display.page.locator('.display-speaker', { hasText: 'Moderator of panel 1' }).waitFor();
    await screenshot(moderator.page, 'closing-moderator-last-step');
  });

  it('the chair closes with “next step” at the last step, after confirming', async () => {
    const page = chair.page;
    await page.getByRole('button', { name: /Next step/ }).click();
    await page.getByRole('button', { name: /close the meeting/i }).click();
    await display.page.getByText('The meeting is closed').waitFor();
    await moderator.page.getByText('The meeting is closed.').waitFor();
    await page.getByRole('button', { name: 'Reopen the meeting' }).waitFor();
    expect(await turnsRecorded()).toEqual(['Moderator of panel 1']);
    await screenshot(page, 'closing-chair-closed');
  });

  it('the chair reopens it after confirming: running at its last step, nobody on the floor', async () => {
    const page = chair.page;
    await page.getByRole('button', { name: 'Reopen the meeting' }).click();
    const question = page.getByRole('group', { name: /Reopen the meeting\?/ });
    await question.getByText(/at the step where it closed, with nobody on the floor/).waitFor();
    await screenshot(page, 'closing-chair-reopen-question');
    await question.getByRole('button', { name: 'Yes, reopen the meeting' }).click();
    await page.locator('.screen-status', { hasText: 'In session' }).waitFor();
    await page.getByText("Expert panel 1: Moderator's concluding remarks").first().waitFor();
    await page
      .getByRole('region', { name: 'Has the floor' })
      .getByText('Nobody has the floor.')
      .waitFor();
    // The room follows: the display leaves "closed", the moderator's console is back.
    await expect.poll(() => display.page.getByText('The meeting is closed').count()).toBe(0);
    await moderator.page
      .getByText('This is the last step: only a chair may close the meeting.')
      .waitFor();
    // Nothing recorded was lost.
    expect(await turnsRecorded()).toEqual(['Moderator of panel 1']);
    await screenshot(page, 'closing-chair-reopened');
    await screenshot(display.page, 'closing-display-reopened');
    expect(scriptProblems(chair)).toEqual([]);
    expect(scriptProblems(moderator)).toEqual([]);
  });
});
