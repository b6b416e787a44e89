import type { Delegation } from '../../shared/protocol/agenda';
import type { Role } from '../../shared/protocol/common';

/** The HTTP side of the contract (PROTOCOL.md, "HTTP"), as far as the screens use it. */
export interface MeetingSummary {
  meetingId: string;
  title: string;
}

export interface JoinAnswer {
  token: string;
  role: Role;
  delegationId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const errorOf = async (response: Response): Promise<ApiError> => {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = body.error ?? {};
    if (typeof code === 'string' && typeof message === 'string') {
      return new ApiError(response.status, code, message);
    }
  } catch {
    // Not the error shape: fall through to a plain description.
  }
  return new ApiError(response.status, 'unknown', `The server answered ${response.status}.`);
};

const request = async <T>(path: string, init?: RequestInit): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...init?.headers },
    });
  } catch {
    throw new ApiError(0, 'offline', 'The server cannot be reached. Check the room network.');
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
};

const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export const listMeetings = (): Promise<MeetingSummary[]> => request('/api/meetings');

export const fetchRoster = (meetingId: string): Promise<Delegation[]> =>
  request(`${meetingPath(meetingId)}/roster`);

export const joinMeeting = (meetingId: string, code: string): Promise<JoinAnswer> =>
  request(`${meetingPath(meetingId)}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });

/** What went wrong with a join, for the person holding the code. */
export const joinProblem = (error: unknown): string => {
  if (!(error instanceof ApiError)) return 'Joining failed. Try again.';
  switch (error.code) {
    case 'unauthorized':
      return 'That access code does not open this meeting. Check it and try again.';
    case 'rate_limited':
      return 'Too many wrong codes from this device: wait a minute, then try again.';
    case 'not_found':
      return 'This meeting does not exist on this server.';
    default:
      return error.message;
  }
};
