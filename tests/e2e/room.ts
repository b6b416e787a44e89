import { rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { DisplayCodeScreen } from '../../client/app/router';
import { buildApp } from '../../server/app';
import type { ServerClock } from '../../server/clock';
import type { OutputOptions } from '../../server/outputs/outputs';
import type { AgendaInput } from '../../shared/protocol/agenda';
import type { Command } from '../../shared/protocol/commands';
import type { CreateMeetingResponse, MeetingCodes } from '../../shared/protocol/http';
import { ensureClientBuilt } from '../support/browser';
import {
  ADMIN_TOKEN,
  type Client,
  connect,
  createMeeting,
  join,
  ok,
  tempDir,
} from '../support/server';

/** A piece of an expert panel, as the procedural note runs it, with the default roster. */
export const PANEL_AGENDA: AgendaInput = {
  title: 'Informal thematic session on migration',
  timeZone: 'America/New_York',
  venue: 'Trusteeship Council Chamber',
  breakNote: 'Side events may be held in the lunch break, 13:15-14:45',
  items: [
    {
      id: 'panel-1',
      title: 'Expert panel 1',
      kind: 'panel',
      steps: [
        {
          id: 'opening',
          kind: 'speakers',
          title: "Moderator's opening remarks",
          speakers: [{ id: 'moderator', name: 'Moderator of panel 1', role: 'Moderator' }],
          allowance: { limitMs: 420_000, warnAtMs: 300_000 },
        },
        {
          id: 'presentations',
          kind: 'speakers',
          title: 'Presentations by the experts',
          speakers: [
            { id: 'expert-1', name: 'Expert 1 of panel 1', role: 'Expert' },
            { id: 'expert-2', name: 'Expert 2 of panel 1', role: 'Expert' },
          ],
          allowance: { limitMs: 420_000, warnAtMs: 300_000 },
        },
        {
          id: 'discussion',
          kind: 'floor',
          title: 'Interactive discussion',
          allowance: { limitMs: 180_000, warnAtMs: 150_000 },
          clusterSize: 3,
        },
        {
          id: 'concluding',
          kind: 'speakers',
          title: "Moderator's concluding remarks",
          speakers: [{ id: 'moderator', name: 'Moderator of panel 1', role: 'Moderator' }],
          allowance: { limitMs: 420_000, warnAtMs: 300_000 },
        },
      ],
    },
  ],
};

/**
 * The panel of PANEL_AGENDA with interventions from the floor of 6 s (warning at 3 s), so that a
 * clock passes its warning point and its limit while a test watches.
 */
export const quickFloorPanel = (): AgendaInput['items'][number] => {
  const panel = PANEL_AGENDA.items[0];
  if (!panel) throw new Error('the panel agenda has a panel');
  return {
    ...panel,
    steps: panel.steps.map((step) =>
      step.kind === 'floor' ? { ...step, allowance: { limitMs: 6_000, warnAtMs: 3_000 } } : step,
    ),
  };
};

/** What a test may set of the server: the rest is the room's (built screens, no default meeting). */
export interface RoomServerOptions {
  /** Where the server reads its time (through restarts too). */
  clock?: ServerClock;
  /** How the room's outputs deliver (a test shortens the webhooks' retries). */
  outputs?: Partial<OutputOptions>;
}

/**
 * The real server with the built screens, on a port of 127.0.0.1 that it keeps across a restart
 * (the browsers reconnect to the same address), and its own DATA_DIR.
 */
export class RoomServer {
  private app: FastifyInstance | null = null;
  port = 0;

  private constructor(
    readonly dataDir: string,
    private readonly clientDir: string,
    private readonly options: RoomServerOptions,
  ) {}

  static async start(options: RoomServerOptions = {}): Promise<RoomServer> {
    const server = new RoomServer(await tempDir('rostrum-e2e-'), ensureClientBuilt(), options);
    await server.listen();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts (again) on the same DATA_DIR and, after the first start, the same port. */
  async listen(): Promise<void> {
    const app = await buildApp({
      dataDir: this.dataDir,
      adminToken: ADMIN_TOKEN,
      clientDir: this.clientDir,
      createDefaultMeeting: false,
      ...(this.options.clock && { clock: this.options.clock }),
      ...(this.options.outputs && { outputs: this.options.outputs }),
    });
    await app.listen({ host: '127.0.0.1', port: this.port });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    this.port = address.port;
    this.app = app;
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = null;
  }

  async close(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /** A meeting of the panel agenda and the default roster (the 193 Member States and others). */
  createMeeting(): Promise<CreateMeetingResponse> {
    return createMeeting(this.url, { agenda: PANEL_AGENDA });
  }

  joinLink(meetingId: string, code: string): string {
    return `${this.url}/m/${meetingId}/join?code=${encodeURIComponent(code)}`;
  }
}

/**
 * The room of the podium's and the overlay's tests: the real server, a meeting of PANEL_AGENDA and
 * the default roster at its interactive discussion (nobody on the floor yet), and the chair's
 * socket, which sends the console's commands and sees every state.
 */
export interface PanelDiscussion {
  server: RoomServer;
  meetingId: string;
  codes: MeetingCodes;
  chair: Client;
  /** A command of the chair's, which the server must accept. */
  send: (command: Command) => Promise<number>;
  /** The podium's or the overlay's address with the room display's code (and `query`). */
  address: (screen: DisplayCodeScreen, query?: Record<string, string>) => string;
  /** Closes the chair's socket and the server. */
  close: () => Promise<void>;
}

export const openPanelDiscussion = async (): Promise<PanelDiscussion> => {
  const server = await RoomServer.start();
  const { meetingId, codes } = await server.createMeeting();
  const chair = await connect(server.url, (await join(server.url, meetingId, codes.chair)).token);
  const send = (command: Command) => ok(chair, command);
  await send({ type: 'agenda.start' });
  await send({ type: 'agenda.next' });
  await send({ type: 'agenda.next' });
  return {
    server,
    meetingId,
    codes,
    chair,
    send,
    address: (screen, query = {}) =>
      `${server.url}/m/${meetingId}/${screen}?${new URLSearchParams({ code: codes.display, ...query })}`,
    close: async () => {
      chair.close();
      await server.close();
    },
  };
};

/** `M:SS` or `-M:SS` as seconds left (negative past the limit). */
export const secondsOf = (clock: string | null): number => {
  const match = /^(-?)(\d+):(\d\d)$/.exec((clock ?? '').trim());
  if (!match) throw new Error(`not a clock: ${JSON.stringify(clock)}`);
  const seconds = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -seconds : seconds;
};
