import { useMemo, useSyncExternalStore } from 'react';
import type { Role } from '../../shared/protocol/common';

/**
 * The tokens a device holds for a meeting, kept in localStorage so that a reload, or a tablet
 * waking from sleep, returns to the same screen. One per meeting and role: a laptop may hold the
 * chair's console in one tab and the moderator's in another, and the screen's path
 * (`/m/<id>/chair`) says which of them a tab shows, so joining with another code in a second tab
 * never changes the first. "Leave" forgets one role's token.
 */
export interface Session {
  meetingId: string;
  token: string;
  role: Role;
  delegationId?: string;
}

const PREFIX = 'rostrum.session.';
const ROLES: readonly Role[] = ['chair', 'moderator', 'display', 'delegate'];
const isRole = (value: unknown): value is Role => ROLES.some((role) => role === value);

const isSession = (value: unknown): value is Session => {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.meetingId === 'string' &&
    typeof s.token === 'string' &&
    isRole(s.role) &&
    (s.delegationId === undefined || typeof s.delegationId === 'string')
  );
};

/** `rostrum.session.<meetingId>.<role>`; meeting ids hold no dot. */
const keyOf = (meetingId: string, role: Role) => `${PREFIX}${meetingId}.${role}`;

/** Storage can be refused (a locked-down kiosk, private browsing): then nothing is remembered. */
const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

const storedText = (meetingId: string, role: Role): string | null => {
  try {
    return storage()?.getItem(keyOf(meetingId, role)) ?? null;
  } catch {
    return null;
  }
};

const sessionOf = (meetingId: string, role: Role, raw: string | null): Session | null => {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed) && parsed.meetingId === meetingId && parsed.role === role
      ? parsed
      : null;
  } catch {
    return null;
  }
};

/**
 * Versions before this one kept one token per meeting (`rostrum.session.<meetingId>`): each is
 * moved to its role's key once, so a device updated mid-meeting keeps its screen.
 */
const moveOldSessions = (): void => {
  const store = storage();
  if (!store) return;
  try {
    const old: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(PREFIX) && !key.slice(PREFIX.length).includes('.')) old.push(key);
    }
    for (const key of old) {
      const raw = store.getItem(key);
      store.removeItem(key);
      const parsed: unknown = raw === null ? null : JSON.parse(raw);
      if (isSession(parsed) && store.getItem(keyOf(parsed.meetingId, parsed.role)) === null) {
        store.setItem(keyOf(parsed.meetingId, parsed.role), JSON.stringify(parsed));
      }
    }
  } catch {
    // Unreadable leftovers: the device joins again.
  }
};
moveOldSessions();

export const loadSession = (meetingId: string, role: Role): Session | null =>
  sessionOf(meetingId, role, storedText(meetingId, role));

/** Pages of this tab that show a stored session; other tabs hear of changes by `storage` events. */
const listeners = new Set<() => void>();
const changed = () => {
  for (const listener of listeners) listener();
};

export const saveSession = (session: Session): void => {
  try {
    storage()?.setItem(keyOf(session.meetingId, session.role), JSON.stringify(session));
  } catch {
    // Not remembered: the screen still works until the page is reloaded.
  }
  changed();
};

/** Forgets the token of one role in a meeting; the device's other roles stay joined. */
export const forgetSession = (meetingId: string, role: Role): void => {
  try {
    storage()?.removeItem(keyOf(meetingId, role));
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
 * The session this device holds for a meeting in one role, kept current: a chair who rotates
 * the chair code on one page gets a new token, and every chair page of this device takes it up.
 */
export const useStoredSession = (meetingId: string, role: Role): Session | null => {
  const raw = useSyncExternalStore(subscribe, () => storedText(meetingId, role));
  return useMemo(() => sessionOf(meetingId, role, raw), [meetingId, role, raw]);
};

/**
 * The first of `roles` this device holds for a meeting, in that order, kept current: the
 * printable pages (no role in their path) read with the chair's token before a moderator's.
 */
export const useSessionAmong = (meetingId: string, roles: readonly Role[]): Session | null => {
  const raw = useSyncExternalStore(subscribe, () => {
    for (const role of roles) {
      const text = storedText(meetingId, role);
      if (sessionOf(meetingId, role, text)) return text;
    }
    return null;
  });
  return useMemo(() => {
    if (raw === null) return null;
    for (const role of roles) {
      const session = sessionOf(meetingId, role, raw);
      if (session) return session;
    }
    return null;
  }, [meetingId, roles, raw]);
};

/** Every meeting and role this device has joined and not left. */
export const storedSessions = (): Session[] => {
  const store = storage();
  if (!store) return [];
  const sessions: Session[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      const [meetingId, role] = key?.startsWith(PREFIX) ? key.slice(PREFIX.length).split('.') : [];
      if (meetingId === undefined || !isRole(role)) continue;
      const session = loadSession(meetingId, role);
      if (session) sessions.push(session);
    }
  } catch {
    return sessions;
  }
  return sessions;
};
