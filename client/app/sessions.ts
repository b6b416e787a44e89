import { useMemo, useSyncExternalStore } from 'react';
import type { Role } from '../../shared/protocol/common';

/**
 * The token a device holds for a meeting, kept in localStorage so that a reload, or a tablet
 * waking from sleep, returns to the same screen. "Leave" forgets it.
 */
export interface Session {
  meetingId: string;
  token: string;
  role: Role;
  delegationId?: string;
}

const PREFIX = 'rostrum.session.';
const ROLES: readonly string[] = ['chair', 'moderator', 'display', 'delegate'];

const isSession = (value: unknown): value is Session => {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.meetingId === 'string' &&
    typeof s.token === 'string' &&
    typeof s.role === 'string' &&
    ROLES.includes(s.role) &&
    (s.delegationId === undefined || typeof s.delegationId === 'string')
  );
};

/** Storage can be refused (a locked-down kiosk, private browsing): then nothing is remembered. */
const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

const storedText = (meetingId: string): string | null => {
  try {
    return storage()?.getItem(PREFIX + meetingId) ?? null;
  } catch {
    return null;
  }
};

const sessionOf = (meetingId: string, raw: string | null): Session | null => {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed) && parsed.meetingId === meetingId ? parsed : null;
  } catch {
    return null;
  }
};

export const loadSession = (meetingId: string): Session | null =>
  sessionOf(meetingId, storedText(meetingId));

/** Pages of this tab that show a stored session; other tabs hear of changes by `storage` events. */
const listeners = new Set<() => void>();
const changed = () => {
  for (const listener of listeners) listener();
};

export const saveSession = (session: Session): void => {
  try {
    storage()?.setItem(PREFIX + session.meetingId, JSON.stringify(session));
  } catch {
    // Not remembered: the screen still works until the page is reloaded.
  }
  changed();
};

export const forgetSession = (meetingId: string): void => {
  try {
    storage()?.removeItem(PREFIX + meetingId);
  } catch {
    // Nothing stored, nothing to forget.
  }
  changed();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
};

/**
 * The session this device holds for a meeting, kept current: a chair who rotates the chair code
 * on one page gets a new token, and every page of this device showing the meeting takes it up.
 */
export const useStoredSession = (meetingId: string): Session | null => {
  const raw = useSyncExternalStore(subscribe, () => storedText(meetingId));
  return useMemo(() => sessionOf(meetingId, raw), [meetingId, raw]);
};

/** Every meeting this device has joined and not left. */
export const storedSessions = (): Session[] => {
  const store = storage();
  if (!store) return [];
  const sessions: Session[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) {
      const session = loadSession(key.slice(PREFIX.length));
      if (session) sessions.push(session);
    }
  }
  return sessions;
};
