import type { Delegation } from '../../shared/protocol/agenda';
import type { Role } from '../../shared/protocol/common';
import type { MeetingCodesResponse } from '../../shared/protocol/http';
import type { HeldStepsResponse, ReportResponse } from '../../shared/protocol/record';

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

export interface JoinByCodeAnswer extends JoinAnswer {
  meetingId: string;
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

export const request = async <T>(path: string, init?: RequestInit): Promise<T> => {
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

export const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export const listMeetings = (): Promise<MeetingSummary[]> => request('/api/meetings');

export const fetchRoster = (meetingId: string): Promise<Delegation[]> =>
  request(`${meetingPath(meetingId)}/roster`);

export const joinMeeting = (meetingId: string, code: string): Promise<JoinAnswer> =>
  request(`${meetingPath(meetingId)}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });

/** A code alone (contract version 2): the answer names the meeting the code opens. */
export const joinByCode = (code: string): Promise<JoinByCodeAnswer> =>
  request('/api/join', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });

/** What a chair's or moderator's device may read with its token. */
export const withToken = (token: string): RequestInit => ({
  headers: { authorization: `Bearer ${token}` },
});

export const fetchHeldSteps = (meetingId: string, token: string): Promise<HeldStepsResponse> =>
  request(`${meetingPath(meetingId)}/steps`, withToken(token));

export const fetchReport = (meetingId: string, token: string): Promise<ReportResponse> =>
  request(`${meetingPath(meetingId)}/report`, withToken(token));

/** Every code of the meeting: a chair's token only. */
export const fetchCodes = (meetingId: string, token: string): Promise<MeetingCodesResponse> =>
  request(`${meetingPath(meetingId)}/codes`, withToken(token));

/** A CSV export of the record, as a file the browser saves. */
export const fetchCsv = async (meetingId: string, token: string, name: string): Promise<Blob> => {
  let response: Response;
  try {
    response = await fetch(`${meetingPath(meetingId)}/${name}`, withToken(token));
  } catch {
    throw new ApiError(0, 'offline', 'The server cannot be reached. Check the room network.');
  }
  if (!response.ok) throw await errorOf(response);
  return response.blob();
};

/** What went wrong with a join, for the person holding the code. */
export const joinProblem = (error: unknown): string => {
  if (!(error instanceof ApiError)) return 'Joining failed. Try again.';
  switch (error.code) {
    case 'unauthorized':
      return 'That access code opens no meeting on this server. Check it and try again.';
    case 'rate_limited':
      return 'Too many wrong codes from this device: wait a minute, then try again.';
    case 'not_found':
      return 'This meeting does not exist on this server.';
    default:
      return error.message;
  }
};
