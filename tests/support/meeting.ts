import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { AppOptions } from '../../server/app';
import type { MeetingCodes } from '../../shared/protocol/http';
import { type Client, connect, createMeeting, join, startServer, type TestServer } from './server';

/** A meeting of the test agenda with a device joined for each role and a few delegations. */
export interface Room {
  meetingId: string;
  codes: MeetingCodes;
  tokens: Record<'chair' | 'moderator' | 'display' | 'mexico' | 'morocco' | 'iom', string>;
  chair: Client;
  moderator: Client;
  display: Client;
  mexico: Client;
  morocco: Client;
  iom: Client;
  all: Client[];
  close: () => void;
}

const codeOf = (codes: MeetingCodes, delegationId: string): string => {
  const code = codes.delegations[delegationId];
  if (code === undefined) throw new Error(`no code for ${delegationId}`);
  return code;
};

export const openRoom = async (server: TestServer): Promise<Room> => {
  const { meetingId, codes } = await createMeeting(server.url);
  const token = async (code: string) => (await join(server.url, meetingId, code)).token;
  const tokens = {
    chair: await token(codes.chair),
    moderator: await token(codes.moderator),
    display: await token(codes.display),
    mexico: await token(codeOf(codes, 'mexico')),
    morocco: await token(codeOf(codes, 'morocco')),
    iom: await token(codeOf(codes, 'iom')),
  };
  const chair = await connect(server.url, tokens.chair);
  const moderator = await connect(server.url, tokens.moderator);
  const display = await connect(server.url, tokens.display);
  const mexico = await connect(server.url, tokens.mexico);
  const morocco = await connect(server.url, tokens.morocco);
  const iom = await connect(server.url, tokens.iom);
  const all = [chair, moderator, display, mexico, morocco, iom];
  return {
    meetingId,
    codes,
    tokens,
    chair,
    moderator,
    display,
    mexico,
    morocco,
    iom,
    all,
    close: () => {
      for (const client of all) client.close();
    },
  };
};

/**
 * A server for a describe block and a room on it: a fresh room for each test, or one room for
 * the whole block. Read `server` and `room` inside the tests (they are set by the hooks). The
 * options go to the server (a `clock`, for one).
 */
export const withRoom = (
  per: 'test' | 'block',
  options: Partial<AppOptions> = {},
): { server: TestServer; room: Room } => {
  const live = {} as { server: TestServer; room: Room };
  beforeAll(async () => {
    live.server = await startServer({ createDefaultMeeting: false, ...options });
    if (per === 'block') live.room = await openRoom(live.server);
  });
  afterAll(async () => {
    if (per === 'block') live.room.close();
    await live.server.close();
  });
  if (per === 'test') {
    beforeEach(async () => {
      live.room = await openRoom(live.server);
    });
    afterEach(() => live.room.close());
  }
  return live;
};
