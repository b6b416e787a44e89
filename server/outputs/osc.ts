import type { FastifyBaseLogger } from 'fastify';
import { Client, Message } from 'node-osc';
import type { HookPayload } from '../../shared/protocol/hooks';

/** Where OSC messages go: one UDP host and port (`OSC_TARGETS=host:port[,host:port]`). */
export interface OscTarget {
  host: string;
  port: number;
}

/** How many targets `OSC_TARGETS` may name: each message is sent to every one. */
export const MAX_OSC_TARGETS = 16;

/**
 * `OSC_TARGETS` read: `host:port`, comma-separated. A host is a name or an IPv4 address (the
 * library sends over UDP on IPv4). Answers the targets, or what is wrong in words.
 */
export const parseOscTargets = (text: string): OscTarget[] | { problem: string } => {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { problem: 'name at least one host:port' };
  if (parts.length > MAX_OSC_TARGETS) {
    return { problem: `at most ${MAX_OSC_TARGETS} targets` };
  }
  const targets: OscTarget[] = [];
  for (const part of parts) {
    const match = /^([A-Za-z0-9.-]+):(\d{1,5})$/.exec(part);
    const port = Number(match?.[2]);
    if (!match?.[1] || !Number.isInteger(port) || port < 1 || port > 65535) {
      return {
        problem: `"${part.slice(0, 80)}" is not host:port (a name or an IPv4 address, and a port from 1 to 65535, e.g. 192.168.1.20:53000)`,
      };
    }
    targets.push({ host: match[1], port });
  }
  return targets;
};

/** An OSC string argument, typed so an empty string or a digit string stays a string. */
const s = (value: string) => ({ type: 's', value });
const i = (value: number) => ({ type: 'i', value: Math.round(value) });

/**
 * The OSC message of an event (docs/integrations.md, "OSC"), or null for an event OSC does not
 * carry. The contract's three addresses only: lighting desks and gateways match on them.
 */
export const oscMessageOf = (event: HookPayload): Message | null => {
  switch (event.event) {
    case 'turn.started':
      return new Message(
        '/rostrum/turn/started',
        s(event.meetingId),
        s(event.data.speaker.name),
        s(event.data.speaker.delegationName ?? ''),
        i(event.data.limitMs / 1000),
      );
    case 'turn.ended':
      return new Message('/rostrum/turn/ended', s(event.meetingId), s(event.data.id));
    case 'turn.phase':
      return new Message('/rostrum/turn/phase', s(event.meetingId), s(event.data.phase));
    default:
      return null;
  }
};

/**
 * The OSC targets of this server, each with its UDP socket (node-osc's `Client`). A send is one
 * datagram handed to the kernel, never awaited by anything else: UDP does not wait for a
 * lighting desk. A target's messages leave one after the other, in order: a target named by a
 * host name is looked up at each send, and two lookups under way could finish the other way round.
 */
export class OscSender {
  private readonly clients: Client[];
  /** Per target, the send under way: the next one starts when it has left. */
  private readonly tails = new Map<Client, Promise<void>>();
  private closed = false;
  /** Targets whose last send failed, so a dead target is logged once, not at every turn. */
  private readonly failing = new Set<Client>();

  constructor(
    targets: readonly OscTarget[],
    private readonly log: FastifyBaseLogger,
  ) {
    this.clients = targets.map((target) => {
      const client = new Client(target.host, target.port);
      // Without a listener an 'error' would throw out of the event loop.
      client.on('error', (error: unknown) => this.failed(client, error));
      client._sock.unref();
      return client;
    });
  }

  send(event: HookPayload): void {
    const message = oscMessageOf(event);
    if (!message || this.closed) return;
    for (const client of this.clients) {
      const sent = (this.tails.get(client) ?? Promise.resolve()).then(
        () =>
          new Promise<void>((done) => {
            if (this.closed) {
              done();
              return;
            }
            try {
              client.send(message, (error: unknown) => {
                // A send cut short by the server's stop is no news of the target.
                if (error && !this.closed) this.failed(client, error);
                else this.failing.delete(client);
                done();
              });
            } catch (error) {
              this.failed(client, error);
              done();
            }
          }),
      );
      this.tails.set(client, sent);
      // The last send forgets itself, so an idle target holds no chain of promises.
      void sent.then(() => {
        if (this.tails.get(client) === sent) this.tails.delete(client);
      });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.clients.map((client) => new Promise<void>((done) => void client.close(() => done()))),
    );
  }

  private failed(client: Client, error: unknown): void {
    if (this.failing.has(client)) return;
    this.failing.add(client);
    this.log.warn(
      { err: error, target: `${client.host}:${client.port}` },
      'OSC target unreachable: messages to it are lost until it answers again',
    );
  }
}
