import type { Browser, Page } from 'playwright-core';
import { openScreen, type Screen } from '../support/browser';
import type { LongNamedRoom } from './longNames';
import type { RoomServer } from './room';

/** The delegation whose tablet the tests hold: a long name, and a request with a named speaker. */
export const TABLET_DELEGATION = 'micronesia';

/** Every screen of Rostrum, by the path it is opened at, and what shows it is ready. */
export const SCREENS = [
  { name: 'join', device: 'stranger', path: () => '/', ready: 'Access code' },
  {
    name: 'chair',
    device: 'chair',
    path: (id: string) => `/m/${id}/chair`,
    ready: 'Chair console',
  },
  {
    name: 'agenda-editor',
    device: 'chair',
    path: (id: string) => `/m/${id}/chair/agenda`,
    ready: 'Edit the agenda',
  },
  {
    name: 'moderator',
    device: 'moderator',
    path: (id: string) => `/m/${id}/moderator`,
    ready: 'Moderator console',
  },
  {
    name: 'display',
    device: 'display',
    path: (id: string) => `/m/${id}/display`,
    ready: 'Next speakers',
  },
  {
    name: 'delegate',
    device: 'delegate',
    path: (id: string) => `/m/${id}/delegate`,
    ready: 'Micronesia (Federated States of)',
  },
  {
    name: 'report',
    device: 'chair',
    path: (id: string) => `/m/${id}/report`,
    ready: 'Report of the meeting',
  },
  {
    name: 'cards',
    device: 'chair',
    path: (id: string) => `/m/${id}/cards`,
    ready: 'Scan the QR code',
  },
  {
    name: 'devices',
    device: 'chair',
    path: (id: string) => `/m/${id}/devices`,
    ready: 'Devices and codes',
  },
] as const;

export type Device = (typeof SCREENS)[number]['device'];

/**
 * One browser context per device of the room (each keeps its own token, as a real device does),
 * joined by its code, at the given window size.
 */
export const openDevices = async (
  browser: Browser,
  server: RoomServer,
  room: LongNamedRoom,
  viewport: { width: number; height: number },
): Promise<Record<Device, Screen>> => {
  const codes: Record<Exclude<Device, 'stranger'>, string> = {
    chair: room.codes.chair,
    moderator: room.codes.moderator,
    display: room.codes.display,
    delegate: room.codes.delegations[TABLET_DELEGATION] ?? '',
  };
  const touch = viewport.width < 800 ? { hasTouch: true, isMobile: true } : {};
  const devices: Partial<Record<Device, Screen>> = {};
  devices.stranger = await openScreen(browser, viewport, touch);
  for (const [device, code] of Object.entries(codes) as [Exclude<Device, 'stranger'>, string][]) {
    const screen = await openScreen(browser, viewport, device === 'display' ? {} : touch);
    await screen.page.goto(server.joinLink(room.meetingId, code));
    await screen.page.waitForURL(`**/m/${room.meetingId}/${device}`);
    devices[device] = screen;
  }
  return devices as Record<Device, Screen>;
};

/** Opens a screen on its device and waits until it shows what it is for. */
export const showScreen = async (
  page: Page,
  server: RoomServer,
  meetingId: string,
  screen: (typeof SCREENS)[number],
): Promise<void> => {
  await page.goto(`${server.url}${screen.path(meetingId)}`);
  await page.getByText(screen.ready).first().waitFor();
};
