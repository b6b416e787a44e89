import { useSyncExternalStore } from 'react';
import type { Role } from '../../shared/protocol/common';

/**
 * A router small enough to read at a glance: the screens are a handful of paths, so a match on
 * `location.pathname` does the work of a library.
 */
export type Route =
  | { page: 'home'; meetingId: string | null }
  | { page: 'join'; meetingId: string; code: string }
  | { page: 'screen'; meetingId: string; screen: Role; section?: ScreenSection }
  /** The chair's printable pages, read over HTTP with the device's token. */
  | { page: 'report'; meetingId: string }
  | { page: 'cards'; meetingId: string }
  /** The chair's devices and codes: who is connected, sign-outs, new codes, the audit. */
  | { page: 'devices'; meetingId: string }
  /**
   * The screens the room display's code opens besides the room display: the podium at the
   * lectern and the webcast's overlay. `code` (may be empty) is the display code the address
   * carries, so that one address, pasted once into a mixer's browser source, joins by itself.
   */
  | { page: DisplayCodeScreen; meetingId: string; code: string }
  | { page: 'unknown' };

/** The podium and the overlay: both joined with the room display's code (a display token). */
export type DisplayCodeScreen = 'podium' | 'overlay';

/** A part of a screen with a path of its own: the chair's agenda editor. */
export type ScreenSection = 'agenda';

const SCREENS: readonly Role[] = ['chair', 'moderator', 'display', 'delegate'];
const isScreen = (name: string): name is Role => (SCREENS as readonly string[]).includes(name);

export const screenPath = (meetingId: string, screen: Role): string =>
  `/m/${encodeURIComponent(meetingId)}/${screen}`;

export const sectionPath = (meetingId: string, screen: Role, section: ScreenSection): string =>
  `${screenPath(meetingId, screen)}/${section}`;

export const pagePath = (meetingId: string, page: 'report' | 'cards' | 'devices'): string =>
  `/m/${encodeURIComponent(meetingId)}/${page}`;

/**
 * `/m/<id>/podium`, `/m/<id>/overlay`; with `code`, an address that joins by itself with the room
 * display's code (for a browser source pasted once and reloaded by the mixer at will).
 */
export const displayCodePath = (
  meetingId: string,
  screen: DisplayCodeScreen,
  code?: string,
): string =>
  `/m/${encodeURIComponent(meetingId)}/${screen}${
    code === undefined ? '' : `?code=${encodeURIComponent(code)}`
  }`;

export const homePath = (meetingId?: string): string =>
  meetingId === undefined ? '/' : `/?meeting=${encodeURIComponent(meetingId)}`;

export const routeOf = (pathname: string, search: string): Route => {
  const query = new URLSearchParams(search);
  if (pathname === '/' || pathname === '/index.html') {
    return { page: 'home', meetingId: query.get('meeting') };
  }
  const match = /^\/m\/([^/]+)\/([a-z]+)(?:\/([a-z]+))?\/?$/.exec(pathname);
  if (!match?.[1] || !match[2]) return { page: 'unknown' };
  const meetingId = decodeURIComponent(match[1]);
  const name = match[2];
  const section = match[3];
  if (section !== undefined) {
    return name === 'chair' && section === 'agenda'
      ? { page: 'screen', meetingId, screen: name, section }
      : { page: 'unknown' };
  }
  if (name === 'join') return { page: 'join', meetingId, code: query.get('code') ?? '' };
  if (name === 'report' || name === 'cards' || name === 'devices') return { page: name, meetingId };
  if (name === 'podium' || name === 'overlay') {
    return { page: name, meetingId, code: query.get('code') ?? '' };
  }
  return isScreen(name) ? { page: 'screen', meetingId, screen: name } : { page: 'unknown' };
};

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
window.addEventListener('popstate', notify);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

const snapshot = () => window.location.pathname + window.location.search;

export const navigate = (path: string, options: { replace?: boolean } = {}): void => {
  if (path === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  notify();
};

export const useRoute = (): Route => {
  const where = useSyncExternalStore(subscribe, snapshot);
  const [pathname = '/', search = ''] = splitQuery(where);
  return routeOf(pathname, search);
};

const splitQuery = (where: string): [string, string] => {
  const at = where.indexOf('?');
  return at < 0 ? [where, ''] : [where.slice(0, at), where.slice(at)];
};
