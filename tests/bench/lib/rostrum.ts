/**
 * The Rostrum server as the benchmark drives it: in its own child process (server/child.ts),
 * reached over HTTP and socket.io on loopback like any client, and asked over IPC only for what
 * no client can see (a forced GC and process.memoryUsage()).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { AgendaInput, Roster } from '../../../shared/protocol/agenda';
import type { Command } from '../../../shared/protocol/commands';
import type { CommandAck } from '../../../shared/protocol/errors';
import type { CreateMeetingResponse, JoinResponse } from '../../../shared/protocol/http';
import type { MeetingState } from '../../../shared/protocol/state';
import { mapLimit } from './net';
import { type BenchDatabase, benchDatabaseUrl, freshBenchDatabase } from './postgres';
import { type Child, spawnChild } from './rpc';

/**
 * sqlite: DATA_DIR on disk, DURABILITY=normal (the default); sqlite-full: DURABILITY=full;
 * postgres: a database of its own on the PostgreSQL of DATABASE_URL (./postgres.ts).
 */
export type StoreKind = 'sqlite' | 'sqlite-full' | 'memory' | 'sqlite-shm' | 'postgres';

export interface ServerStart {
  port: number;
  adminToken: string;
  /** How the store was set up, in words, for the report. */
  store: string;
}

export interface MemoryUsage {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export class RostrumServer {
  private constructor(
    readonly child: Child,
    readonly origin: string,
    readonly adminToken: string,
    readonly storeDescription: string,
    private readonly dataDir: string | undefined,
    private readonly database: BenchDatabase | undefined,
  ) {}

  static async start(
    store: StoreKind = 'sqlite',
    name = 'server',
    options: { oscTargets?: { host: string; port: number }[] } = {},
  ): Promise<RostrumServer> {
    const base = store === 'sqlite-shm' ? '/dev/shm' : tmpdir();
    const inMemory = store === 'memory' || store === 'postgres';
    const dataDir = inMemory ? undefined : mkdtempSync(join(base, 'rostrum-bench-'));
    let database: BenchDatabase | undefined;
    if (store === 'postgres') {
      const url = benchDatabaseUrl();
      if (url === undefined) throw new Error('the postgres store needs DATABASE_URL');
      database = await freshBenchDatabase(url);
    }
    // BENCH_PROFILE_DIR=dir writes a CPU profile of each server child there (see docs/benchmarks.md).
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const child = spawnChild(name, 'server/child.ts', {
      nodeFlags: [
        '--expose-gc',
        ...(profileDir
          ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, `${name}-${Date.now()}`)}`]
          : []),
      ],
    });
    try {
      const started = await child.call<ServerStart>(
        'start',
        { dataDir, store, databaseUrl: database?.url, ...options },
        60_000,
      );
      return new RostrumServer(
        child,
        `http://127.0.0.1:${started.port}`,
        started.adminToken,
        database?.description ?? started.store,
        dataDir,
        database,
      );
    } catch (error) {
      await child.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
      throw error;
    }
  }

  /** The server process's id (for /proc/<pid>/fd). */
  get pid(): number {
    const pid = this.child.process.pid;
    if (pid === undefined) throw new Error('the server process has no pid');
    return pid;
  }

  /** Open file descriptors of the server process: sockets, the database, pipes. */
  openDescriptors(): number {
    return readdirSync(`/proc/${this.pid}/fd`).length;
  }

  /** Bytes of every file in DATA_DIR (the database, its -wal and -shm, the codes); 0 in memory. */
  dataBytes(): number {
    if (!this.dataDir) return 0;
    let total = 0;
    for (const name of readdirSync(this.dataDir)) total += statSync(join(this.dataDir, name)).size;
    return total;
  }

  /** Forced GC (twice, so weak and finalised things go too), then process.memoryUsage(). */
  memory(): Promise<MemoryUsage> {
    return this.child.call<MemoryUsage>('memory', null, 30_000);
  }

