import type { Page } from 'playwright-core';
import { remainingAt } from '../../shared/clock/turnClock';
import { type Client, connect, join, ok } from '../support/server';
import type { RoomServer } from './room';

/** The delegations with the longest official names, as the room asks for the floor. */
export const LONG_NAMED_REQUESTS: readonly { delegationId: string; speakerName?: string }[] = [
  { delegationId: 'democratic-republic-of-the-congo' },
  { delegationId: 'micronesia', speakerName: 'Ambassador Maria-Theresa Aldana-Livingstone' },
  { delegationId: 'lao-peoples-democratic-republic' },
  { delegationId: 'saint-vincent-and-the-grenadines' },
  { delegationId: 'bolivia', speakerName: 'Vice-Minister Juan Carlos Quispe Mamani' },
  { delegationId: 'venezuela' },
  { delegationId: 'iran' },
  { delegationId: 'democratic-peoples-republic-of-korea' },
  { delegationId: 'united-republic-of-tanzania' },
  { delegationId: 'iom' },
];

/** Who has the floor in that room: the longest name of all, with a named speaker. */
export const LONG_NAMED_TURN = {
  delegationId: 'united-kingdom',
  speakerName: 'Sir Alexander Montgomery-Fitzwilliam',
};

export interface LongNamedRoom {
  meetingId: string;
  codes: Awaited<ReturnType<RoomServer['createMeeting']>>['codes'];
  /** The chair's socket, for the commands a test sends (the list, the next speaker). */
  chair: (command: Parameters<typeof ok>[1]) => Promise<number>;
  /** Adds or removes time so that the current turn has `remainingMs` left (negative: overtime). */
  leaveRemaining: (remainingMs: number) => Promise<void>;
}

/**
 * A panel's interactive discussion where the United Kingdom of Great Britain and Northern Ireland
 * has the floor, its clock running, and ten delegations of long official names wait.
 */
export const longNamedRoom = async (server: RoomServer): Promise<LongNamedRoom> => {
  const { meetingId, codes } = await server.createMeeting();
  const token = (await join(server.url, meetingId, codes.chair)).token;
  const chair = await connect(server.url, token);
  await ok(chair, { type: 'agenda.start' });
  await ok(chair, { type: 'agenda.next' });
  await ok(chair, { type: 'agenda.next' });
  await ok(chair, { type: 'floor.add', ...LONG_NAMED_TURN });
  for (const request of LONG_NAMED_REQUESTS) await ok(chair, { type: 'floor.add', ...request });
  await ok(chair, { type: 'floor.next' });
  chair.close();
  /** A chair's socket for one command: the server may have been restarted since the last. */
  const asChair = async <T>(act: (client: Client) => Promise<T>): Promise<T> => {
    const client = await connect(server.url, token);
    try {
      return await act(client);
    } finally {
      client.close();
    }
  };
  return {
    meetingId,
    codes,
    chair: (command) => asChair((client) => ok(client, command)),
    leaveRemaining: (remainingMs) =>
      asChair(async (client) => {
        const turn = client.latest().turn;
        if (!turn) throw new Error('nobody has the floor');
        // A turn cannot be given less than no time: at most, its limit goes to 0:00.
        const deltaMs = Math.max(
          -turn.limitMs,
          Math.round(remainingMs - remainingAt(turn, Date.now())),
        );
        await ok(client, { type: 'turn.adjust', deltaMs, turnId: turn.id });
      }),
  };
};

/**
 * The time left that puts a 3:00 intervention (warning at 2:30) in each phase, and the words the
 * clock says then. Overtime: the limit goes to 0:00, the clock counts up from the time spoken.
 */
export const PHASES = [
  { phase: 'normal', remainingMs: 120_000, words: 'Time left' },
  { phase: 'warning', remainingMs: 25_000, words: 'Warning' },
  { phase: 'overtime', remainingMs: -600_000, words: 'Time is up' },
] as const;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box of the glyphs of an element's text (not of the element), in the viewport's pixels. */
export const textBox = (page: Page, selector: string): Promise<Box | null> =>
  page.evaluate((sel) => {
    const element = document.querySelector(sel);
    if (!element) return null;
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) return null;
    return {
      left: Math.min(...rects.map((r) => r.left)),
      top: Math.min(...rects.map((r) => r.top)),
      right: Math.max(...rects.map((r) => r.right)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
  }, selector);

/**
 * Every word of a delegation's name that is cut or broken, on the page as drawn: a word drawn on
 * two lines (`Internation / al`), a name ending in an ellipsis or clipped by its box, a name that
 * is not wholly visible inside its clipping box. An empty answer is a name shown whole.
 */
export const cutNames = (
  page: Page,
  selector: string,
  names: readonly string[],
): Promise<string[]> =>
  page.evaluate(
    ({ sel, whole }) => {
      const problems: string[] = [];
      const clippingBoxOf = (element: Element): DOMRect => {
        // The page's own scrolling is not a cut: only the boxes that clip their content count.
        let box = new DOMRect(-1e6, -1e6, 2e6, 2e6);
        for (let e = element.parentElement; e; e = e.parentElement) {
          const style = getComputedStyle(e);
          if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
            const r = e.getBoundingClientRect();
            const left = Math.max(box.left, r.left);
            const top = Math.max(box.top, r.top);
            box = new DOMRect(
              left,
              top,
              Math.min(box.right, r.right) - left,
              Math.min(box.bottom, r.bottom) - top,
            );
          }
        }
        return box;
      };
      for (const element of Array.from(document.querySelectorAll(sel))) {
        const text = element.textContent ?? '';
        if (!whole.includes(text)) {
          problems.push(`"${text}" is not a whole name`);
          continue;
        }
        const style = getComputedStyle(element);
        if (
          style.textOverflow === 'ellipsis' &&
          (element.scrollWidth > element.clientWidth + 1 ||
            element.scrollHeight > element.clientHeight + 1)
        ) {
          problems.push(`"${text}" ends in an ellipsis`);
        }
        if (style.webkitLineClamp !== 'none' && element.scrollHeight > element.clientHeight + 1) {
          problems.push(`"${text}" is clamped`);
        }
        const node = element.firstChild;
        if (!(node instanceof Text)) continue;
        const clip = clippingBoxOf(element);
        // Words end at spaces, and after a hyphen the name itself carries ("Guinea-Bissau"), where
        // a line may break as between words.
        let at = 0;
        for (const piece of text.split(/(?<=[ -])/)) {
          const word = piece.trimEnd();
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          at += piece.length;
          const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
          if (rects.length !== 1) {
            problems.push(`"${word}" of "${text}" is drawn in ${rects.length} pieces`);
            continue;
          }
          const [r] = rects;
          // A word's box is its font's ascent and descent, taller than a tight line: a fifth of
          // it may pass the clip above or below with every glyph still seen.
          const slack = r ? r.height / 5 : 0;
          if (
            r &&
            (r.left < clip.left - 1 ||
              r.right > clip.right + 1 ||
              r.top < clip.top - slack ||
              r.bottom > clip.bottom + slack)
          ) {
            problems.push(`"${word}" of "${text}" is not wholly visible`);
          }
        }
      }
      return problems;
    },
    { sel: selector, whole: [...names] },
  );

/** Whether the page scrolls sideways: its content is wider than its window. */
export const sidewaysOverflow = (
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number }> =>
  page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
