/**
 * Request and answer over the IPC channel of a forked child, so every benchmark process (server,
 * client fleets, baseline, proxy) runs on its own event loop and the parent only coordinates.
 * Every call has a deadline, every child dies with its parent, and every child has a lifetime cap.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface CallMessage {
  kind: 'call';
  id: number;
  method: string;
  params: unknown;
}
interface ReplyMessage {
  kind: 'reply';
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}
interface EventMessage {
  kind: 'event';
  name: string;
  data: unknown;
}
type FromChild = ReplyMessage | EventMessage;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The longest any benchmark child may live: 12 minutes, or what the runner set (a soak's length). */
const childLifetimeMs = (): number => {
  const set = Number(process.env.BENCH_CHILD_LIFETIME_MS);
  return Number.isFinite(set) && set > 0 ? set : 12 * 60 * 1000;
};

const live = new Set<ChildProcess>();
let exitHooked = false;
const hookExit = (): void => {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
};

export interface SpawnOptions {
  /** Extra node flags (e.g. `--expose-gc`); `--import tsx` is always there. */
  nodeFlags?: string[];
  env?: NodeJS.ProcessEnv;
  args?: string[];
  /** Echo the child's stderr (default: kept, shown only if the child fails). */
  echo?: boolean;
}

export class Child {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >();
  private readonly listeners = new Map<string, Set<(data: unknown) => void>>();
  private stderrTail = '';
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly process: ChildProcess,
  ) {
    live.add(process);
    hookExit();
    process.on('message', (raw: unknown) => this.onMessage(raw));
    process.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000);
    });
    this.exited = new Promise((resolve) => {
      process.on('exit', (code) => {
        live.delete(process);
        for (const [, p] of this.pending) {
          clearTimeout(p.timer);
          p.reject(new Error(`${name} exited (${code}) during a call. stderr: ${this.stderrTail}`));
        }
        this.pending.clear();
        resolve(code);
      });
    });
  }

  get stderr(): string {
    return this.stderrTail;
  }

  private onMessage(raw: unknown): void {
    if (!isObject(raw)) return;
    const msg = raw as unknown as FromChild;
    if (msg.kind === 'reply') {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(`${this.name}: ${msg.error ?? 'failed'}`));
    } else if (msg.kind === 'event') {
      for (const listener of this.listeners.get(msg.name) ?? []) listener(msg.data);
    }
  }

  call<R>(method: string, params: unknown = null, timeoutMs = 60_000): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}.${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: (v) => resolve(v as R), reject, timer });
      const message: CallMessage = { kind: 'call', id, method, params };
      this.process.send(message);
    });
  }

  on(name: string, listener: (data: unknown) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Asks politely, then kills after a grace period. */
  async stop(graceMs = 3000): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Forks a TypeScript module of the benchmark (path relative to tests/bench/). */
export const spawnChild = (name: string, module: string, options: SpawnOptions = {}): Child => {
  const file = fileURLToPath(new URL(`../${module}`, import.meta.url));
  const child = fork(file, options.args ?? [], {
    execArgv: ['--import', 'tsx', ...(options.nodeFlags ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', options.echo ? 'inherit' : 'ignore', 'pipe', 'ipc'],
  });
  if (options.echo) child.stderr?.pipe(process.stderr);
  return new Child(name, child);
};

type Handler = (params: never) => unknown;

/** In a child: answers the parent's calls with these handlers. */
export const serve = (handlers: Record<string, Handler>): void => {
  if (!process.send) throw new Error('not a forked child');
  const send = (m: ReplyMessage | EventMessage): void => {
    if (process.connected) process.send?.(m);
  };
  process.on('message', (raw: unknown) => {
    if (!isObject(raw) || raw.kind !== 'call') return;
    const msg = raw as unknown as CallMessage;
    const handler = handlers[msg.method];
    if (!handler) {
      send({ kind: 'reply', id: msg.id, ok: false, error: `no method ${msg.method}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(msg.params as never))
      .then(
        (result) => send({ kind: 'reply', id: msg.id, ok: true, result }),
        (error: unknown) =>
          send({
            kind: 'reply',
            id: msg.id,
            ok: false,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          }),
      );
  });
  // Die with the parent, and never outlive the benchmark.
  process.on('disconnect', () => process.exit(0));
  setTimeout(() => process.exit(3), childLifetimeMs()).unref();
};

/** In a child: tells the parent something it did not ask for (progress, samples). */
export const emit = (name: string, data: unknown): void => {
  if (process.connected) process.send?.({ kind: 'event', name, data } satisfies EventMessage);
};