  /** CPU time the server process has used so far, µs of user and system time together. */
  async cpuMicros(): Promise<number> {
    const { user, system } = await this.child.call<{ user: number; system: number }>('cpu');
    return user + system;
  }

  /** How late the server sent each turn.phase its clocks brought, ms (server/outputs/). */
  phaseLateness(): Promise<number[]> {
    return this.child.call<number[]>('phaseLateness');
  }

  async stop(): Promise<void> {
    try {
      await this.child.call('stop', null, 10_000);
    } catch {
      // it may already be gone; the kill below makes sure
    }
    await this.child.stop();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
    await this.database?.drop();
  }

  async createMeeting(
    body: { agenda?: AgendaInput; roster?: Roster } = {},
  ): Promise<CreateMeetingResponse> {
    const res = await fetch(`${this.origin}/api/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== 201)
      throw new Error(`POST /api/meetings: ${res.status} ${text.slice(0, 400)}`);
    return JSON.parse(text) as CreateMeetingResponse;
  }

  async join(meetingId: string, code: string): Promise<JoinResponse> {
    const res = await fetch(`${this.origin}/api/meetings/${meetingId}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`join: ${res.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as JoinResponse;
  }

  /** One token per code, joined a few at a time. */
  async joinMany(meetingId: string, codes: string[]): Promise<string[]> {
    const answers = await mapLimit(codes, 16, (code) => this.join(meetingId, code));
    return answers.map((a) => a.token);
  }

  /** A socket.io client in this process (the moderator's or the chair's console). */
  async officer(meetingId: string, code: string): Promise<Officer> {
    const { token } = await this.join(meetingId, code);
    return Officer.connect(this.origin, token);
  }
}

/** A connected console: sends commands and waits for acks; keeps the last state it got. */
export class Officer {
  last: MeetingState | undefined;
  private readonly versionWaiters = new Set<() => void>();

  private constructor(readonly socket: Socket) {
    socket.on('state', (view: MeetingState) => {
      this.last = view;
      for (const w of this.versionWaiters) w();
    });
  }

  static connect(origin: string, token: string): Promise<Officer> {
    return new Promise((resolve, reject) => {
      const socket = io(origin, {
        transports: ['websocket'],
        auth: { token },
        reconnection: false,
        forceNew: true,
      });
      const officer = new Officer(socket);
      socket.once('connect', () => resolve(officer));
      socket.once('connect_error', (e: Error) => {
        socket.disconnect();
        reject(e);
      });
    });
  }

  send(command: Command, timeoutMs = 30_000): Promise<CommandAck> {
    return new Promise((resolve, reject) => {
      this.socket
        .timeout(timeoutMs)
        .emit('command', command, (error: Error | null, ack: CommandAck) => {
          if (error) reject(error);
          else resolve(ack);
        });
    });
  }

  /** Sends and insists on `ok`. */
  async must(command: Command): Promise<number> {
    const ack = await this.send(command);
    if (!ack.ok) throw new Error(`${command.type}: ${ack.error.code} ${ack.error.message}`);
    return ack.version;
  }

  /** Resolves when a state of at least this version has arrived (or rejects after the timeout). */
  waitForVersion(version: number, timeoutMs = 30_000): Promise<MeetingState> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.last && this.last.version >= version) {
          clearTimeout(timer);
          this.versionWaiters.delete(check);
          resolve(this.last);
        }
      };
      const timer = setTimeout(() => {
        this.versionWaiters.delete(check);
        reject(new Error(`no state of version ${version} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.versionWaiters.add(check);
      check();
    });
  }

  sync(clientTime: number, timeoutMs = 5000): Promise<number> {
    return new Promise((resolve, reject) => {
      this.socket
        .timeout(timeoutMs)
        .emit('sync', clientTime, (error: Error | null, serverNow: number) => {
          if (error) reject(error);
          else resolve(serverNow);
        });
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}
