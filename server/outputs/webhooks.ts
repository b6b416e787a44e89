import { createHmac, randomUUID } from 'node:crypto';
import { type ClientRequest, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { FastifyBaseLogger } from 'fastify';
import {
  type CreateHookBody,
  EVENT_HEADER,
  type HookAttempt,
  type HookEvent,
  type HookSummary,
  MAX_HOOKS_PER_MEETING,
  SIGNATURE_HEADER,
} from '../../shared/protocol/hooks';
import type { ServerClock } from '../clock';
import type { StoredHook, StoreHooks } from '../store/api';

/** How deliveries behave; tests shorten the waits. */
export interface HookOptions {
  /** How long a receiver has to answer one POST before it counts as failed. */
  timeoutMs: number;
  /**
   * The waits before each retry of a failed delivery, in order: one retry per entry, then the
   * event is given up (counted as failed) and the next one is sent.
   */
  retryDelaysMs: readonly number[];
  /** Events that may wait for one hook; past it, the oldest waiting is dropped (and counted). */
  queueLimit: number;
}

export const HOOK_DEFAULTS: HookOptions = {
  timeoutMs: 5_000,
  retryDelaysMs: [1_000, 2_000, 4_000, 8_000],
  queueLimit: 500,
};

/** `sha256=<hex HMAC-SHA256 of the raw body, keyed with the hook's secret>`. */
export const signatureOf = (body: string, secret: string): string =>
  `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

/** An address as the chair may see it: a password in it is masked. */
export const shownUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
};

/** An address as the logs keep it: no password, no query (a receiver's token may ride there). */
const loggedUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(unreadable)';
  }
};

/** Why a POST failed, in words for the chair (never a stack). */
const describeFailure = (error: unknown, timeoutMs: number): string => {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'address not found';
    case 'ECONNRESET':
      return 'connection reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'TIMEOUT':
      return `no answer within ${timeoutMs} ms`;
    default:
      return (error instanceof Error ? error.message : String(error)).slice(0, 200);
  }
};

type Outcome = { status: number } | { error: string };

/**
 * One POST of a body to a receiver. Resolves (never rejects) with the answer's status or why
 * there was none; the whole exchange, connection included, has `timeoutMs`. Redirects are not
 * followed: a signed body goes only where the chair said.
 */
const post = (
  url: URL,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Outcome> =>
  new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let req: ClientRequest;
    try {
      req = send(url, {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        signal,
      });
    } catch (error) {
      settle({ error: describeFailure(error, timeoutMs) });
      return;
    }
    const timer = setTimeout(() => {
      const error = Object.assign(new Error('timeout'), { code: 'TIMEOUT' });
      settle({ error: describeFailure(error, timeoutMs) });
      req.destroy(error);
    }, timeoutMs);
    timer.unref();
    req.on('response', (res: IncomingMessage) => {
      // The status is the answer; the body is read and thrown away, so the connection is free.
      res.on('error', () => undefined);
      res.resume();
      settle({ status: res.statusCode ?? 0 });
    });
    req.on('error', (error) => settle({ error: describeFailure(error, timeoutMs) }));
    req.end(body);
  });

interface Waiting {
  event: HookEvent;
  body: string;
}

/**
 * One hook's deliveries: a queue of its own, sent one at a time in order, each tried again after
 * a failure (backing off), so a slow or failing receiver holds back only its own events. Nothing
 * here runs inside a command: events are queued after the ack, and every POST is asynchronous.
 */
class HookQueue {
  private readonly waiting: Waiting[] = [];
  private busy = false;
  private closed = false;
  private delivered = 0;
  private failed = 0;
  private dropped = 0;
  private last: HookAttempt | null = null;
  private readonly abort = new AbortController();
  private retryTimer: NodeJS.Timeout | null = null;
  private wakeRetry: (() => void) | null = null;
  private readonly url: URL;

  constructor(
    readonly hook: StoredHook,
    private readonly options: HookOptions,
    private readonly clock: ServerClock,
    private readonly log: FastifyBaseLogger,
  ) {
    this.url = new URL(hook.url);
  }

  wants(event: HookEvent): boolean {
    return this.hook.events === null || this.hook.events.includes(event);
  }

  push(event: HookEvent, body: string): void {
    if (this.closed) return;
    if (this.waiting.length >= this.options.queueLimit) {
      // The one being tried stays; the oldest behind it goes. Those after it are the fresher news.
      this.waiting.splice(this.busy ? 1 : 0, 1);
      this.dropped++;
      if (this.dropped === 1 || this.dropped % 100 === 0) {
        this.log.warn(
          { hookId: this.hook.id, dropped: this.dropped },
          'webhook queue full: oldest waiting events dropped',
        );
      }
    }
    this.waiting.push({ event, body });
    void this.pump();
  }

  summary(): HookSummary {
    return {
      hookId: this.hook.id,
      url: shownUrl(this.hook.url),
      events: this.hook.events,
      createdAt: this.hook.createdAt,
      delivered: this.delivered,
      failed: this.failed,
      dropped: this.dropped,
      waiting: this.waiting.length,
      last: this.last,
    };
  }

  /** Stops at once: what waits is dropped, a POST under way is aborted, a retry not made. */
  close(): void {
    this.closed = true;
    this.waiting.length = 0;
    this.abort.abort();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.wakeRetry?.();
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let next = this.waiting[0]; next && !this.closed; next = this.waiting[0]) {
        await this.deliver(next);
        // Still the first: only the one under way is never dropped.
        if (this.waiting[0] === next) this.waiting.shift();
      }
    } catch (error) {
      this.log.error({ err: error, hookId: this.hook.id }, 'webhook delivery failed unexpectedly');
    } finally {
      this.busy = false;
    }
  }

  private async deliver(item: Waiting): Promise<void> {
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Rostrum',
      [SIGNATURE_HEADER]: signatureOf(item.body, this.hook.secret),
      [EVENT_HEADER]: item.event,
    };
    const { retryDelaysMs, timeoutMs } = this.options;
    for (let attempt = 1; !this.closed; attempt++) {
      const outcome = await post(this.url, item.body, headers, timeoutMs, this.abort.signal);
      if (this.closed) return;
      const ok = 'status' in outcome && outcome.status >= 200 && outcome.status < 300;
      this.last = {
        event: item.event,
        at: this.clock.now(),
        attempt,
        status: 'status' in outcome ? outcome.status : null,
        error:
          'error' in outcome
            ? outcome.error
            : ok
              ? null
              : outcome.status >= 300 && outcome.status < 400
                ? `answered ${outcome.status}: redirects are not followed`
                : `answered ${outcome.status}`,
        ok,
      };
      if (ok) {
        this.delivered++;
        return;
      }
      const wait = retryDelaysMs[attempt - 1];
      if (wait === undefined) {
        this.failed++;
        this.log.warn(
          { hookId: this.hook.id, event: item.event, attempts: attempt, error: this.last.error },
          'webhook event given up after every try failed',
        );
        return;
      }
      await this.pause(wait);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wakeRetry = resolve;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.wakeRetry = null;
        resolve();
      }, ms);
      this.retryTimer.unref();
    });
  }
}

/** Refused because the meeting has as many hooks as it may. */
export class TooManyHooks extends Error {}

/**
 * Every meeting's webhooks: kept in the store (they survive restarts), each with its queue.
 * `deliver` hands an event to the hooks of its meeting that asked for it and returns at once.
 */
export class Webhooks {
  private readonly queues = new Map<string, HookQueue>();
  /** Hooks being stored, per meeting: they count against its limit already. */
  private readonly adding = new Map<string, number>();

  private constructor(
    private readonly store: StoreHooks,
    private readonly options: HookOptions,
    private readonly clock: ServerClock,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Every stored hook, each with its queue started. */
  static async open(
    store: StoreHooks,
    options: HookOptions,
    clock: ServerClock,
    log: FastifyBaseLogger,
  ): Promise<Webhooks> {
    const webhooks = new Webhooks(store, options, clock, log);
    for (const hook of await store.all()) webhooks.start(hook);
    return webhooks;
  }

  /** Whether a meeting has any hook. */
  has(meetingId: string): boolean {
    for (const queue of this.queues.values()) if (queue.hook.meetingId === meetingId) return true;
    return false;
  }

  /** A new hook, stored before it is answered; its first event is the next one. */
  async add(
    meetingId: string,
    body: CreateHookBody,
    createdBy: 'chair' | 'operator',
  ): Promise<string> {
    const adding = this.adding.get(meetingId) ?? 0;
    if (this.of(meetingId).length + adding >= MAX_HOOKS_PER_MEETING) {
      throw new TooManyHooks(
        `This meeting has ${MAX_HOOKS_PER_MEETING} webhooks already: remove one first.`,
      );
    }
    const hook: StoredHook = {
      id: randomUUID(),
      meetingId,
      url: body.url,
      secret: body.secret,
      events: body.events ?? null,
      createdAt: this.clock.now(),
      createdBy,
    };
    this.adding.set(meetingId, adding + 1);
    try {
      await this.store.add(hook);
    } finally {
      const left = (this.adding.get(meetingId) ?? 1) - 1;
      if (left > 0) this.adding.set(meetingId, left);
      else this.adding.delete(meetingId);
    }
    this.start(hook);
    this.log.info(
      { meetingId, hookId: hook.id, url: loggedUrl(hook.url), events: hook.events, createdBy },
      'webhook added',
    );
    return hook.id;
  }

  /** Removes a hook of that meeting: false if it has none of that id. */
  async remove(meetingId: string, hookId: string): Promise<boolean> {
    const queue = this.queues.get(hookId);
    if (!queue || queue.hook.meetingId !== meetingId) return false;
    await this.store.remove(meetingId, hookId);
    // Another removal of the same hook may have ended while this one was stored.
    if (this.queues.get(hookId) !== queue) return false;
    queue.close();
    this.queues.delete(hookId);
    this.log.info({ meetingId, hookId }, 'webhook removed');
    return true;
  }

  list(meetingId: string): HookSummary[] {
    return this.of(meetingId).map((q) => q.summary());
  }

  deliver(meetingId: string, event: HookEvent, body: string): void {
    for (const queue of this.queues.values()) {
      if (queue.hook.meetingId === meetingId && queue.wants(event)) queue.push(event, body);
    }
  }

  close(): void {
    for (const queue of this.queues.values()) queue.close();
    this.queues.clear();
  }

  private of(meetingId: string): HookQueue[] {
    return [...this.queues.values()].filter((q) => q.hook.meetingId === meetingId);
  }

  private start(hook: StoredHook): void {
    this.queues.set(hook.id, new HookQueue(hook, this.options, this.clock, this.log));
  }
}
